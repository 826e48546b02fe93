import PlanCore
import ReportExport
import Testing

@Suite("Completion rates")
struct RateTests {
    private let q2 = Sample.schedule(.period, "2024-04-01", "2024-06-30")

    @Test("period rate is done ÷ activities in the report, cancelled ones included")
    func periodRate() throws {
        let activities = [
            Sample.activity(1, "1", q2, state: .done(Sample.day("2024-05-01"))),
            Sample.activity(2, "2", q2, progress: [Sample.entry(1, "2024-04-03")]),
            Sample.activity(3, "3", q2, state: .cancelled(Sample.day("2024-04-10"))),
            Sample.activity(4, "4", Sample.schedule(.deadline, nil, "2024-05-01")),
        ]
        let report = try Sample.report(activities)
        let f = report.figures
        #expect((f.activities, f.done, f.inProgress, f.notStarted, f.overdue, f.cancelled) == (4, 1, 1, 0, 1, 1))
        #expect(f.completionRate == 0.25)
    }

    @Test("a report without activities has no rate")
    func emptyRate() throws {
        #expect(try Sample.report([]).figures.completionRate == nil)
    }

    @Test("year to date: done by asOf ÷ activities due by asOf or done by then, cancelled left out")
    func yearToDate() throws {
        let activities = [
            // Due in Q1, done: counts 1/1.
            Sample.activity(1, "1", Sample.schedule(.period, "2024-01-01", "2024-03-31"), state: .done(Sample.day("2024-03-01"))),
            // Due in Q1, never done: due, not done.
            Sample.activity(2, "2", Sample.schedule(.deadline, nil, "2024-02-01")),
            // Due later but already done: counts in both.
            Sample.activity(3, "3", Sample.schedule(.period, "2024-07-01", "2024-09-30"), state: .done(Sample.day("2024-06-01"))),
            // Due later, open: not due yet.
            Sample.activity(4, "4", Sample.schedule(.period, "2024-10-01", "2024-12-31")),
            // Continuous: due only at the year's end.
            Sample.activity(5, "5", Sample.schedule(.continuous, "2024-01-01", "2024-12-31")),
            // Cancelled: out of every count.
            Sample.activity(6, "6", Sample.schedule(.deadline, nil, "2024-03-01"), state: .cancelled(Sample.day("2024-02-20"))),
            // Done after asOf: due (deadline passed) but not done yet on asOf.
            Sample.activity(7, "7", Sample.schedule(.deadline, nil, "2024-05-01"), state: .done(Sample.day("2024-06-20"))),
        ]
        let ytd = try Sample.report(activities).figures.yearToDate
        #expect((ytd.done, ytd.due, ytd.planTotal) == (2, 4, 6))
        #expect(ytd.rate == 0.5)
    }
}
