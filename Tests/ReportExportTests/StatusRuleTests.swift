import PlanCore
import ReportExport
import Testing

/// One activity, one report: the status the report gives it (nil: the activity is not in the report).
struct StatusCase: CustomTestStringConvertible, Sendable {
    var name: String
    var schedule: Schedule
    var state: ActivityState = .open
    var entries: [ProgressRecord] = []
    var period = "2024-Q2"
    var asOf: String?
    var expected: ActivityStatus?

    var testDescription: String { name }
}

private let q2 = Sample.schedule(.period, "2024-04-01", "2024-06-30", text: "Quý II/2024")
private let q1 = Sample.schedule(.period, "2024-01-01", "2024-03-31", text: "Quý I/2024")
private let yearLong = Sample.schedule(.continuous, "2024-01-01", "2024-12-31", text: "Thường xuyên")
private let monthly = Sample.schedule(.recurring, "2024-01-01", "2024-12-31", text: "Định kỳ hằng tháng")
private let whenAsked = Sample.schedule(.unspecified, nil, nil, text: "Khi có yêu cầu")

private let statusCases: [StatusCase] = [
    // Period and deadline activities.
    StatusCase(name: "period without entries is not started", schedule: q2, expected: .notStarted),
    StatusCase(
        name: "period with an entry is in progress", schedule: q2, entries: [Sample.entry(1, "2024-04-10")],
        expected: .inProgress),
    StatusCase(name: "period that ended before asOf is overdue", schedule: q1, expected: .overdue),
    StatusCase(
        name: "overdue wins over entries", schedule: q1, entries: [Sample.entry(1, "2024-03-20")], expected: .overdue),
    StatusCase(
        name: "done on a day up to asOf is done", schedule: q1, state: .done(Sample.day("2024-03-20")),
        expected: .done),
    StatusCase(
        name: "done after asOf is ignored", schedule: q2, state: .done(Sample.day("2024-06-20")),
        entries: [Sample.entry(1, "2024-05-02")], expected: .inProgress),
    StatusCase(
        name: "cancelled on a day up to asOf is cancelled", schedule: q2, state: .cancelled(Sample.day("2024-04-01")),
        expected: .cancelled),
    StatusCase(
        name: "deadline inside the window, passed by asOf, is overdue",
        schedule: Sample.schedule(.deadline, nil, "2024-05-15"), expected: .overdue),
    StatusCase(
        name: "deadline on asOf itself is not yet overdue",
        schedule: Sample.schedule(.deadline, nil, "2024-06-14"), expected: .notStarted),
    StatusCase(
        name: "earlier deadline still open is carried over as overdue",
        schedule: Sample.schedule(.deadline, nil, "2024-02-15"), expected: .overdue),
    StatusCase(
        name: "earlier deadline done before the window is left out",
        schedule: Sample.schedule(.deadline, nil, "2024-02-15"), state: .done(Sample.day("2024-02-10")),
        expected: nil),
    StatusCase(
        name: "an earlier deadline done inside the window is done late",
        schedule: Sample.schedule(.deadline, nil, "2024-02-15"), state: .done(Sample.day("2024-04-02")),
        expected: .doneLate),
    StatusCase(
        name: "a deadline done on its day is done, not late",
        schedule: Sample.schedule(.deadline, nil, "2024-05-15"), state: .done(Sample.day("2024-05-15")),
        expected: .done),
    StatusCase(
        name: "later deadline is not in the report", schedule: Sample.schedule(.deadline, nil, "2024-09-30"),
        expected: nil),
    StatusCase(
        name: "later deadline with results in the window is reported",
        schedule: Sample.schedule(.deadline, nil, "2024-09-30"), entries: [Sample.entry(1, "2024-05-05")],
        expected: .inProgress),
    // Continuous and recurring activities.
    StatusCase(
        name: "continuous with an entry in the window is in progress", schedule: yearLong,
        entries: [Sample.entry(1, "2024-03-15")], expected: .inProgress),
    StatusCase(
        name: "continuous with entries only before the window has no result in the period, not overdue",
        schedule: yearLong, entries: [Sample.entry(1, "2024-03-14")], expected: .noResult),
    StatusCase(
        name: "recurring with no result by the window's end is overdue (a result is due every period)",
        schedule: monthly, entries: [Sample.entry(1, "2024-03-14")], expected: .overdue),
    StatusCase(
        name: "continuous without entries before the window ends has no result yet", schedule: yearLong,
        asOf: "2024-05-31", expected: .noResult),
    StatusCase(
        name: "continuous entry after asOf does not count", schedule: yearLong,
        entries: [Sample.entry(1, "2024-06-05")], asOf: "2024-05-31", expected: .noResult),
    StatusCase(
        name: "recurring follows the continuous rule", schedule: monthly, entries: [Sample.entry(1, "2024-06-14")],
        expected: .inProgress),
    StatusCase(name: "recurring without entries is overdue at the window's end", schedule: monthly, expected: .overdue),
    // Unspecified activities.
    StatusCase(
        name: "unspecified with any entry up to asOf is in progress", schedule: whenAsked,
        entries: [Sample.entry(1, "2024-01-10")], expected: .inProgress),
    StatusCase(name: "unspecified without entries is not started", schedule: whenAsked, expected: .notStarted),
    // Superseded entries.
    StatusCase(
        name: "an entry corrected to a day outside the window no longer counts", schedule: yearLong,
        entries: [Sample.entry(1, "2024-04-02"), Sample.entry(2, "2024-02-20", supersedes: 1)], expected: .noResult),
    StatusCase(
        name: "a superseded entry's correction inside the window counts", schedule: q2,
        entries: [Sample.entry(1, "2024-02-02"), Sample.entry(2, "2024-04-20", supersedes: 1)],
        expected: .inProgress),
    // Year boundaries.
    StatusCase(
        name: "Q1 window opens on 15 December of the previous year", schedule: yearLong,
        entries: [Sample.entry(1, "2023-12-15")], period: "2024-Q1", expected: .inProgress),
    StatusCase(
        name: "14 December of the previous year is outside the Q1 window", schedule: yearLong,
        entries: [Sample.entry(1, "2023-12-14")], period: "2024-Q1", expected: .noResult),
    StatusCase(
        name: "a December deadline falls in next year's Q1 window and is overdue there",
        schedule: Sample.schedule(.deadline, nil, "2024-12-20"), period: "2025-Q1", expected: .overdue),
    StatusCase(
        name: "the plan year's continuous activity reaches into next year's Q1 window", schedule: yearLong,
        entries: [Sample.entry(1, "2024-12-28")], period: "2025-Q1", expected: .inProgress),
]

@Suite("Activity status on the report's asOf day")
struct StatusRuleTests {
    @Test("status rules", arguments: statusCases)
    func status(_ example: StatusCase) throws {
        let activity = Sample.activity(1, "II.1", example.schedule, state: example.state, progress: example.entries)
        let report = try Sample.report([activity], period: example.period, asOf: example.asOf)
        #expect(report.activities.first?.status == example.expected)
        #expect(report.activities.count == (example.expected == nil ? 0 : 1))
    }

    @Test("asOf defaults to the window's last day, never the clock")
    func asOfDefault() throws {
        let report = try Sample.report([], period: "2024-Q2")
        #expect(report.asOf == Sample.day("2024-06-14"))
        #expect(report.period.window == DayRange(from: Sample.day("2024-03-15"), to: Sample.day("2024-06-14")))
    }

    @Test("a period outside the plan year is refused")
    func outsidePlanYear() {
        #expect(throws: ReportExportError.self) { try Sample.report([], period: "2023-Q2") }
        do {
            _ = try Sample.report([], period: "2023-Q2")
        } catch let error as ReportExportError {
            #expect(error.code == "period-outside-plan-year")
            #expect(error.description.contains("2023-Q2"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
