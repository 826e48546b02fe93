import Foundation
import OOXML
import PlanCore
import ReportExport
import Testing

@Suite("Provincial summary → .docx")
struct AggregationDocxTests {
    @Test("a landscape table per unit with totals, then the units that have not reported")
    func table() throws {
        var justice = SamplePlan.context
        justice.reporter.name = "Sở Tư pháp"
        justice.reporter.abbreviation = "STP"
        let reports = try [SamplePlan.context, justice].enumerated().map { index, context in
            (file: "r\(index).json", json: try ReportBuilder.build(
                plan: SamplePlan.record, period: Sample.period("2024-Q2"), regime: .cchc, context: context).json)
        }
        let summary = try Aggregation.combine(
            reports: reports, period: Sample.period("2024-Q2"),
            expectedUnits: ["Sở Lao động - Thương binh và Xã hội", "Sở Tư pháp", "Sở Y tế"])
        let data = summary.docxData()
        #expect(try DocxReading.part("word/document.xml", of: data).contains(#"w:orient="landscape""#))
        let table = try #require(try DocxReading.tables(data).first)
        #expect(table.rows[0].map(\.text) == [
            "STT", "Đơn vị", "Số nhiệm vụ", "Hoàn thành", "Đang thực hiện", "Quá hạn", "Tỷ lệ hoàn thành",
            "Số minh chứng", "Nộp đúng hạn",
        ])
        #expect(table.rows[1].map(\.text) == ["1", "Sở Lao động - Thương binh và Xã hội", "6", "1", "3", "1", "16,7%", "8", "Đúng hạn"])
        #expect(table.rows.last?.first?.text == "")
        #expect(table.rows.last?[1].text == "Tổng cộng")
        let texts = try DocxReading.paragraphs(data)
        #expect(texts.contains("Đơn vị chưa báo cáo (1/3): Sở Y tế."))
        #expect(summary.docxData() == data)
    }
}
