import Foundation

/// One `$n` parameter as sent to the server: its type OID and its text form (nil is SQL NULL).
public struct PostgresBind: Sendable, Hashable, CustomStringConvertible {
    /// The declared type; `.unspecified` lets the server infer it from context.
    public var type: PostgresType
    /// The value in PostgreSQL's text input format; nil is NULL.
    public var text: String?

    /// A parameter of a given type (the text must be valid input for that type).
    public init(type: PostgresType, text: String?) {
        self.type = type
        self.text = text
    }

    /// SQL NULL, type inferred by the server.
    public static let null = PostgresBind(type: .unspecified, text: nil)

    /// A `jsonb` value from its JSON text (callers serialise; the server validates).
    public static func jsonb(_ json: String) -> PostgresBind { PostgresBind(type: .jsonb, text: json) }

    /// A string declared as `text` (instead of inferred), for places where the server cannot infer a type,
    /// e.g. `format('%s', $1)` or `$1 || $2`.
    public static func text(_ value: String) -> PostgresBind { PostgresBind(type: .text, text: value) }

    /// `$n::type` style debugging text; never used to build SQL.
    public var description: String {
        guard let text else { return "NULL" }
        return "'\(text)'::\(type)"
    }
}

/// A Swift value that can be a `$n` parameter.
///
/// Conformances: `String` (type inferred by the server, so it fits text, varchar, jsonb, date, uuid, enum
/// columns alike), `Int`/`Int64` (int8), `Int32` (int4), `Double` (float8), `Bool`, `Date` (timestamptz),
/// `PostgresDate` (date), `Data` (bytea), `UUID` (uuid), `[String]` and `[String?]` (text[]), `Optional` of any of them
/// (NULL), and `PostgresBind` itself.
public protocol PostgresBindable {
    /// The parameter this value becomes.
    var postgresBind: PostgresBind { get }
}

extension PostgresBind: PostgresBindable {
    public var postgresBind: PostgresBind { self }
}

extension Optional: PostgresBindable where Wrapped: PostgresBindable {
    public var postgresBind: PostgresBind { self?.postgresBind ?? .null }
}

extension String: PostgresBindable {
    public var postgresBind: PostgresBind { PostgresBind(type: .unspecified, text: self) }
}

extension Substring: PostgresBindable {
    public var postgresBind: PostgresBind { PostgresBind(type: .unspecified, text: String(self)) }
}

extension Int: PostgresBindable {
    public var postgresBind: PostgresBind { PostgresBind(type: .int8, text: String(self)) }
}

extension Int64: PostgresBindable {
    public var postgresBind: PostgresBind { PostgresBind(type: .int8, text: String(self)) }
}

extension Int32: PostgresBindable {
    public var postgresBind: PostgresBind { PostgresBind(type: .int4, text: String(self)) }
}

extension Double: PostgresBindable {
    /// Swift's shortest round-tripping text; infinities and NaN in PostgreSQL's spelling.
    public var postgresBind: PostgresBind {
        let text: String
        if isNaN {
            text = "NaN"
        } else if isInfinite {
            text = self < 0 ? "-Infinity" : "Infinity"
        } else {
            text = String(self)
        }
        return PostgresBind(type: .float8, text: text)
    }
}

extension Bool: PostgresBindable {
    public var postgresBind: PostgresBind { PostgresBind(type: .bool, text: self ? "true" : "false") }
}

extension Date: PostgresBindable {
    /// ISO 8601 in UTC with microseconds, the precision of timestamptz.
    public var postgresBind: PostgresBind { PostgresBind(type: .timestamptz, text: PostgresTimestamp.text(from: self)) }
}

extension Data: PostgresBindable {
    /// bytea in hex input format (`\x0a1b…`).
    public var postgresBind: PostgresBind {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        text.reserveCapacity(2 + count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return PostgresBind(type: .bytea, text: String(decoding: text, as: UTF8.self))
    }
}

extension Array: PostgresBindable where Element: PostgresTextArrayElement {
    /// A one-dimensional `text[]` literal with every element quoted and escaped (`{"a","b\"c",NULL}`).
    public var postgresBind: PostgresBind {
        PostgresBind(type: .textArray, text: PostgresArrayLiteral.render(map(\.arrayElementText)))
    }
}

extension UUID: PostgresBindable {
    /// A `uuid` in its canonical lowercase text form.
    public var postgresBind: PostgresBind { PostgresBind(type: .uuid, text: uuidString.lowercased()) }
}
