/// How a regime cuts the data window of a period (ngày chốt số liệu).
public enum WindowRule: Hashable, Sendable {
    /// Nghị định 09/2019/NĐ-CP, Điều 12: from day `day` of the month before the period's first month to
    /// the day before day `day` of its last month (15: Q1 = 15/12 of the previous year → 14/3).
    case cutOff(day: Int)
    /// The calendar months of the period (Q1 = 01/01 → 31/03).
    case calendar
}

/// When a report is due (thời hạn gửi báo cáo), before the working-day rules apply.
public enum DeadlineRule: Hashable, Sendable {
    /// Day N of the month the window ends in (581/BNV-CCHC: provinces report by day 20).
    case dayOfLastMonth(Int)
    /// N calendar days after the last day of the window.
    case daysAfterCutOff(Int)
}

/// A reporting regime (chế độ báo cáo) as data: which periods it has, how their windows are cut, when
/// reports are due. Provinces configure their own by changing the fields of a value.
public struct ReportingRegime: Hashable, Sendable, Identifiable {
    /// Short id used in the CLI and the database ("nd09", "cchc").
    public var id: String
    /// Vietnamese name for documents and messages.
    public var name: String
    /// The legal act the regime follows.
    public var basis: String
    /// The kinds of period the regime reports on, in the order they are offered.
    public var periodKinds: [PeriodKind]
    public var window: WindowRule
    public var deadline: DeadlineRule
    /// Nghị định 09/2019, Điều 8: a report is due at least this many working days after the cut-off.
    public var minimumWorkingDaysAfterCutOff: Int
    /// Working days for deadlines: weekends and configured holidays are skipped.
    public var calendar: WorkingCalendar

    public init(
        id: String, name: String, basis: String, periodKinds: [PeriodKind], window: WindowRule,
        deadline: DeadlineRule, minimumWorkingDaysAfterCutOff: Int = 1, calendar: WorkingCalendar = .weekdays
    ) {
        self.id = id
        self.name = name
        self.basis = basis
        self.periodKinds = periodKinds
        self.window = window
        self.deadline = deadline
        self.minimumWorkingDaysAfterCutOff = minimumWorkingDaysAfterCutOff
        self.calendar = calendar
    }

    /// The government's periodic reports: monthly, quarterly, 6-month and yearly, windows from day 15 to
    /// day 14. A 9-month report is not in the decree: provinces that want one add `.nineMonths`. The
    /// decree leaves deadlines to each report; the default is its minimum, the first working day after
    /// the cut-off.
    public static let nd09 = ReportingRegime(
        id: "nd09", name: "Chế độ báo cáo định kỳ theo Nghị định số 09/2019/NĐ-CP",
        basis: "Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ, Điều 8 và Điều 12",
        periodKinds: [.month, .quarter, .firstHalf, .year], window: .cutOff(day: 15), deadline: .daysAfterCutOff(1))

    /// The periodic CCHC report to Bộ Nội vụ: quarterly, 6-month and yearly, windows of Nghị định 09
    /// (Q3 covers 15/6 → 14/9 only), due by day 20 of the window's last month. Provinces set earlier
    /// internal deadlines for their Sở by changing `deadline`.
    public static let cchc = ReportingRegime(
        id: "cchc", name: "Báo cáo định kỳ công tác cải cách hành chính",
        basis: "Hướng dẫn số 581/BNV-CCHC của Bộ Nội vụ; Nghị định số 09/2019/NĐ-CP",
        periodKinds: [.quarter, .firstHalf, .year], window: .cutOff(day: 15), deadline: .dayOfLastMonth(20))

    /// The regimes the system knows.
    public static let all: [ReportingRegime] = [.nd09, .cchc]

    /// The regime with this id (any case).
    public static func named(_ id: String) throws(ReportingError) -> ReportingRegime {
        let wanted = VietnameseText.trimmed(id).lowercased()
        guard let regime = all.first(where: { $0.id.lowercased() == wanted }) else {
            throw .unknownRegime(id, known: all.map(\.id))
        }
        return regime
    }

    public func offers(_ kind: PeriodKind) -> Bool { periodKinds.contains(kind) }

    /// Every period the regime reports on in a year, in order of their end.
    public func periods(in year: Int) -> [PeriodID] {
        periodKinds.flatMap { kind in
            (1...kind.countPerYear).compactMap { try? PeriodID(year: year, kind: kind, index: $0) }
        }.sorted()
    }

    /// The data window of a period (kỳ số liệu): 2024-Q1 under a cut-off on day 15 is
    /// 2023-12-15 … 2024-03-14.
    public func window(for period: PeriodID) throws(ReportingError) -> DayRange {
        guard offers(period.kind) else { throw .periodNotOffered(period, regime: id, offered: periodKinds) }
        let first = Day(period.year, period.months.lowerBound, 1)!
        let last = Day(period.year, period.months.upperBound, 1)!
        switch window {
        case .calendar:
            return period.calendarRange
        case .cutOff(let day):
            guard (1...28).contains(day) else {
                throw .invalidRegime(id, reason: "ngày chốt số liệu phải từ 1 đến 28, không phải \(day)")
            }
            let start = first.adding(months: -1)
            return DayRange(from: Day(start.year, start.month, day)!, to: Day(last.year, last.month, day)!.adding(days: -1))
        }
    }

    /// The day a period's report is due: the deadline rule, not earlier than the minimum number of
    /// working days after the cut-off, moved to the next working day when it falls on a day off.
    public func deadline(for period: PeriodID) throws(ReportingError) -> Day {
        let cutOff = try window(for: period).to
        var due: Day
        switch deadline {
        case .dayOfLastMonth(let day):
            guard (1...31).contains(day) else {
                throw .invalidRegime(id, reason: "hạn báo cáo phải là một ngày từ 1 đến 31, không phải \(day)")
            }
            due = Day(cutOff.year, cutOff.month, min(day, Day.daysIn(month: cutOff.month, year: cutOff.year)))!
        case .daysAfterCutOff(let days):
            guard days >= 0 else {
                throw .invalidRegime(id, reason: "số ngày sau ngày chốt số liệu không thể âm (\(days))")
            }
            due = cutOff.adding(days: days)
        }
        due = max(due, calendar.adding(workingDays: minimumWorkingDaysAfterCutOff, to: cutOff))
        return calendar.workingDay(onOrAfter: due)
    }

    /// The period of `kind` whose window holds `day` (2024-12-20 lies in 2025-Q1 under a cut-off on day
    /// 15); nil when no window of that kind holds it (15/6–14/12 for the 6-month report).
    public func period(of kind: PeriodKind, containing day: Day) throws(ReportingError) -> PeriodID? {
        for year in [day.year, day.year + 1] {
            for index in 1...kind.countPerYear {
                guard let period = try? PeriodID(year: year, kind: kind, index: index) else { continue }
                if try window(for: period).contains(day) { return period }
            }
        }
        return nil
    }
}
