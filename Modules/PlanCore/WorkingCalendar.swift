/// Ngày làm việc: which days count as working days for deadlines (weekends and configured holidays do not).
public struct WorkingCalendar: Hashable, Sendable {
    /// Ngày nghỉ lễ, Tết and compensatory days off, as configured (they change every year).
    public var holidays: Set<Day>
    /// ISO weekdays that are not worked (1 = Monday … 7 = Sunday); Saturday and Sunday by default.
    public var weekend: Set<Int>

    public init(holidays: [Day] = [], weekend: Set<Int> = [6, 7]) {
        self.holidays = Set(holidays)
        self.weekend = weekend
    }

    /// Saturdays and Sundays off, no holidays.
    public static let weekdays = WorkingCalendar()

    public func isWorkingDay(_ day: Day) -> Bool {
        !weekend.contains(day.weekday) && !holidays.contains(day)
    }

    /// `day` itself when it is a working day, else the next working day.
    public func workingDay(onOrAfter day: Day) -> Day {
        var candidate = day
        // A calendar without any working day would loop forever; a year of days off is no calendar.
        for _ in 0..<366 where !isWorkingDay(candidate) { candidate = candidate.adding(days: 1) }
        return candidate
    }

    /// The `count`-th working day after `day` (count 1: the first working day after it).
    public func adding(workingDays count: Int, to day: Day) -> Day {
        var candidate = day
        for _ in 0..<max(0, count) { candidate = workingDay(onOrAfter: candidate.adding(days: 1)) }
        return candidate
    }
}
