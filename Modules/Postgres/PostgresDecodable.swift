import Foundation

/// Why a value's text could not become a Swift value (Vietnamese); `PostgresRow` turns it into a
/// `PostgresError(.decoding)` naming the column.
public struct PostgresDecodingFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, in Vietnamese.
    public let reason: String

    /// Creates a failure with a Vietnamese reason.
    public init(_ reason: String) { self.reason = reason }

    /// The column's type does not fit the requested Swift type.
    public static func typeMismatch(_ type: PostgresType, into swiftType: Any.Type) -> PostgresDecodingFailure {
        PostgresDecodingFailure("cột kiểu \(type) không đọc được thành \(swiftType)")
    }

    /// The text is not a valid value of the requested Swift type.
    public static func invalid(_ text: String, as swiftType: Any.Type) -> PostgresDecodingFailure {
        let shown = text.count > 80 ? String(text.prefix(80)) + "…" : text
        return PostgresDecodingFailure("giá trị \"\(shown)\" không đọc được thành \(swiftType)")
    }

    public var description: String { reason }
}

/// A Swift value that can be read from a result column (always received in PostgreSQL's text format).
///
/// Conformances: `String` (any column, as its text), `Int`, `Int64`, `Int32` (integer columns, and numeric
/// holding a whole number), `Double`
/// (integer, float and numeric columns), `Bool`, `Date` (timestamptz, timestamp — read as UTC — and date),
/// `PostgresDate` (date), `Data` (bytea), `UUID` (uuid), `[String]` / `[String?]` (text[]), and `Optional` of each, which
/// is the only way to accept NULL.
public protocol PostgresDecodable {
    /// Decodes a non-NULL value from its text form, given the column's type.
    init(postgresText text: String, type: PostgresType) throws(PostgresDecodingFailure)
    /// What SQL NULL decodes to; nil (the default) means NULL is a decoding error.
    static var postgresNull: Self? { get }
}

extension PostgresDecodable {
    public static var postgresNull: Self? { nil }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresDecodingFailure) {
        self = .some(try Wrapped(postgresText: text, type: type))
    }
    public static var postgresNull: Wrapped?? { .some(.none) }
}

extension String: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresDecodingFailure) { self = text }
}

extension Int: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresDecodingFailure) {
        self = try decodeInteger(text, type)
    }
}

extension Int64: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresDecodingFailure) {
        self = try decodeInteger(text, type)
    }
}

extension Int32: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresDecodingFailure) {
        self = try decodeInteger(text, type)
    }
}

private func decodeInteger<T: FixedWidthInteger>(_ text: String, _ type: PostgresType) throws(PostgresDecodingFailure)
    -> T
{
    // numeric is accepted for whole numbers: sum(bigint) and similar aggregates return numeric.
    guard type.isInteger || type == .numeric else { throw .typeMismatch(type, into: T.self) }
    guard let value = T(text) else { throw .invalid(text, as: T.self) }
    return value
}

extension Double: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresDecodingFailure) {
        guard type.isNumeric else { throw .typeMismatch(type, into: Double.self) }
        guard let value = Double(text) else { throw .invalid(text, as: Double.self) }
        self = value
    }
}

extension Bool: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresDecodingFailure) {
        guard type == .bool else { throw .typeMismatch(type, into: Bool.self) }
        switch text {
        case "t": self = true
        case "f": self = false
        default: throw .invalid(text, as: Bool.self)
        }
    }
}

extension Date: PostgresDecodable {
    public init(postgresText text: String, type: PostgresType) throws(PostgresDecodingFailure) {
        guard [.timestamptz, .timestamp, .date].contains(type) else { throw .typeMismatch(type, into: Date.self) }
        guard let date = PostgresTimestamp.date(from: text) else { throw .invalid(text, as: Date.self) }
        self = date
    }
}

extension Data: PostgresDecodable {
    /// Reads bytea's hex output format (`\x…`, which every session is set to).
    public init(postgresText text: String, type: PostgresType) throws(PostgresDecodingFailure) {
        guard type == .bytea else { throw .typeMismatch(type, into: Data.self) }
        let digits = Array(text.utf8)
        guard digits.count >= 2, digits[0] == UInt8(ascii: "\\"), digits[1] == UInt8(ascii: "x"),
            digits.count % 2 == 0
        else { throw .invalid(text, as: Data.self) }
        func nibble(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes = Data(capacity: (digits.count - 2) / 2)
        var index = 2
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else {
                throw .invalid(text, as: Data.self)
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        self = bytes
    }
}

extension Array: PostgresDecodable where Element: PostgresTextArrayElement {
    public init(postgresText text: String, type: PostgresType) throws(PostgresDecodingFailure) {
        guard type.isTextArray else { throw .typeMismatch(type, into: [Element].self) }
        self = try PostgresArrayLiteral.parse(text).map { (element) throws(PostgresDecodingFailure) in
            try Element(arrayElementText: element)
        }
    }
}

extension UUID: PostgresDecodable {
    /// Reads a `uuid` column (or text holding one).
    public init(postgresText text: String, type: PostgresType) throws(PostgresDecodingFailure) {
        guard type == .uuid || type.isText else { throw .typeMismatch(type, into: UUID.self) }
        guard let uuid = UUID(uuidString: text) else { throw .invalid(text, as: UUID.self) }
        self = uuid
    }
}
