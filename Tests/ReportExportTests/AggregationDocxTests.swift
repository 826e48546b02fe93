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
        let table = try #require(try Self.departments(data))
        #expect(table.rows[0].map(\.text) == [
            "STT", "Đơn vị", "Số nhiệm vụ", "Hoàn thành", "Đang thực hiện", "Quá hạn", "Tỷ lệ hoàn thành",
            "Số minh chứng", "Nộp đúng hạn",
        ])
        #expect(table.rows[1].map(\.text) == ["1", "Sở Lao động - Thương binh và Xã hội", "6", "1", "3", "1", "16,7%", "8", "Đúng hạn"])
        #expect(table.rows.last?.first?.text == "")
        #expect(table.rows.last?[1].text == "Tổng cộng")
        let texts = try DocxReading.paragraphs(data)
        #expect(texts.contains("- Đơn vị chưa báo cáo (1/3): Sở Y tế."))
        #expect(summary.docxData() == data)
    }

    /// The annex table of departments (the header and signature tables come before it).
    static func departments(_ data: Data) throws -> WordTable? {
        try DocxReading.tables(data).first { $0.rows.first?.first?.text == "STT" }
    }

    @Test("issued by Sở Nội vụ in the NĐ 30 layout: header, BÁO CÁO and trích yếu, figures, Nơi nhận and signer, the annex")
    func nd30() throws {
        let summary = try Self.summary(draftFrom: "Sở Tư pháp", expected: ["Sở Lao động - Thương binh và Xã hội", "Sở Tư pháp", "Sở Y tế"])
        let issuer = ProvincialSummary.Issuer(
            parent: "Ủy ban nhân dân tỉnh Bình Phước", number: 7, date: Day(2024, 6, 25)!,
            signer: .init(capacity: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Trần Văn Bình"))
        let data = summary.docxData(issuer: issuer)
        let tables = try DocxReading.tables(data)
        let header = try #require(tables.first)
        #expect(header.rows.map { $0.map(Self.line) } == [
            ["ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            ["SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc"],
            ["Số: 07/BC-SNV", "Bình Phước, ngày 25 tháng 6 năm 2024"],
        ])
        let texts = try DocxReading.paragraphs(data)
        #expect(texts.contains("BÁO CÁO"))
        #expect(texts.contains("Tổng hợp kết quả thông tin, tuyên truyền cải cách hành chính của các sở, ban, ngành Quý II năm 2024"))
        #expect(texts.contains("Có 1/3 đơn vị nộp báo cáo (đúng hạn ngày 20/06/2024)."))
        #expect(texts.contains("- Đơn vị chưa báo cáo (1/3): Sở Y tế."))
        #expect(texts.contains("- Đơn vị mới gửi bản dự thảo, chưa nộp chính thức (1): Sở Tư pháp."))
        let totals = summary.totals
        #expect(texts.contains { $0.hasPrefix("Các đơn vị triển khai \(totals.activities) nhiệm vụ thuộc kỳ báo cáo: hoàn thành \(totals.done),") })
        #expect(texts.contains { $0.hasSuffix("của Sở Nội vụ./.") })
        let signature = try #require(tables.first { $0.rows.first?.first?.text.hasPrefix("Nơi nhận:") == true })
        #expect(signature.rows[0][0].text.contains("- Ủy ban nhân dân tỉnh Bình Phước (để báo cáo);"))
        #expect(signature.rows[0][0].text.hasSuffix("- Lưu: VT, CCHC."))
        #expect(signature.rows[0][1].text.contains("KT. GIÁM ĐỐC"))
        #expect(signature.rows[0][1].text.contains("Trần Văn Bình"))
        #expect(texts.contains("(Kèm theo Báo cáo số 07/BC-SNV ngày 25/06/2024 của Sở Nội vụ)"))
        #expect(try Self.departments(data) != nil)
        let core = try DocxReading.part("docProps/core.xml", of: data)
        #expect(core.contains("Báo cáo số 07/BC-SNV"))
        // Without an issuer: Sở Nội vụ under the body the reports name as their parent, number and day blank.
        let plain = try DocxReading.tables(summary.docxData()).first
        #expect(plain?.rows[2].map(\.text).first?.hasSuffix("/BC-SNV") == true)
        #expect(plain.map { Self.line($0.rows[1][0]) } == "SỞ NỘI VỤ")
    }

    /// A header cell's lines on one line.
    static func line(_ cell: WordCell) -> String {
        DocxReading.plain(cell.text).split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func summary(draftFrom draftUnit: String?, expected: [String]) throws -> ProvincialSummary {
        var justice = SamplePlan.context
        justice.reporter.name = "Sở Tư pháp"
        justice.reporter.abbreviation = "STP"
        let reports = try [SamplePlan.context, justice].enumerated().map { index, context in
            var context = context
            context.status = context.reporter.name == draftUnit ? .draft : .submitted
            if context.status == .submitted {
                context.snapshot = ReportSnapshot(version: 1, sha256: String(repeating: "a", count: 64), submittedAt: "2024-06-17T02:00:00Z", by: "vanphong")
            }
            return (file: "r\(index).json", json: try ReportBuilder.build(
                plan: SamplePlan.record, period: Sample.period("2024-Q2"), regime: .cchc, context: context).json)
        }
        return try Aggregation.combine(reports: reports, period: Sample.period("2024-Q2"), expectedUnits: expected)
    }

    @Test("the sentences under the table agree with it: a unit that sent only a draft has not submitted")
    func consistency() throws {
        let both = ["Sở Lao động - Thương binh và Xã hội", "Sở Tư pháp"]
        for (draft, expected) in [(nil, both), ("Sở Tư pháp", both), (nil, both + ["Sở Y tế"]), ("Sở Tư pháp", both + ["Sở Y tế"])] as [(String?, [String])] {
            let summary = try Self.summary(draftFrom: draft, expected: expected)
            let texts = try DocxReading.paragraphs(summary.docxData())
            let table = try #require(try Self.departments(summary.docxData()))
            let notSubmitted = table.rows.dropFirst().filter { $0.last?.text == "Chưa nộp (dự thảo)" }.map { $0[1].text }
            let allDone = texts.contains { $0.hasPrefix("Tất cả") }
            #expect(allDone == (notSubmitted.isEmpty && summary.missing.isEmpty), "\(String(describing: draft)) \(expected)")
            for unit in notSubmitted + summary.missing {
                #expect(summary.completeness.contains { $0.contains(unit) }, "\(unit) is not named as not submitted")
            }
            #expect(notSubmitted == (draft.map { [$0] } ?? []))
        }
    }

    @Test("the roll-up as xlsx: a row per department with numbers and a rate, a total row, and who has not submitted")
    func xlsx() throws {
        let summary = try Self.summary(draftFrom: "Sở Tư pháp", expected: ["Sở Lao động - Thương binh và Xã hội", "Sở Tư pháp", "Sở Y tế"])
        let data = summary.xlsxData()
        #expect(data == summary.xlsxData())
        let book = try Openpyxl.read(data)
        #expect(book.sheets.map(\.name) == ProvincialSummary.xlsxSheetNames)
        let table = book.sheets[0]
        #expect(table.rows[0].map(\.value) == ProvincialSummary.xlsxHeaders)
        #expect(table.rows.count == summary.rows.count + 2)
        for (row, cells) in zip(summary.rows, table.rows.dropFirst()) {
            #expect(cells[1].value == row.unit)
            #expect(cells[5].type == "n" && cells[5].value == "\(row.activities)")
            #expect(cells[6].value == "\(row.done)" && cells[13].value == "\(row.evidence)")
            #expect(cells[11].format == "0.0%")
        }
        #expect(table.rows.last?[1].value == "Tổng cộng" && table.rows.last?[5].value == "\(summary.totals.activities)")
        #expect(book.sheets[1].rows.dropFirst().map { $0[0].value } == summary.completeness)
        #expect(summary.completeness.contains { $0.contains("Sở Y tế") } && summary.completeness.contains { $0.contains("dự thảo") })
    }
}
