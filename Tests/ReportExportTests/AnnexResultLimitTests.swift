import Foundation
import PlanCore
@testable import ReportExport
import Testing

@Suite("Annex rows with many results")
struct AnnexResultLimitTests {
    /// One activity with `count` results in 2024-Q2, each with one link; every second one counts "tin, bài".
    private func report(results count: Int) throws -> Report {
        let entries = (1...count).map { index in
            Sample.entry(
                Int64(index), "2024-04-\(String(format: "%02d", index))", text: "Kết quả \(index)",
                quantity: index.isMultiple(of: 2) ? 2 : nil, quantityUnit: index.isMultiple(of: 2) ? "tin, bài" : nil,
                evidence: [Evidence(kind: .url, value: "https://example.gov.vn/\(index)")])
        }
        let schedule = Sample.schedule(.continuous, "2024-01-01", "2024-12-31", text: "Thường xuyên")
        return try Sample.report([Sample.activity(1, "II.1", schedule, progress: entries)])
    }

    @Test("up to the limit every result and every link is listed")
    func listed() throws {
        let activity = try report(results: ReportAnnex.resultLimit).activities[0]
        let cells = ReportAnnex.cells(activity, number: 1)
        #expect(cells[5].count == ReportAnnex.resultLimit)
        #expect(cells[5].first == "- 01/04/2024 - Văn phòng Sở: Kết quả 1")
        #expect(cells[7].count == ReportAnnex.resultLimit)
    }

    @Test("above it the row gives the count and totals, then the latest results and their evidence")
    func summarised() throws {
        let report = try report(results: 12)
        let cells = ReportAnnex.cells(report.activities[0], number: 1)
        #expect(
            cells[5] == [
                "Có 12 kết quả trong kỳ (tổng: 12 tin, bài), liệt kê 5 kết quả gần nhất:",
                "- 08/04/2024 - Văn phòng Sở: Kết quả 8 (2 tin, bài)",
                "- 09/04/2024 - Văn phòng Sở: Kết quả 9",
                "- 10/04/2024 - Văn phòng Sở: Kết quả 10 (2 tin, bài)",
                "- 11/04/2024 - Văn phòng Sở: Kết quả 11",
                "- 12/04/2024 - Văn phòng Sở: Kết quả 12 (2 tin, bài)",
            ])
        #expect(
            cells[7] == (8...12).map { "- https://example.gov.vn/\($0)" } + ["- Và 7 minh chứng của các kết quả khác."])
        // The data sent with the report keeps every result.
        let json = try JSONValue.parse(report.jsonText())
        #expect(json["activities"]?.arrayValue?.first?["results"]?.arrayValue?.count == 12)
        #expect(json["summary"]?["progressEntries"]?.intValue == 12)
    }
}
