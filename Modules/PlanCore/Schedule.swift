/// Thời gian thực hiện: when an activity is expected, parsed from the Vietnamese text and kept beside it.
///
/// The grammar and its meanings are those of `docs/contracts/plan-v1.md` ("Meaning of schedule").
public struct Schedule: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// "thường xuyên", "cả năm": results expected in every reporting period of the plan year.
        case continuous
        /// A stretch of time: a year, quarters, months, a half-year.
        case period
        /// "Trước ngày 15/12/2024", "chậm nhất ngày …": only `to` is set.
        case deadline
        /// "Định kỳ hằng tháng / hằng quý": a result expected every `every`.
        case recurring
        /// Text the grammar cannot place in time ("khi có yêu cầu"): kept, to be read by a person.
        case unspecified
    }

    public enum Recurrence: String, CaseIterable, Sendable, Codable {
        case month
        case quarter
        case halfYear = "half-year"
        case year
    }

    /// The text as written in the document.
    public var text: String
    public var kind: Kind
    /// The first day the activity is expected, or nil.
    public var from: Day?
    /// The last day (for a deadline, the due date), or nil.
    public var to: Day?
    /// For `recurring` only.
    public var every: Recurrence?

    public init(text: String, kind: Kind, from: Day? = nil, to: Day? = nil, every: Recurrence? = nil) {
        self.text = text
        self.kind = kind
        self.from = from
        self.to = to
        self.every = every
    }

    /// The days during which the activity is expected, when the schedule places it in time.
    public var range: DayRange? {
        switch (from, to) {
        case let (from?, to?) where from <= to: return DayRange(from: from, to: to)
        default: return nil
        }
    }
}

extension Schedule: JSONRepresentable {
    public var json: JSONValue {
        .object([
            ("text", .string(text)),
            ("kind", .string(kind.rawValue)),
            ("from", .string(from?.iso)),
            ("to", .string(to?.iso)),
            ("every", .string(every?.rawValue)),
        ])
    }

    /// Reads the `schedule` object of `cchc.plan/v1` / `cchc.report/v1`.
    public init?(json: JSONValue) {
        guard let text = json["text"]?.stringValue, let kindText = json["kind"]?.stringValue,
            let kind = Kind(rawValue: kindText)
        else { return nil }
        self.init(
            text: text, kind: kind,
            from: json["from"]?.stringValue.flatMap { Day(iso: $0) },
            to: json["to"]?.stringValue.flatMap { Day(iso: $0) },
            every: json["every"]?.stringValue.flatMap { Recurrence(rawValue: $0) })
    }
}

extension Schedule {
    /// The time frame as the plan wrote it, or its days when the text is empty ("Trước ngày 15/05/2024").
    public var inWords: String {
        let written = VietnameseText.trimmed(text)
        if !written.isEmpty { return written }
        switch (from, to) {
        case let (from?, to?): return "Từ \(from.vietnamese) đến \(to.vietnamese)"
        case let (nil, to?): return "Trước ngày \(to.vietnamese)"
        default: return "Chưa xác định"
        }
    }
}
