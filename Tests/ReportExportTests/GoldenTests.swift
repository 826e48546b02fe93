import Foundation
import PlanCore
import ReportExport
import Testing

@Suite("Golden files")
struct GoldenTests {
    @Test("cchc.report/v1 of the sample plan, 2024-Q2")
    func reportJSON() throws {
        try Golden.check(try SamplePlan.report().jsonText(), against: "report-2024-Q2.json")
    }

    @Test("Markdown preview of the sample plan, 2024-Q2")
    func reportMarkdown() throws {
        try Golden.check(try SamplePlan.report().markdown(), against: "report-2024-Q2.md")
    }

    @Test("CSV of the sample plan, 2024-Q2")
    func reportCSV() throws {
        try Golden.check(try SamplePlan.report().csvText(), against: "report-2024-Q2.csv")
    }
}

@Suite("Determinism")
struct DeterminismTests {
    @Test("the same plan and context give the same bytes in every format")
    func sameBytes() throws {
        let first = try SamplePlan.report()
        let second = try SamplePlan.report()
        #expect(first == second)
        #expect(first.jsonText() == second.jsonText())
        #expect(first.csvData() == second.csvData())
        #expect(first.markdown() == second.markdown())
    }

    @Test("entry order in the record does not change the report")
    func entryOrder() throws {
        var plan = SamplePlan.record
        plan.activities = plan.activities.map { activity in
            var activity = activity
            activity.progress.reverse()
            return activity
        }
        let shuffled = try ReportBuilder.build(
            plan: plan, period: Sample.period("2024-Q2"), regime: .nd09, context: SamplePlan.context)
        #expect(shuffled.jsonText() == (try SamplePlan.report().jsonText()))
    }
}
