import Foundation
import OOXML
import Testing

/// The real-layout fixtures read as Word shows them.
@Suite("Fixture documents")
struct FixtureDocumentTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func read(_ name: String) throws -> WordDocument {
        try WordDocument(docx: try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    static func textLines(_ name: String) throws -> [String] {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    @Test("96/KH-UBND: the header is a two-column table with issuer and national motto")
    func provincialPlanHeader() throws {
        let document = try Self.read("96-KH-UBND-2024.docx")
        guard case .table(let header)? = document.body.first else {
            Issue.record("the document should open with the header table")
            return
        }
        #expect(header.rows.count == 1)
        #expect(header.rows[0].map { $0.paragraphs.map(\.text) } == [
            ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC", "Số: 96/KH-UBND"],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bình Phước, ngày 19 tháng 3 năm 2024"],
        ])
        let right = header.rows[0][1].paragraphs
        #expect(right.map(\.isBold) == [true, true, false])
        #expect(right.map(\.isItalic) == [false, false, true])
        #expect(right.map(\.alignment) == ["center", "center", "center"])
    }

    @Test("96/KH-UBND: the body paragraphs are the lines of its text conversion, in order")
    func provincialPlanBody() throws {
        let document = try Self.read("96-KH-UBND-2024.docx")
        let paragraphs = document.paragraphs.filter { !$0.text.isEmpty }
        let lines = try Self.textLines("96-KH-UBND-2024.txt")
        var remaining = lines[...]
        for paragraph in paragraphs {
            guard let index = remaining.firstIndex(of: paragraph.text) else {
                Issue.record("paragraph not found in order in the text version: \(paragraph.text)")
                return
            }
            remaining = remaining[(index + 1)...]
        }
        #expect(paragraphs.count > 60)
        let title = try #require(paragraphs.first { $0.text == "KẾ HOẠCH" })
        #expect(title.isBold && title.alignment == "center")
        let heading = try #require(paragraphs.first { $0.text == "I. MỤC ĐÍCH, YÊU CẦU" })
        #expect(heading.isBold && !heading.isItalic && heading.alignment == "both")
        #expect(paragraphs.contains { $0.text.hasPrefix("- Cơ quan chủ trì: Đài Phát thanh - Truyền hình") && !$0.isBold })
    }

    @Test("45/KH-STP: the landscape annex table has the task columns and six tasks")
    func departmentPlanAnnex() throws {
        let document = try Self.read("45-KH-STP-2024.docx")
        #expect(document.tables.count == 3)
        let annex = try #require(document.tables.last)
        #expect(annex.rows.count == 7)
        #expect(annex.rows[0].map(\.text) == [
            "STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm",
        ])
        #expect(annex.rows[0].allSatisfy { $0.paragraphs.allSatisfy(\.isBold) && $0.gridSpan == 1 })
        #expect(annex.rows[4].map(\.text) == [
            "4", "Tuyên truyền về dịch vụ công trực tuyến lĩnh vực lý lịch tư pháp", "Phòng Hành chính tư pháp",
            "Văn phòng Sở; Trung tâm Phục vụ hành chính công tỉnh", "Tháng 6/2024", "Tờ gấp, video clip",
        ])
        #expect(annex.rows[6][3].text == "")
        #expect(annex.rows[6][4].text == "Trước ngày 10/12/2024")
    }

    @Test("45/KH-STP: signature table and annex title")
    func departmentPlanSignatureAndTitle() throws {
        let document = try Self.read("45-KH-STP-2024.docx")
        let signature = try #require(document.tables.dropFirst().first)
        let recipients = signature.rows[0][0].paragraphs
        #expect(recipients.first?.text == "Nơi nhận:")
        #expect(recipients.first.map { $0.isBold && $0.isItalic } == true)
        #expect(recipients.last?.text == "- Lưu: VT, VP.")
        #expect(signature.rows[0][1].paragraphs.map(\.text) == ["GIÁM ĐỐC", "", "Trần Văn B"])
        let annexTitle = try #require(document.paragraphs.first { $0.text == "PHỤ LỤC" })
        #expect(annexTitle.isBold && annexTitle.alignment == "center")
        #expect(document.paragraphs.contains { $0.text == "(Kèm theo Kế hoạch số 45/KH-STP ngày 02/4/2024 của Sở Tư pháp)" && $0.isItalic })
    }
}
