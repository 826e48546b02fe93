import Foundation
import PlanCore
import Testing
@testable import PlanImport

/// A header table flattened by a conversion into lines whose cells are separated by "|" (one line,
/// one line per row, one line per column, a Markdown pipe table) reads as the same header would
/// with one line per part.
@Suite("Header table flattened with \"|\"")
struct FlattenedHeaderTests {
    /// Conversions of `96-KH-UBND-2024.txt` whose only difference is the header's layout.
    static let variants = [
        "96-KH-UBND-2024.pipes-one-line.txt", "96-KH-UBND-2024.pipes-rows.txt", "96-KH-UBND-2024.pipes-columns.txt",
        "96-KH-UBND-2024.pipe-table.md", "96-KH-UBND-2024.pipe-row.md",
    ]

    @Test("each flattened header gives the identity, parent and tasks of the plan with a normal header",
          arguments: variants)
    func sameAsNormalHeader(name: String) throws {
        let normal = try PlanImporter().read(file: Fixtures.url("96-KH-UBND-2024.txt"))
        let plan = try PlanImporter().read(file: Fixtures.url(name))
        #expect(plan.document.issuer == "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC")
        #expect(plan.document.code == "96/KH-UBND")
        #expect(plan.document.number == "96")
        #expect(plan.document.symbol == "KH-UBND")
        #expect(plan.document.issuedOn == Day(2024, 3, 19))
        #expect(plan.document.place == "Bình Phước")
        #expect(plan.document == normal.document)
        #expect(plan.parent == normal.parent)
        #expect(plan.activities == normal.activities)
        #expect(plan.warnings.map(\.code) == normal.warnings.map(\.code))
    }

    static let normalSở = """
        UBND TỈNH BÌNH PHƯỚC
        SỞ TƯ PHÁP
        Số: 45/KH-STP
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Bình Phước, ngày 02 tháng 4 năm 2024
        """

    /// The same Sở header (cơ quan chủ quản above the issuer) flattened in several ways.
    static let sởVariants = [
        // One line per row of the table, the empty left cell of the last row kept or dropped.
        """
        UBND TỈNH BÌNH PHƯỚC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ TƯ PHÁP | Độc lập - Tự do - Hạnh phúc
        Số: 45/KH-STP | Bình Phước, ngày 02 tháng 4 năm 2024
        """,
        """
        UBND TỈNH BÌNH PHƯỚC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ TƯ PHÁP Số: 45/KH-STP | Độc lập - Tự do - Hạnh phúc
         | Bình Phước, ngày 02 tháng 4 năm 2024
        """,
        // Everything on one line, the code in the middle of it.
        "UBND TỈNH BÌNH PHƯỚC | SỞ TƯ PHÁP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | Số: 45/KH-STP | Độc lập - Tự do - Hạnh phúc | Bình Phước, ngày 02 tháng 4 năm 2024",
        // A Markdown pipe table with leading and trailing pipes and a separator row.
        """
        | UBND TỈNH BÌNH PHƯỚC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
        | --- | --- |
        | **SỞ TƯ PHÁP** | **Độc lập - Tự do - Hạnh phúc** |
        | Số: 45/KH-STP | *Bình Phước, ngày 02 tháng 4 năm 2024* |
        """,
        // A one-row Markdown table: the header row and its separator only, cell lines split by <br>.
        """
        | UBND TỈNH BÌNH PHƯỚC<br>**SỞ TƯ PHÁP**<br>Số: 45/KH-STP | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc**<br>*Bình Phước, ngày 02 tháng 4 năm 2024* |
        |---|---|
        """,
        // One line per column, each cell's lines run together (the left column holds the code).
        """
        UBND TỈNH BÌNH PHƯỚC | SỞ TƯ PHÁP | Số: 45/KH-STP
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc | Bình Phước, ngày 02 tháng 4 năm 2024
        """,
    ]

    @Test("a Sở's header flattened: chủ quản, issuer, code, date and place as with one line per part",
          arguments: sởVariants)
    func sởHeader(header: String) throws {
        let normal = try DocumentHeaderTests.plan(header: Self.normalSở).document
        for name in ["flattened.txt", "flattened.md"] {
            let plan = try importText(
                header + "\nKẾ HOẠCH\nThông tin, tuyên truyền cải cách hành chính năm 2024\nI. NHIỆM VỤ\n1. Tập huấn\n"
                    + "- Đơn vị chủ trì: Văn phòng Sở.\n", fileName: name)
            let document = plan.document
            #expect(document.issuerParent == "UBND TỈNH BÌNH PHƯỚC", "\(name)")
            #expect(document.issuer == "SỞ TƯ PHÁP", "\(name)")
            #expect(document.code == "45/KH-STP", "\(name)")
            #expect(document.number == "45", "\(name)")
            #expect(document.symbol == "KH-STP", "\(name)")
            #expect(document.type == "KH", "\(name)")
            #expect(document.place == "Bình Phước", "\(name)")
            #expect(document.issuedOn == Day(2024, 4, 2), "\(name)")
            #expect(document.dateText == "Bình Phước, ngày 02 tháng 4 năm 2024", "\(name)")
            #expect(document == normal, "\(name)")
            #expect(plan.warnings.isEmpty, "\(name): \(plan.warnings.map(\.code))")
        }
    }

    @Test("a draft flattened: blank number and incomplete date warn as with a normal header")
    func draft() throws {
        let plan = try DocumentHeaderTests.plan(
            header: "SỞ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố:      /KH-SNV | Bình Phước, ngày     tháng 5 năm 2024")
        #expect(plan.document.issuer == "SỞ NỘI VỤ")
        #expect(plan.document.code == nil)
        #expect(plan.document.symbol == "KH-SNV")
        #expect(plan.document.place == "Bình Phước")
        #expect(plan.document.issuedOn == nil)
        #expect(plan.warnings.map(\.code) == ["blank-number", "incomplete-date"])
        #expect(plan.warnings.map(\.location) == ["dòng 2", "dòng 2"])
    }

    @Test("a .docx whose header table was flattened into paragraphs with \"|\"")
    func docx() throws {
        let document = TestDocx([
            .paragraph(.init("UBND TỈNH BÌNH PHƯỚC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
            .paragraph(.init("SỞ TƯ PHÁP | Độc lập - Tự do - Hạnh phúc")),
            .paragraph(.init("Số: 45/KH-STP | Bình Phước, ngày 02 tháng 4 năm 2024")),
            .paragraph(.init("KẾ HOẠCH", bold: true, centered: true)),
            .paragraph(.init("Thông tin, tuyên truyền cải cách hành chính năm 2024", bold: true, centered: true)),
            .paragraph(.init("I. NHIỆM VỤ")), .paragraph(.init("1. Tập huấn")),
            .paragraph(.init("- Đơn vị chủ trì: Văn phòng Sở.")),
        ])
        let plan = try PlanImporter().read(data: document.data(), fileName: "45-KH-STP.docx")
        let normal = try DocumentHeaderTests.plan(header: Self.normalSở).document
        #expect(plan.document == normal)
    }

    @Test("pipe cells: separator rows and empty cells are dropped; run-together header parts are separated")
    func cells() {
        #expect(DocumentHeaderParser.pieces(of: "|:---:|---|").isEmpty)
        #expect(DocumentHeaderParser.pieces(of: "| | Bình Phước, ngày 19 tháng 3 năm 2024 |")
            == ["Bình Phước, ngày 19 tháng 3 năm 2024"])
        #expect(DocumentHeaderParser.pieces(of: "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC Số: 96/KH-UBND")
            == ["ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "Số: 96/KH-UBND"])
        #expect(DocumentHeaderParser.pieces(of: "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc Hà Nội, ngày 05/01/2025")
            == ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc", "Hà Nội, ngày 05/01/2025"])
        // A line in a normal header is one piece.
        #expect(DocumentHeaderParser.pieces(of: "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI") == ["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"])
        #expect(DocumentHeaderParser.pieces(of: "Số: /KH-SLĐTBXH") == ["Số: /KH-SLĐTBXH"])
    }
}
