import Foundation
import OOXML
import PlanCore
import ReportExport
import Testing

@Suite("Report → .docx (Nghị định 30/2020 layout)")
struct ReportDocxTests {
    private let docx: Data
    private let xml: String

    init() throws {
        docx = try SamplePlan.report().docxData()
        xml = try DocxReading.part("word/document.xml", of: docx)
    }

    @Test("A4 portrait with 20/20/30/15 mm margins, then a landscape annex; page numbers from page 2")
    func pageSetup() throws {
        #expect(xml.contains(#"<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#))
        #expect(xml.contains(#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#))
        #expect(xml.contains("<w:titlePg/>"))
        let header = try DocxReading.part("word/header1.xml", of: docx)
        #expect(header.contains("PAGE"))
        #expect(header.contains(#"<w:jc w:val="center"/>"#))
        let styles = try DocxReading.part("word/styles.xml", of: docx)
        #expect(styles.contains(#"w:ascii="Times New Roman""#))
    }

    @Test("the header table keeps \"Số\" level with the place and date")
    func headerTable() throws {
        let header = try #require(try DocxReading.tables(docx).first)
        let rows = header.rows.map { $0.map { DocxReading.plain($0.text) } }
        #expect(rows[0] == ["UBND TỈNH BÌNH PHƯỚC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
        #expect(rows[1].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } == [
            "SỞ LAO ĐỘNG -\nTHƯƠNG BINH VÀ XÃ HỘI", "Độc lập - Tự do - Hạnh phúc",
        ])
        // The organ name on lines of its own, never "THƯƠNG / BINH"; no break inside "18 tháng 6", "năm 2024".
        #expect(header.rows[1][0].paragraphs.map(\.text).prefix(2) == ["SỞ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"])
        #expect(header.rows[2][1].paragraphs[0].text == "Bình Phước, ngày\u{00A0}18\u{00A0}tháng\u{00A0}6\u{00A0}năm\u{00A0}2024")
        let title = try DocxReading.bodyParagraphs(docx).map(\.text).first { $0.hasPrefix("Kết quả thực hiện") }
        #expect(title?.hasSuffix("Quý\u{00A0}II\u{00A0}năm\u{00A0}2024") == true, "\(String(describing: title))")
        #expect(rows[2] == ["Số: 05/BC-SLĐTBXH", "Bình Phước, ngày 18 tháng 6 năm 2024"])
        #expect(header.rows[1][0].paragraphs[0].isBold)
        #expect(header.rows[2][1].paragraphs[0].isItalic)
        // Rules under the issuer and the motto: bordered empty paragraphs.
        #expect(xml.components(separatedBy: "<w:pBdr><w:bottom").count - 1 >= 3)
    }

    @Test("title, sections I–IV, the closing \"./.\", Nơi nhận, signature, then the annex")
    func outline() throws {
        let texts = try DocxReading.paragraphs(docx)
        let missing = DocxReading.inOrder(
            [
                "BÁO CÁO", "Kết quả thực hiện Kế hoạch thông tin, tuyên truyền cải cách hành chính Quý II năm 2024",
                "Thực hiện Kế hoạch số 15/KH-SLĐTBXH ngày 10/05/2024 về thông tin, tuyên truyền cải cách hành chính năm 2024 "
                    + "(triển khai Kế hoạch số 96/KH-UBND); theo yêu cầu của Sở Nội vụ về chế độ báo cáo định kỳ công tác cải "
                    + "cách hành chính, Sở Lao động - Thương binh và Xã hội báo cáo kết quả thực hiện quý II năm 2024 như sau:",
                "I. KẾT QUẢ THỰC HIỆN", "1. Tình hình chung", "2. Kết quả thực hiện các nhiệm vụ",
                "3. Sản phẩm", "II. ĐÁNH GIÁ CHUNG", "1. Ưu điểm",
                "2. Tồn tại, hạn chế và nguyên nhân", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ",
                "./.", "Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                "Phạm Thị Mai Hương", "Phụ lục", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ QUÝ II NĂM 2024",
                "(Kèm theo Báo cáo số 05/BC-SLĐTBXH ngày 18/06/2024 của Sở Lao động - Thương binh và Xã hội)",
            ], in: texts)
        #expect(missing == nil, "missing or out of order: \(missing ?? "")")
        #expect(!texts.contains("DỰ THẢO"))
        // How each of the Sở's units reported is internal: only the internal version names it.
        #expect(!texts.contains("3. Tình hình báo cáo của các đơn vị"))
        var internalVersion = try SamplePlan.report()
        internalVersion.showsUnitReporting = true
        #expect(
            DocxReading.inOrder(
                ["2. Kết quả thực hiện các nhiệm vụ", "3. Tình hình báo cáo của các đơn vị", "4. Sản phẩm"],
                in: try DocxReading.paragraphs(internalVersion.docxData())) == nil)
        let body = try DocxReading.bodyParagraphs(docx)
        let reportWord = try #require(body.first { $0.text == "BÁO CÁO" })
        #expect(reportWord.isBold && reportWord.alignment == "center")
    }

    @Test("the annex table repeats its header row and groups rows")
    func annexTable() throws {
        let annex = try #require(try DocxReading.tables(docx).last)
        #expect(annex.rows[0].map(\.text) == ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Kết quả", "Tình trạng", "Minh chứng"])
        #expect(annex.rows[1].map(\.text) == ["I", "Hoạt động trọng tâm"])
        #expect(annex.rows[1][1].gridSpan == 7)
        #expect(annex.rows[2][6].text == "Đang thực hiện")
        #expect(xml.contains("<w:tblHeader/>"))
        // Evidence links are hyperlinks.
        let relationships = try DocxReading.part("word/_rels/document.xml.rels", of: docx)
        #expect(relationships.contains("https://sldtbxh.binhphuoc.gov.vn/tin-tuc/cchc-quy-1"))
    }

    @Test("a draft is marked DỰ THẢO above the header and prints a blank number")
    func draft() throws {
        var context = SamplePlan.context
        context.status = .draft
        context.number = nil
        context.date = Sample.day("2025-01-05")
        let report = try ReportBuilder.build(
            plan: SamplePlan.record, period: Sample.period("2024-Q4"), regime: .nd09, context: context)
        let texts = try DocxReading.paragraphs(report.docxData())
        #expect(texts.first == "DỰ THẢO")
        #expect(texts.contains("Số:      /BC-SLĐTBXH"))
        #expect(texts.contains("Bình Phước, ngày 05 tháng 01 năm 2025"))
    }

    @Test("the same report gives the same bytes; word/document.xml matches its golden file")
    func deterministic() throws {
        #expect(try SamplePlan.report().docxData() == docx)
        try Golden.check(xml, against: "report-2024-Q2.document.xml")
    }
}
