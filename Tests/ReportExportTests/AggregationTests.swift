import PlanCore
import ReportExport
import Testing

@Suite("Provincial aggregation")
struct AggregationTests {
    /// A report of the sample plan for `period` under the CCHC regime, as `reporter`, submitted on `submittedOn`.
    private func reportJSON(
        _ reporter: String, abbreviation: String, period: String = "2024-Q2", submittedOn: String?,
        regime: ReportingRegime = .cchc
    ) throws -> JSONValue {
        var context = SamplePlan.context
        context.reporter.name = reporter
        context.reporter.abbreviation = abbreviation
        context.status = submittedOn == nil ? .draft : .submitted
        context.snapshot = submittedOn.map {
            ReportSnapshot(version: 1, sha256: String(repeating: "1", count: 64), submittedAt: "\($0)T16:45:00+07:00", by: "vp")
        }
        return try ReportBuilder.build(
            plan: SamplePlan.record, period: Sample.period(period), regime: regime, context: context
        ).json
    }

    private let expected = ["Sở Tư pháp", "Sở Lao động - Thương binh và Xã hội", "Sở Y tế"]

    @Test("two units' reports and one missing unit")
    func twoReportsOneMissing() throws {
        let labour = try reportJSON("Sở Lao động - Thương binh và Xã hội", abbreviation: "SLĐTBXH", submittedOn: "2024-06-18")
        let justice = try reportJSON("Sở Tư pháp", abbreviation: "STP", submittedOn: "2024-06-24")
        let summary = try Aggregation.combine(
            reports: [("sldtbxh.json", labour), ("stp.json", justice)], period: Sample.period("2024-Q2"),
            expectedUnits: expected)
        #expect(summary.period.regime == "cchc")
        #expect(summary.period.deadline == Sample.day("2024-06-20"))
        #expect(summary.rows.map(\.unit) == ["Sở Tư pháp", "Sở Lao động - Thương binh và Xã hội"])
        #expect(summary.rows.map(\.file) == ["stp.json", "sldtbxh.json"])
        #expect(summary.rows.map(\.onTime) == [false, true])
        #expect(summary.missing == ["Sở Y tế"])
        let one = try ReportSummary(json: labour, file: "sldtbxh.json")
        #expect(summary.totals.activities == 2 * one.activities)
        #expect(summary.totals.evidence == 2 * one.evidence)
        #expect(summary.totals.onTime == 1)

        let json = summary.json
        #expect(json["format"] == .string("cchc.aggregate/v1"))
        #expect(json["missing"] == .strings(["Sở Y tế"]))
        #expect(json["totals"]?["reports"] == .int(2))
        #expect(json["generatedAt"] == .null)
        #expect(try JSONValue.parse(summary.jsonText()) == json)
    }

    @Test("a draft has no submission and is neither on time nor late")
    func draft() throws {
        let labour = try reportJSON("Sở Lao động - Thương binh và Xã hội", abbreviation: "SLĐTBXH", submittedOn: nil)
        let summary = try Aggregation.combine(
            reports: [("draft.json", labour)], period: Sample.period("2024-Q2"), expectedUnits: expected)
        #expect(summary.rows.map(\.status) == [.draft])
        #expect(summary.rows.map(\.onTime) == [nil])
        #expect(summary.rows[0].json["onTime"] == .null)
    }

    @Test("units match the expected list whatever the case and tone-mark placement")
    func folding() throws {
        let justice = try reportJSON("SỞ TƯ PHÁP", abbreviation: "STP", submittedOn: "2024-06-18")
        let summary = try Aggregation.combine(
            reports: [("stp.json", justice)], period: Sample.period("2024-Q2"), expectedUnits: ["Sở Tư pháp"])
        #expect(summary.missing.isEmpty)
        #expect(summary.rows.map(\.unit) == ["SỞ TƯ PHÁP"])
    }

    @Test("a report of another period is an error naming the file")
    func periodMismatch() throws {
        let q2 = try reportJSON("Sở Tư pháp", abbreviation: "STP", submittedOn: "2024-06-18")
        let q1 = try reportJSON("Sở Y tế", abbreviation: "SYT", period: "2024-Q1", submittedOn: "2024-03-18")
        #expect(throws: ReportExportError.periodMismatch(file: "syt-q1.json", expected: "2024-Q2", found: "2024-Q1")) {
            try Aggregation.combine(
                reports: [("stp.json", q2), ("syt-q1.json", q1)], period: Sample.period("2024-Q2"), expectedUnits: expected)
        }
    }

    @Test("reports under different regimes are refused")
    func regimeMismatch() throws {
        let cchc = try reportJSON("Sở Tư pháp", abbreviation: "STP", submittedOn: "2024-06-18")
        let nd09 = try reportJSON("Sở Y tế", abbreviation: "SYT", submittedOn: "2024-06-18", regime: .nd09)
        #expect(throws: ReportExportError.regimeMismatch(file: "syt.json", expected: "cchc", found: "nd09")) {
            try Aggregation.combine(
                reports: [("stp.json", cchc), ("syt.json", nd09)], period: Sample.period("2024-Q2"), expectedUnits: expected)
        }
    }

    @Test("two reports from one unit are refused, naming both files")
    func duplicates() throws {
        let first = try reportJSON("Sở Tư pháp", abbreviation: "STP", submittedOn: "2024-06-18")
        #expect(throws: ReportExportError.duplicateReport(unit: "Sở Tư pháp", files: ["a.json", "b.json"])) {
            try Aggregation.combine(
                reports: [("a.json", first), ("b.json", first)], period: Sample.period("2024-Q2"), expectedUnits: expected)
        }
    }

    @Test("a broken report is an error naming the file and the field")
    func brokenReport() throws {
        #expect(throws: ReportExportError.invalidReport(file: "x.json", field: "format", reason: "thiếu trường")) {
            try Aggregation.combine(
                reports: [("x.json", .object([]))], period: Sample.period("2024-Q2"), expectedUnits: expected)
        }
    }
}
