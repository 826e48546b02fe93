import PlanCore
import Testing

@Suite("WorkingCalendar: weekends and holidays")
struct WorkingCalendarTests {
    @Test("Saturdays and Sundays are not working days; holidays are configured")
    func workingDays() {
        let calendar = WorkingCalendar(holidays: [Day(2024, 9, 2)!, Day(2024, 9, 3)!])
        #expect(calendar.isWorkingDay(Day(2024, 8, 30)!))  // Friday
        #expect(!calendar.isWorkingDay(Day(2024, 8, 31)!))  // Saturday
        #expect(!calendar.isWorkingDay(Day(2024, 9, 1)!))  // Sunday
        #expect(!calendar.isWorkingDay(Day(2024, 9, 2)!))  // Quốc khánh
        #expect(calendar.workingDay(onOrAfter: Day(2024, 8, 31)!) == Day(2024, 9, 4))
        #expect(calendar.adding(workingDays: 1, to: Day(2024, 8, 30)!) == Day(2024, 9, 4))
        #expect(calendar.adding(workingDays: 2, to: Day(2024, 8, 30)!) == Day(2024, 9, 5))
        #expect(calendar.adding(workingDays: 0, to: Day(2024, 8, 31)!) == Day(2024, 8, 31))
        #expect(WorkingCalendar.weekdays.workingDay(onOrAfter: Day(2024, 9, 2)!) == Day(2024, 9, 2))
    }

    @Test("a calendar without working days does not hang")
    func noWorkingDays() {
        let closed = WorkingCalendar(weekend: Set(1...7))
        #expect(closed.workingDay(onOrAfter: Day(2024, 1, 1)!) > Day(2024, 1, 1)!)
    }
}
