import PlanCore
import ReportExport
import Testing

@Suite("cchc.report/v1 JSON")
struct ReportJSONTests {
    private func keys(_ value: JSONValue?) -> [String] {
        guard case .object(let pairs)? = value else { return [] }
        return pairs.map(\.0)
    }

    @Test("keys follow the contract's order, nulls kept")
    func contractShape() throws {
        let json = try SamplePlan.report().json
        #expect(
            keys(json) == [
                "format", "reporter", "recipient", "plan", "period", "status", "snapshot", "summary", "activities",
                "nextPeriod", "issues", "proposals", "generatedAt",
            ])
        #expect(keys(json["reporter"]) == ["name", "parent"])
        #expect(keys(json["plan"]) == ["code", "title", "year", "parent"])
        #expect(keys(json["period"]) == ["id", "label", "from", "to", "regime"])
        #expect(keys(json["snapshot"]) == ["version", "sha256", "submittedAt", "by"])
        #expect(
            keys(json["summary"]) == [
                "activities", "done", "inProgress", "notStarted", "overdue", "completionRate", "progressEntries",
                "evidence", "units",
            ])
        let activity = json["activities"]?.arrayValue?.first
        #expect(keys(activity) == ["ref", "title", "lead", "coordinating", "schedule", "status", "parentRef", "results"])
        #expect(keys(activity?["results"]?.arrayValue?.first) == ["date", "unit", "text", "quantity", "quantityUnit", "evidence"])
        #expect(json["issues"] == .null)
        #expect(json["generatedAt"] == .null)
    }

    @Test("period, figures and results carry the report's values")
    func values() throws {
        let json = try SamplePlan.report().json
        #expect(json["format"] == .string("cchc.report/v1"))
        #expect(json["period"]?["id"] == .string("2024-Q2"))
        #expect(json["period"]?["label"] == .string("Quý II năm 2024"))
        #expect(json["period"]?["from"] == .string("2024-03-15"))
        #expect(json["period"]?["to"] == .string("2024-06-14"))
        #expect(json["period"]?["regime"] == .string("nd09"))
        #expect(json["plan"]?["parent"] == .string("96/KH-UBND"))
        let first = json["activities"]?.arrayValue?.first
        #expect(first?["parentRef"] == .string("III.2"))
        #expect(first?["results"]?.arrayValue?.count == 3)
        #expect(first?["results"]?.arrayValue?.first?["quantity"] == .int(4))
        #expect(json["summary"]?["done"] == .int(1))
        #expect(json["summary"]?["completionRate"] == .double(0.1667))
        #expect(json["nextPeriod"] == .strings(["II.3.a", "II.3.b", "II.3.c", "II.3.d", "II.3.g"]))
    }

    @Test("generatedAt is printed only when asked for")
    func generatedAt() throws {
        var context = SamplePlan.context
        context.generatedAt = "2024-06-18T10:00:00+07:00"
        let report = try ReportBuilder.build(
            plan: SamplePlan.record, period: Sample.period("2024-Q2"), regime: .nd09, context: context)
        #expect(report.json["generatedAt"] == .string("2024-06-18T10:00:00+07:00"))
    }

    @Test("the text is the JSON value serialised, and reads back the same")
    func roundTrip() throws {
        let report = try SamplePlan.report()
        let text = report.jsonText()
        #expect(text.hasSuffix("}\n"))
        #expect(try JSONValue.parse(text) == report.json)
    }
}

@Suite("Reading cchc.report/v1 for aggregation")
struct ReportSummaryTests {
    @Test("a report's JSON decodes to its figures")
    func decodes() throws {
        let report = try SamplePlan.report()
        let summary = try ReportSummary(json: report.json, file: "sldtbxh.json")
        #expect(summary.reporter == "Sở Lao động - Thương binh và Xã hội")
        #expect(summary.periodID == "2024-Q2")
        #expect(summary.window == report.period.window)
        #expect(summary.status == .submitted)
        #expect(summary.snapshot?.submittedOn == Sample.day("2024-06-18"))
        #expect(summary.activities == report.figures.activities)
        #expect(summary.done == report.figures.done)
        #expect(summary.overdue == report.figures.overdue)
        #expect(summary.evidence == report.figures.evidence)
        #expect(summary.units == report.figures.units)
    }

    private func edited(_ json: JSONValue, _ path: [String], _ value: JSONValue?) -> JSONValue {
        guard case .object(var pairs) = json, let key = path.first else { return value ?? .null }
        guard let index = pairs.firstIndex(where: { $0.0 == key }) else { return json }
        if path.count == 1, value == nil {
            pairs.remove(at: index)
        } else {
            pairs[index].1 = edited(pairs[index].1, Array(path.dropFirst()), value)
        }
        return .object(pairs)
    }

    @Test(
        "errors name the file and the field",
        arguments: [
            (["summary", "done"], JSONValue.string("1"), "summary.done"),
            (["period", "from"], JSONValue.string("15/03/2024"), "period.from"),
            (["reporter", "name"], nil, "reporter.name"),
            (["format"], JSONValue.string("cchc.plan/v1"), "format"),
            (["status"], JSONValue.string("final"), "status"),
        ] as [([String], JSONValue?, String)])
    func errors(path: [String], value: JSONValue?, field: String) throws {
        let json = edited(try SamplePlan.report().json, path, value)
        do {
            _ = try ReportSummary(json: json, file: "bao-cao-so-x.json")
            Issue.record("decoded a broken report")
        } catch {
            #expect(error == .invalidReport(file: "bao-cao-so-x.json", field: field, reason: reasonOf(error)))
            #expect(error.description.hasPrefix("bao-cao-so-x.json:"))
            #expect(error.description.contains(field))
        }
    }

    private func reasonOf(_ error: ReportExportError) -> String {
        if case .invalidReport(_, _, let reason) = error { return reason }
        return ""
    }
}
