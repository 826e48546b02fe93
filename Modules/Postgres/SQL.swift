/// A statement whose interpolated values become `$n` parameters, never SQL text:
///
///     try connection.query("SELECT id FROM units WHERE code = \(code) AND year = \(year)")
///
/// sends `SELECT id FROM units WHERE code = $1 AND year = $2` with two binds. Splicing raw text (a quoted
/// identifier, a fixed keyword) needs the visibly unsafe `\(unsafeRaw: …)`.
public struct SQL: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement text with `$1`, `$2`, … placeholders.
    public private(set) var text: String
    /// The parameters, in placeholder order.
    public private(set) var binds: [PostgresBind]

    /// A statement from text written by the caller, with already numbered placeholders.
    public init(unsafeSQL text: String, binds: [PostgresBind] = []) {
        self.text = text
        self.binds = binds
    }

    /// A literal without interpolations.
    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(unsafeSQL: stringInterpolation.text, binds: stringInterpolation.binds)
    }

    /// The text followed by the binds, for logs and test failures.
    public var description: String {
        binds.isEmpty ? text : "\(text) -- \(binds.enumerated().map { "$\($0.offset + 1)=\($0.element)" }.joined(separator: ", "))"
    }

    /// Builds the text and the binds while a literal is interpolated.
    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        var text = ""
        var binds: [PostgresBind] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Any bindable value (including optionals, which send NULL) becomes the next `$n`.
        public mutating func appendInterpolation(_ value: some PostgresBindable) {
            binds.append(value.postgresBind)
            text += "$\(binds.count)"
        }

        /// An optional value: `nil` sends NULL (an explicit overload, so no "debug description" warning).
        public mutating func appendInterpolation<Value: PostgresBindable>(_ value: Value?) {
            binds.append(value.postgresBind)
            text += "$\(binds.count)"
        }

        /// Raw SQL text, spliced verbatim; only for text the program itself controls (e.g. a quoted identifier).
        public mutating func appendInterpolation(unsafeRaw raw: String) {
            text += raw
        }
    }
}
