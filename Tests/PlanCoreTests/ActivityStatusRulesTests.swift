import PlanCore
import Testing

@Suite("Activity status rules shared by the report builder and the status board")
struct ActivityStatusRulesTests {
    static let window = DayRange(from: Day(2024, 3, 15)!, to: Day(2024, 6, 14)!)

    static func status(_ text: String, state: ActivityState = .open, entries: [Day] = [], asOf: Day) -> ActivityStatus {
        ActivityStatusRules.status(
            schedule: ScheduleGrammar.parse(text, planYear: 2024), state: state, entryDates: entries, window: window,
            asOf: asOf
        ).status
    }

    @Test("A decision counts from its day on; a later decision is ignored")
    func decisions() {
        let day = Day(2024, 5, 1)!
        #expect(Self.status("Quý II/2024", state: .done(day), asOf: Day(2024, 5, 1)!) == .done)
        #expect(Self.status("Quý II/2024", state: .done(day), asOf: Day(2024, 4, 30)!) == .notStarted)
        #expect(Self.status("Quý II/2024", state: .cancelled(day), asOf: Day(2024, 6, 1)!) == .cancelled)
    }

    @Test("Period and deadline activities are overdue after their last day, in progress with an entry")
    func periods() {
        #expect(Self.status("Trước ngày 10/6/2024", asOf: Day(2024, 6, 11)!) == .overdue)
        #expect(Self.status("Trước ngày 10/6/2024", asOf: Day(2024, 6, 10)!) == .notStarted)
        #expect(Self.status("Quý II/2024", entries: [Day(2024, 4, 2)!], asOf: Day(2024, 5, 1)!) == .inProgress)
        #expect(Self.status("Quý II/2024", entries: [Day(2024, 5, 2)!], asOf: Day(2024, 5, 1)!) == .notStarted)
    }

    @Test("Continuous activities without a result in the window have none in the period, never overdue; recurring ones are overdue")
    func continuous() {
        #expect(Self.status("Thường xuyên", entries: [Day(2024, 3, 1)!], asOf: Day(2024, 5, 1)!) == .noResult)
        #expect(Self.status("Thường xuyên", entries: [Day(2024, 3, 20)!], asOf: Day(2024, 5, 1)!) == .inProgress)
        #expect(Self.status("Thường xuyên", asOf: Day(2024, 6, 14)!) == .noResult)
        #expect(Self.status("Định kỳ hằng quý", asOf: Day(2024, 6, 14)!) == .overdue)
        #expect(Self.status("Định kỳ hằng quý", asOf: Day(2024, 5, 1)!) == .notStarted)
        #expect(Self.status("Khi có yêu cầu", asOf: Day(2024, 12, 31)!) == .notStarted)
    }

    @Test("Membership: overlapping, due, carried over, unscheduled, or only through results")
    func inclusion() {
        func include(_ text: String, state: ActivityState = .open, results: Bool = false) -> ActivityInclusion? {
            ActivityStatusRules.inclusion(
                schedule: ScheduleGrammar.parse(text, planYear: 2024), state: state, planYear: 2024,
                window: Self.window,
                asOf: Self.window.to, hasResults: results)
        }
        #expect(include("Thường xuyên") == .overlapsWindow)
        #expect(include("Trước ngày 10/6/2024") == .dueInWindow)
        #expect(include("Tháng 1/2024") == .carriedOver)
        #expect(include("Tháng 1/2024", state: .done(Day(2024, 2, 1)!)) == nil)
        #expect(include("Tháng 1/2024", state: .done(Day(2024, 2, 1)!), results: true) == .hasResults)
        #expect(include("Quý IV/2024") == nil)
        #expect(include("Khi có yêu cầu") == .unscheduled)
    }
}
