import Foundation

/// A calendar day (proleptic Gregorian), without time or time zone.
///
/// Plans, deadlines and reporting windows are about days ("trước ngày 15/12/2024"), so the domain never
/// touches `Date` and its time zones.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil when the day does not exist (30/02, 31/04, 29/02 outside leap years).
    public init?(_ year: Int, _ month: Int, _ day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        // Exactly ten ASCII bytes: four digits, "-", two digits, "-", two digits ("+024" is not a year).
        var fields = (0, 0, 0)
        var count = 0
        for byte in text.utf8 {
            count += 1
            switch count {
            case 5, 8:
                guard byte == 0x2D else { return nil }
            case 1...10:
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                let digit = Int(byte - 0x30)
                if count < 5 {
                    fields.0 = fields.0 * 10 + digit
                } else if count < 8 {
                    fields.1 = fields.1 * 10 + digit
                } else {
                    fields.2 = fields.2 * 10 + digit
                }
            default:
                return nil
            }
        }
        guard count == 10 else { return nil }
        self.init(fields.0, fields.1, fields.2)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The last day of a month.
    public static func endOf(month: Int, year: Int) -> Day {
        Day(year, month, daysIn(month: month, year: year))!
    }

    /// Encoded as its `YYYY-MM-DD` text, the way every exchange format of the project writes a day.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a day: \(text)")
        }
        self = day
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        guard (0...9999).contains(year) else { return Day.padded(year, 4) + "-" + Day.padded(month, 2) + "-" + Day.padded(day, 2) }
        // Ten ASCII bytes written in place: reports write hundreds of thousands of days.
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func digit(_ value: Int, at index: Int) { buffer[index] = 0x30 + UInt8(value) }
            digit(year / 1000, at: 0)
            digit(year / 100 % 10, at: 1)
            digit(year / 10 % 10, at: 2)
            digit(year % 10, at: 3)
            buffer[4] = 0x2D
            digit(month / 10, at: 5)
            digit(month % 10, at: 6)
            buffer[7] = 0x2D
            digit(day / 10, at: 8)
            digit(day % 10, at: 9)
            return 10
        }
    }

    /// `dd/MM/yyyy`, the way Vietnamese documents write dates ("15/12/2024").
    public var vietnamese: String {
        Day.padded(day, 2) + "/" + Day.padded(month, 2) + "/" + Day.padded(year, 4)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    public var description: String { iso }

    /// Days since 0001-01-01 (day 0), for arithmetic.
    public var ordinal: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += Day.daysIn(month: m, year: year) }
        return days + day - 1
    }

    /// The day `ordinal` days after 0001-01-01; the ordinal must lie within years 1…9999.
    public init(ordinal: Int) {
        precondition((0...Day.maxOrdinal).contains(ordinal), "Day ordinal \(ordinal) is outside years 1…9999")
        // Walk by 400-year cycles (146,097 days), then years, then months.
        var rest = ordinal
        var year = 1 + 400 * (rest / 146_097)
        rest %= 146_097
        while true {
            let length = Day.isLeap(year) ? 366 : 365
            if rest < length { break }
            rest -= length
            year += 1
        }
        var month = 1
        while rest >= Day.daysIn(month: month, year: year) {
            rest -= Day.daysIn(month: month, year: year)
            month += 1
        }
        self = Day(year, month, rest + 1)!
    }

    /// The ordinal of 9999-12-31, the last day there is.
    static let maxOrdinal = 3_652_058

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// The same day `months` later, clamped to the end of a shorter month.
    public func adding(months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let y = index / 12
        let m = index % 12 + 1
        return Day(y, m, min(day, Day.daysIn(month: m, year: y)))!
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        // 0001-01-01 was a Monday.
        ordinal % 7 + 1
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A closed interval of days, both ends included.
public struct DayRange: Hashable, Sendable, Codable {
    public var from: Day
    public var to: Day

    public init(from: Day, to: Day) {
        precondition(from <= to, "DayRange \(from)…\(to) is reversed")
        self.from = from
        self.to = to
    }

    public static func year(_ year: Int) -> DayRange {
        DayRange(from: Day(year, 1, 1)!, to: Day(year, 12, 31)!)
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }

    public func overlaps(_ other: DayRange) -> Bool { from <= other.to && other.from <= to }

    private enum CodingKeys: String, CodingKey { case from, to }

    /// Refuses a reversed range instead of trapping on it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let from = try container.decode(Day.self, forKey: .from)
        let to = try container.decode(Day.self, forKey: .to)
        guard from <= to else {
            throw DecodingError.dataCorruptedError(forKey: .to, in: container, debugDescription: "\(to.iso) < \(from.iso)")
        }
        self.init(from: from, to: to)
    }
}
