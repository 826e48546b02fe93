import PlanCore
import ReportExport
import Testing

@Suite("Results and membership of the data window")
struct WindowResultsTests {
    @Test("results are the current entries dated inside the window, oldest first")
    func resultsInsideWindow() throws {
        let activity = Sample.activity(
            1, "II.3.a", Sample.schedule(.continuous, "2024-01-01", "2024-12-31"),
            progress: [
                Sample.entry(4, "2024-05-20", text: "Bài thứ ba"),
                Sample.entry(1, "2024-03-14", text: "Trước kỳ"),
                Sample.entry(2, "2024-03-15", text: "Bài đầu"),
                Sample.entry(3, "2024-04-01", text: "Bản cũ"),
                Sample.entry(5, "2024-04-01", text: "Bản sửa", supersedes: 3),
                Sample.entry(6, "2024-06-15", text: "Sau kỳ"),
            ])
        let report = try Sample.report([activity])
        #expect(report.activities[0].results.map(\.text) == ["Bài đầu", "Bản sửa", "Bài thứ ba"])
        #expect(report.figures.progressEntries == 3)
    }

    @Test("results stop at asOf when asOf falls inside the window")
    func resultsStopAtAsOf() throws {
        let activity = Sample.activity(
            1, "II.1", Sample.schedule(.continuous, "2024-01-01", "2024-12-31"),
            progress: [Sample.entry(1, "2024-04-01"), Sample.entry(2, "2024-05-02")])
        let report = try Sample.report([activity], asOf: "2024-05-01")
        #expect(report.activities[0].results.map(\.id) == [1])
    }

    @Test("the report keeps plan order and says why each activity is in it")
    func inclusionReasons() throws {
        let activities = [
            Sample.activity(1, "1", Sample.schedule(.continuous, "2024-01-01", "2024-12-31")),
            Sample.activity(2, "2", Sample.schedule(.period, "2024-04-01", "2024-06-30")),
            Sample.activity(3, "3", Sample.schedule(.deadline, nil, "2024-05-15")),
            Sample.activity(4, "4", Sample.schedule(.deadline, nil, "2024-01-31")),
            Sample.activity(5, "5", Sample.schedule(.unspecified, nil, nil)),
            Sample.activity(6, "6", Sample.schedule(.period, "2024-07-01", "2024-09-30")),
            Sample.activity(
                7, "7", Sample.schedule(.period, "2024-07-01", "2024-09-30"),
                progress: [Sample.entry(1, "2024-06-01")]),
        ]
        let report = try Sample.report(activities)
        #expect(report.activities.map(\.ref) == ["1", "2", "3", "4", "5", "7"])
        #expect(
            report.activities.map(\.inclusion) == [
                .overlapsWindow, .overlapsWindow, .dueInWindow, .carriedOver, .unscheduled, .hasResults,
            ])
        // The continuous activity has no result in a window that has ended: none in the period, not overdue.
        #expect(report.overdue.map(\.ref) == ["3", "4"])
        #expect(report.activities.first?.status == .noResult)
    }

    @Test("next-period tasks are the open activities due in or overlapping the next window")
    func nextPeriodTasks() throws {
        let activities = [
            Sample.activity(1, "1", Sample.schedule(.continuous, "2024-01-01", "2024-12-31")),
            Sample.activity(2, "2", Sample.schedule(.period, "2024-04-01", "2024-06-30")),
            Sample.activity(3, "3", Sample.schedule(.period, "2024-07-01", "2024-09-30")),
            Sample.activity(4, "4", Sample.schedule(.deadline, nil, "2024-09-14")),
            Sample.activity(5, "5", Sample.schedule(.deadline, nil, "2024-09-15")),
            Sample.activity(
                6, "6", Sample.schedule(.period, "2024-07-01", "2024-09-30"), state: .done(Sample.day("2024-06-01"))),
            Sample.activity(7, "7", Sample.schedule(.unspecified, nil, nil)),
        ]
        let report = try Sample.report(activities)
        #expect(report.nextPeriod.id == "2024-Q3")
        #expect(report.nextTasks.map(\.ref) == ["1", "2", "3", "4"])
    }

    @Test("parent references are kept and named from the parent plan's tasks")
    func parentReferences() throws {
        var context = Sample.context()
        context.parentActivities = [.init(ref: "III.2", title: "Đăng tải tin, bài về cải cách hành chính")]
        let activity = Sample.activity(
            1, "II.3.a", Sample.schedule(.continuous, "2024-01-01", "2024-12-31"), parentRef: "III.2")
        let report = try Sample.report([activity], context: context)
        #expect(report.activities[0].parentRef == "III.2")
        #expect(report.activities[0].parentTitle == "Đăng tải tin, bài về cải cách hành chính")
        #expect(report.plan.parent == "96/KH-UBND")
    }
}
