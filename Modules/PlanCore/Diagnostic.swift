/// Something a reader should check in an imported document; never fatal.
public struct Diagnostic: Hashable, Sendable {
    /// A stable kebab-case code: `blank-number`, `incomplete-date`, `numbering-gap`,
    /// `unreadable-schedule`, `missing-lead`, `duplicate-activity`, …
    public var code: String
    /// What to check, in Vietnamese.
    public var message: String
    /// Where: "line 112", "bảng 2, hàng 3", "đoạn 40".
    public var location: String?

    public init(code: String, message: String, location: String? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }
}

extension Diagnostic: JSONRepresentable {
    public var json: JSONValue {
        .object([("code", .string(code)), ("message", .string(message)), ("location", .string(location))])
    }
}
