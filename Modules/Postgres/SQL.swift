/// A statement whose interpolated values become `$n` parameters, never SQL text:
///
///     try connection.query("SELECT id FROM units WHERE code = \(code) AND year = \(year)")
///
/// sends `SELECT id FROM units WHERE code = $1 AND year = $2` with two binds. Fragments compose and are
/// numbered when the statement is sent (`"… WHERE \(filter) ORDER BY …"`, `+`, `joined(separator:)`).
/// Splicing raw text (a quoted identifier, a fixed keyword) needs the visibly unsafe `\(unsafeRaw: …)`.
public struct SQL: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// A piece of a statement: text written by the program, or a value sent as a parameter.
    enum Segment: Sendable, Hashable {
        case raw(String)
        case bind(PostgresBind)
    }

    private(set) var segments: [Segment]

    /// Text written by the program itself, sent verbatim (never build it from input).
    public init(unsafeSQL text: String) {
        segments = text.isEmpty ? [] : [.raw(text)]
    }

    /// A literal without interpolations.
    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        segments = stringInterpolation.segments
    }

    /// The statement text with `$1`, `$2`, … in order of the binds.
    public var text: String {
        var text = ""
        var number = 0
        for segment in segments {
            switch segment {
            case .raw(let raw):
                text += raw
            case .bind:
                number += 1
                text += "$\(number)"
            }
        }
        return text
    }

    /// The parameters, in placeholder order.
    public var binds: [PostgresBind] {
        segments.compactMap {
            if case .bind(let bind) = $0 { bind } else { nil }
        }
    }

    /// Appends another fragment; its values stay parameters and are renumbered.
    public mutating func append(_ other: SQL) {
        segments += other.segments
    }

    /// Two fragments one after the other.
    public static func + (lhs: SQL, rhs: SQL) -> SQL {
        var sum = lhs
        sum.append(rhs)
        return sum
    }

    /// The text followed by the binds, for logs and test failures.
    public var description: String {
        let binds = binds
        guard !binds.isEmpty else { return text }
        let list = binds.enumerated().map { "$\($0.offset + 1)=\($0.element)" }.joined(separator: ", ")
        return "\(text) -- \(list)"
    }

    /// Builds the segments while a literal is interpolated.
    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var segments: [Segment] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            segments.reserveCapacity(interpolationCount * 2 + 1)
        }

        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { segments.append(.raw(literal)) }
        }

        /// Any bindable value becomes the next `$n`.
        public mutating func appendInterpolation(_ value: some PostgresBindable) {
            segments.append(.bind(value.postgresBind))
        }

        /// An optional value: `nil` sends NULL (an explicit overload, so no "debug description" warning).
        public mutating func appendInterpolation<Value: PostgresBindable>(_ value: Value?) {
            segments.append(.bind(value.postgresBind))
        }

        /// Another fragment, spliced in with its own values still parameters.
        public mutating func appendInterpolation(_ fragment: SQL) {
            segments += fragment.segments
        }

        /// Raw SQL text, spliced verbatim; only for text the program itself controls (e.g. a quoted identifier).
        public mutating func appendInterpolation(unsafeRaw raw: String) {
            segments.append(.raw(raw))
        }
    }
}

extension Sequence<SQL> {
    /// The fragments separated by `separator`, e.g. conditions joined by `" AND "`.
    public func joined(separator: SQL) -> SQL {
        var result = SQL(unsafeSQL: "")
        for (index, fragment) in enumerated() {
            if index > 0 { result.append(separator) }
            result.append(fragment)
        }
        return result
    }
}
