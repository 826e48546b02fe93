import Foundation
import PlanCore
import Testing
@testable import PlanImport

/// Word documents: the header and signature tables, auto-numbering restored from numbering.xml,
/// soft line breaks, paragraphs split by a page break, locations by paragraph.
@Suite("Word documents")
struct DocxImportTests {
    typealias P = TestDocx.P
    typealias C = TestDocx.Cell

    static func document() -> TestDocx {
        TestDocx([
            .table([[
                C("UBND TỈNH BÌNH PHƯỚC", "SỞ NỘI VỤ", "Số: 12/KH-SNV"),
                C("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bình Phước, ngày 10 tháng 01 năm 2025"),
            ]]),
            .paragraph(P("KẾ HOẠCH", bold: true, centered: true)),
            .paragraph(P("Thông tin, tuyên truyền cải cách hành chính năm 2025", bold: true, centered: true)),
            .paragraph(P("Thực hiện Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh, Sở Nội vụ ban hành Kế hoạch như sau:")),
            .paragraph(P("MỤC ĐÍCH, YÊU CẦU", list: 1, level: 0)),
            .paragraph(P("Nâng cao nhận thức; tuyên")),
            .paragraph(P("truyền sâu rộng.", pageBreakBefore: true)),
            .paragraph(P("NHIỆM VỤ", list: 1, level: 0)),
            .paragraph(P("Tuyên truyền trên báo chí", list: 1, level: 1)),
            .paragraph(P("Đăng tin, bài\nĐơn vị chủ trì: Văn phòng Sở", list: 1, level: 2)),
            .paragraph(P("Thời gian thực hiện: Quý I/2025", list: 1, level: 3)),
            .paragraph(P("Tập huấn", list: 1, level: 2)),
            .paragraph(P("Đơn vị chủ trì: Thanh tra Sở", list: 1, level: 3)),
            .paragraph(P("Hội thi (thời gian: Quý III/2025)", list: 1, level: 2)),
            .paragraph(P("TỔ CHỨC THỰC HIỆN", list: 1, level: 0)),
            .paragraph(P("Văn phòng Sở: theo dõi, tổng hợp kết quả./.")),
            .table([[
                C("Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT, VP."),
                C("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Trần Thị D"),
            ]]),
        ])
    }

    @Test("identity from the header table, signature from the footer table")
    func identity() throws {
        let plan = try PlanImporter().read(data: Self.document().data(), fileName: "12-KH-SNV.docx")
        #expect(plan.source.mediaType == .docx)
        #expect(plan.document.code == "12/KH-SNV")
        #expect(plan.document.issuer == "SỞ NỘI VỤ")
        #expect(plan.document.issuerParent == "UBND TỈNH BÌNH PHƯỚC")
        #expect(plan.document.issuedOn == Day(2025, 1, 10))
        #expect(plan.document.title == "Thông tin, tuyên truyền cải cách hành chính năm 2025")
        #expect(plan.document.signer == DocumentIdentity.Signer(capacity: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Trần Thị D"))
        #expect(plan.document.recipients == ["UBND tỉnh", "Lưu: VT, VP"])
        #expect(plan.parent?.code == "96/KH-UBND")
    }

    @Test("auto-numbered headings get their labels; soft breaks split lines; page breaks are rejoined")
    func structure() throws {
        let plan = try PlanImporter().read(data: Self.document().data(), fileName: "12-KH-SNV.docx")
        #expect(plan.sections.map(\.label) == ["I", "II", "III"])
        #expect(plan.sections[0].text == ["Nâng cao nhận thức; tuyên truyền sâu rộng."])
        #expect(plan.sections[1].children.map(\.label) == ["1"])
        #expect(plan.sections[1].children[0].children.map(\.label) == ["a", "b", "c"])
        #expect(plan.activities.map(\.ref) == ["II.1.a", "II.1.b", "II.1.c"])
        #expect(plan.activities[0].lead == ["Văn phòng Sở"])
        #expect(plan.activities[0].schedule.to == Day(2025, 3, 31))
        #expect(plan.activities[1].lead == ["Thanh tra Sở"])
        #expect(plan.responsibilities.map(\.unit) == ["Văn phòng Sở"])
    }

    @Test("warnings in a Word document point at the paragraph")
    func locations() throws {
        let plan = try PlanImporter().read(data: Self.document().data(), fileName: "12-KH-SNV.docx")
        #expect(plan.warnings.map(\.code) == ["missing-lead"])
        #expect(plan.warnings.first?.location == "đoạn 13")
    }

    @Test("text in a legacy font (.VnTime) stored as Latin-1 is converted")
    func legacyFont() throws {
        let misread = { (text: String) in
            String(String.UnicodeScalarView(LegacyEncoders.tcvn3(text).map { Unicode.Scalar($0) }))
        }
        let document = TestDocx([
            .paragraph(P(misread("SỞ NỘI VỤ"))), .paragraph(P("Số: 1/KH-SNV")),
            .paragraph(P(misread("Bình Phước, ngày 02 tháng 01 năm 2024"))), .paragraph(P(misread("KẾ HOẠCH"))),
            .paragraph(P(misread("Thông tin, tuyên truyền cải cách hành chính năm 2024"))),
            .paragraph(P(misread("I. NHIỆM VỤ"))), .paragraph(P(misread("1. Tổ chức hội nghị tập huấn"))),
            .paragraph(P(misread("- Đơn vị chủ trì: Văn phòng Sở."))),
            .paragraph(P(misread("- Thời gian thực hiện: Quý II/2024."))),
        ])
        let plan = try PlanImporter().read(data: document.data(), fileName: "vntime.docx")
        #expect(plan.document.title == "Thông tin, tuyên truyền cải cách hành chính năm 2024")
        #expect(plan.document.typeName == "KẾ HOẠCH")
        #expect(plan.activities.first?.title == "Tổ chức hội nghị tập huấn")
        #expect(plan.activities.first?.lead == ["Văn phòng Sở"])
        #expect(plan.warnings.map(\.code) == ["legacy-encoding"])
    }

    @Test("a .docx is recognised from its content whatever its name")
    func recognisedByContent() throws {
        let plan = try PlanImporter().read(data: Self.document().data(), fileName: "ke-hoach.txt")
        #expect(plan.source.mediaType == .docx)
        #expect(plan.activities.count == 3)
    }
}
