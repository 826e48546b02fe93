import PlanCore
import ReportExport
import Testing

@Suite("Errors users see")
struct ErrorTests {
    @Test("a period the regime does not report on is refused with PlanCore's reason")
    func periodNotOffered() {
        do {
            _ = try ReportBuilder.build(
                plan: SamplePlan.record, period: Sample.period("2024-M05"), regime: .cchc, context: SamplePlan.context)
            Issue.record("built a monthly report under the CCHC regime")
        } catch {
            #expect(error.code == "period-not-offered")
            #expect(error.description.contains("2024-M05"))
        }
    }

    @Test("every error has a stable code and a Vietnamese message", arguments: [
        ReportExportError.periodOutsidePlanYear(period: "2023-Q2", window: "15/03/2023 – 14/06/2023", planYear: 2024),
        .missingField(field: "reporter.abbreviation"),
        .invalidReport(file: "a.json", field: "summary.done", reason: "phải là số nguyên"),
        .periodMismatch(file: "a.json", expected: "2024-Q2", found: "2024-Q1"),
        .regimeMismatch(file: "a.json", expected: "cchc", found: "nd09"),
        .duplicateReport(unit: "Sở Tư pháp", files: ["a.json", "b.json"]),
    ])
    func messages(_ error: ReportExportError) {
        #expect(!error.code.isEmpty && error.code == error.code.lowercased())
        #expect(error.description.unicodeScalars.contains { $0.value > 0x7F })
    }
}

@Suite("Report context checks")
struct ContextCheckTests {
    @Test("a reporter without an abbreviation cannot number its report")
    func missingAbbreviation() {
        var context = SamplePlan.context
        context.reporter.abbreviation = "  "
        #expect(throws: ReportExportError.missingField(field: "reporter.abbreviation")) {
            try ReportBuilder.build(plan: SamplePlan.record, period: Sample.period("2024-Q2"), regime: .nd09, context: context)
        }
    }
}
