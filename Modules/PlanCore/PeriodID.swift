/// A kind of reporting period (kỳ báo cáo).
public enum PeriodKind: String, CaseIterable, Hashable, Sendable {
    /// Báo cáo tháng.
    case month
    /// Báo cáo quý.
    case quarter
    /// Báo cáo 6 tháng (đầu năm): the 6-month report of Nghị định 09/2019.
    case firstHalf = "first-half"
    /// 6 tháng cuối năm: no report of the decree, kept for provinces and schedules that use it.
    case secondHalf = "second-half"
    /// Báo cáo 9 tháng: not in the decree; some provinces ask for it.
    case nineMonths = "nine-months"
    /// Báo cáo năm.
    case year

    /// The kind in a Vietnamese sentence: "tháng", "quý", "6 tháng đầu năm", "năm".
    public var label: String {
        switch self {
        case .month: return "tháng"
        case .quarter: return "quý"
        case .firstHalf: return "6 tháng đầu năm"
        case .secondHalf: return "6 tháng cuối năm"
        case .nineMonths: return "9 tháng đầu năm"
        case .year: return "năm"
        }
    }

    /// How many periods of this kind a year has.
    public var countPerYear: Int {
        switch self {
        case .month: return 12
        case .quarter: return 4
        default: return 1
        }
    }
}

/// A reporting period of one year: "2024-M05", "2024-Q1" … "2024-Q4", "2024-H1", "2024-H2", "2024-9M",
/// "2024-Y". Its calendar months are what schedules are compared with; the data window it reports on
/// depends on the regime (`ReportingRegime.window(for:)`).
public struct PeriodID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Years a period may have.
    public static let years = 1901...9998

    public let year: Int
    public let kind: PeriodKind
    /// The month (1–12) or quarter (1–4); 1 for the kinds that occur once a year.
    public let index: Int

    /// A period; throws when the year or the index does not exist for the kind.
    public init(year: Int, kind: PeriodKind, index: Int = 1) throws(ReportingError) {
        guard PeriodID.years.contains(year), (1...kind.countPerYear).contains(index) else {
            throw .invalidPeriodID(PeriodID.format(year: year, kind: kind, index: index))
        }
        self.year = year
        self.kind = kind
        self.index = index
    }

    /// Reads "2024-M05" (also "2024-M5"), "2024-Q2", "2024-H1", "2024-H2", "2024-9M", "2024-Y"; any case.
    public init(parsing text: String) throws(ReportingError) {
        let trimmed = VietnameseText.trimmed(text)
        let parts = trimmed.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit), let year = Int(parts[0]) else {
            throw .invalidPeriodID(trimmed)
        }
        let code = parts[1]
        let kind: PeriodKind
        var index = 1
        switch code {
        case "Y": kind = .year
        case "H1": kind = .firstHalf
        case "H2": kind = .secondHalf
        case "9M": kind = .nineMonths
        default:
            let number = code.dropFirst()
            guard (1...2).contains(number.count), number.allSatisfy(\.isASCIIDigit), let value = Int(number) else {
                throw .invalidPeriodID(trimmed)
            }
            switch code.first {
            case "M": kind = .month
            case "Q" where number.count == 1: kind = .quarter
            default: throw .invalidPeriodID(trimmed)
            }
            index = value
        }
        do {
            try self.init(year: year, kind: kind, index: index)
        } catch {
            throw .invalidPeriodID(trimmed)
        }
    }

    /// The id: "2024-M05", "2024-Q1", "2024-H1", "2024-H2", "2024-9M", "2024-Y".
    public var description: String { PeriodID.format(year: year, kind: kind, index: index) }

    private static func format(year: Int, kind: PeriodKind, index: Int) -> String {
        let digits = String(year)
        let prefix = String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-"
        switch kind {
        case .month: return prefix + "M" + (index < 10 ? "0" : "") + String(index)
        case .quarter: return prefix + "Q" + String(index)
        case .firstHalf: return prefix + "H1"
        case .secondHalf: return prefix + "H2"
        case .nineMonths: return prefix + "9M"
        case .year: return prefix + "Y"
        }
    }

    /// The name in documents: "Tháng 5 năm 2024", "Quý II năm 2024", "6 tháng đầu năm 2024",
    /// "6 tháng cuối năm 2024", "9 tháng đầu năm 2024", "Năm 2024".
    public var label: String {
        switch kind {
        case .month: return "Tháng \(index) năm \(year)"
        case .quarter: return "Quý \(VietnameseNumerals.roman(index)) năm \(year)"
        case .firstHalf: return "6 tháng đầu năm \(year)"
        case .secondHalf: return "6 tháng cuối năm \(year)"
        case .nineMonths: return "9 tháng đầu năm \(year)"
        case .year: return "Năm \(year)"
        }
    }

    /// The calendar months the period names (Q2: 4…6), in its year.
    public var months: ClosedRange<Int> {
        switch kind {
        case .month: return index...index
        case .quarter: return (index * 3 - 2)...(index * 3)
        case .firstHalf: return 1...6
        case .secondHalf: return 7...12
        case .nineMonths: return 1...9
        case .year: return 1...12
        }
    }

    /// The calendar days the period names (Q2 2024: 2024-04-01…2024-06-30), to find what is due in it.
    public var calendarRange: DayRange {
        DayRange(from: Day(year, months.lowerBound, 1)!, to: Day.endOf(month: months.upperBound, year: year))
    }

    /// The following period of the same kind (2024-M12 → 2025-M01, 2024-Q4 → 2025-Q1, 2024-Y → 2025-Y).
    public var next: PeriodID { shifted(by: 1) }

    /// The period a report's "Phương hướng, nhiệm vụ kỳ tới" is about: what comes after this one in the
    /// year, not the same kind a year on. 6 tháng đầu năm → 6 tháng cuối năm, 6 tháng cuối năm → 6 tháng đầu
    /// năm sau, 9 tháng → Quý IV, a month, quarter or year → the next one.
    public var following: PeriodID {
        switch kind {
        case .firstHalf: return try! PeriodID(year: year, kind: .secondHalf, index: 1)
        case .secondHalf: return year < PeriodID.years.upperBound ? try! PeriodID(year: year + 1, kind: .firstHalf, index: 1) : self
        case .nineMonths: return try! PeriodID(year: year, kind: .quarter, index: 4)
        case .month, .quarter, .year: return next
        }
    }

    /// The preceding period of the same kind (2025-Q1 → 2024-Q4).
    public var previous: PeriodID { shifted(by: -1) }

    private func shifted(by step: Int) -> PeriodID {
        let position = year * kind.countPerYear + (index - 1) + step
        let (newYear, newIndex) = position.quotientAndRemainder(dividingBy: kind.countPerYear)
        guard let period = try? PeriodID(year: newYear, kind: kind, index: newIndex + 1) else {
            preconditionFailure("PeriodID \(self) has no neighbour inside \(PeriodID.years)")
        }
        return period
    }

    /// Ordered by the day the period ends, then the shorter period first (2024-M03 < 2024-Q1 < 2024-Y).
    public static func < (lhs: PeriodID, rhs: PeriodID) -> Bool {
        let (left, right) = (lhs.calendarRange, rhs.calendarRange)
        if left.to != right.to { return left.to < right.to }
        if left.from != right.from { return left.from > right.from }
        return (lhs.kind.countPerYear, lhs.kind.rawValue) > (rhs.kind.countPerYear, rhs.kind.rawValue)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
