import Foundation
import PlanCore
import Testing
@testable import PlanImport

/// The identity of a document: issuer lines, Số/ký hiệu, place and date, type and trích yếu.
@Suite("Document header")
struct DocumentHeaderTests {
    static func plan(header: String, title: String = "KẾ HOẠCH\nThông tin, tuyên truyền cải cách hành chính năm 2024")
        throws -> PlanDocument
    {
        try importText(header + "\n" + title + "\nI. NHIỆM VỤ\n1. Tập huấn\n- Đơn vị chủ trì: Văn phòng Sở.\n")
    }

    @Test("a complete header")
    func complete() throws {
        let plan = try Self.plan(
            header: """
                UBND TỈNH BÌNH PHƯỚC
                SỞ NỘI VỤ
                Số: 05/KH-SNV
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Bình Phước, ngày 05 tháng 01 năm 2024
                """)
        let document = plan.document
        #expect(document.code == "05/KH-SNV")
        #expect(document.number == "05")
        #expect(document.symbol == "KH-SNV")
        #expect(document.type == "KH")
        #expect(document.typeName == "KẾ HOẠCH")
        #expect(document.issuer == "SỞ NỘI VỤ")
        #expect(document.issuerParent == "UBND TỈNH BÌNH PHƯỚC")
        #expect(document.place == "Bình Phước")
        #expect(document.issuedOn == Day(2024, 1, 5))
        #expect(document.dateText == "Bình Phước, ngày 05 tháng 01 năm 2024")
        #expect(document.title == "Thông tin, tuyên truyền cải cách hành chính năm 2024")
        #expect(document.year == 2024)
        #expect(plan.warnings.isEmpty)
    }

    @Test("a blank number and an incomplete date are kept as null, with warnings that point at the lines")
    func draft() throws {
        let plan = try Self.plan(header: "SỞ NỘI VỤ\nSố:      /KH-SNV\nBình Phước, ngày     tháng 5 năm 2024")
        #expect(plan.document.code == nil)
        #expect(plan.document.number == nil)
        #expect(plan.document.symbol == "KH-SNV")
        #expect(plan.document.type == "KH")
        #expect(plan.document.issuedOn == nil)
        #expect(plan.document.year == 2024)
        let codes = plan.warnings.map(\.code)
        #expect(codes == ["blank-number", "incomplete-date"])
        #expect(plan.warnings[0].location == "dòng 2")
        #expect(plan.warnings[1].location == "dòng 3")
    }

    static let numberCases: [(String, String?, String?)] = [
        ("Số: 123/2024/QĐ-UBND", "123/2024/QĐ-UBND", "QĐ"),
        ("Số 45/KH-STP", "45/KH-STP", "KH"),
        ("Số: 96 / KH - UBND", "96/KH-UBND", "KH"),
        ("Số: …/KH-SLĐTBXH", nil, "KH"),
        ("Số: 07/SNV-VP", "07/SNV-VP", nil),
    ]

    @Test("numbers in other common forms", arguments: numberCases)
    func numberForms(line: String, code: String?, type: String?) {
        let parsed = DocumentHeaderParser.numberLine(line)
        #expect(parsed?.code == code)
        #expect(parsed?.type == type)
    }

    static let dateCases: [(String, String, Day?)] = [
        ("Bình Phước, ngày 19 tháng 3 năm 2024", "Bình Phước", Day(2024, 3, 19)),
        ("Đồng Xoài, ngày 02/4/2024", "Đồng Xoài", Day(2024, 4, 2)),
        ("Hà Nội, ngày … tháng 5 năm 2024", "Hà Nội", nil),
        ("Bình Phước, ngày    /5/2024", "Bình Phước", nil),
        ("Bình Phước, ngày 30 tháng 02 năm 2024", "Bình Phước", nil),
    ]

    @Test("written dates", arguments: dateCases)
    func dates(line: String, place: String, day: Day?) throws {
        let parsed = try #require(DocumentHeaderParser.dateLine(line))
        #expect(parsed.place == place)
        #expect(parsed.date.value == day)
    }

    @Test("an invalid date is reported like an incomplete one")
    func invalidDate() throws {
        let plan = try Self.plan(header: "SỞ NỘI VỤ\nSố: 1/KH-SNV\nBình Phước, ngày 30 tháng 02 năm 2024")
        #expect(plan.document.issuedOn == nil)
        #expect(plan.warnings.first?.code == "incomplete-date")
        #expect(plan.warnings.first?.message.contains("không hợp lệ") == true)
    }

    static let issuerCases: [([String], String?, String)] = [
        (["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC"], nil, "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"),
        (
            ["UBND TỈNH BÌNH PHƯỚC", "SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"], "UBND TỈNH BÌNH PHƯỚC",
            "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
        ),
        (["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC", "SỞ TƯ PHÁP"], "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "SỞ TƯ PHÁP"),
        (["SỞ TƯ PHÁP"], nil, "SỞ TƯ PHÁP"),
    ]

    @Test("issuer lines: a People's Committee and its province are one name; a wrapped name is joined",
        arguments: issuerCases)
    func issuerLines(lines: [String], parent: String?, issuer: String) {
        let result = DocumentHeaderParser.issuer(from: lines)
        #expect(result.parent == parent)
        #expect(result.issuer == issuer)
    }

    @Test("a header laid out in two columns on the same lines")
    func twoColumns() throws {
        let plan = try Self.plan(
            header: """
                UBND TỈNH BÌNH PHƯỚC            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                SỞ TƯ PHÁP\t\tĐộc lập - Tự do - Hạnh phúc
                Số: 45/KH-STP                   Bình Phước, ngày 02 tháng 4 năm 2024
                """)
        #expect(plan.document.issuerParent == "UBND TỈNH BÌNH PHƯỚC")
        #expect(plan.document.issuer == "SỞ TƯ PHÁP")
        #expect(plan.document.code == "45/KH-STP")
        #expect(plan.document.issuedOn == Day(2024, 4, 2))
    }

    @Test("without a header, the issuer comes from the body and the missing parts are reported")
    func noHeader() throws {
        let plan = try importText(
            """
            KẾ HOẠCH
            Thông tin, tuyên truyền cải cách hành chính năm 2024
            Thực hiện Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh, Sở Tư pháp (sau đây gọi là Sở) ban hành Kế hoạch như sau:
            I. NHIỆM VỤ
            1. Tập huấn
            - Đơn vị chủ trì: Văn phòng Sở.
            """)
        #expect(plan.document.issuer == "Sở Tư pháp")
        #expect(plan.document.code == nil)
        #expect(plan.warnings.map(\.code) == ["missing-number", "missing-date"])
    }

    @Test("the type and the title on one line; a title wrapped onto a lower-case line is joined")
    func titleForms() throws {
        let oneLine = try Self.plan(header: "SỞ NỘI VỤ\nSố: 1/KH-SNV", title: "KẾ HOẠCH Tuyên truyền cải cách hành chính năm 2025")
        #expect(oneLine.document.typeName == "KẾ HOẠCH")
        #expect(oneLine.document.title == "Tuyên truyền cải cách hành chính năm 2025")
        #expect(oneLine.document.year == 2025)
        let wrapped = try Self.plan(
            header: "SỞ NỘI VỤ\nSố: 1/KH-SNV", title: "KẾ HOẠCH\nThông tin, tuyên truyền cải cách hành chính\nnăm 2026 trên địa bàn tỉnh")
        #expect(wrapped.document.title == "Thông tin, tuyên truyền cải cách hành chính năm 2026 trên địa bàn tỉnh")
        #expect(wrapped.document.year == 2026)
    }

    @Test("the plan year is the title's, else the date's, else the parent plan's")
    func planYear() throws {
        let fromTitle = try Self.plan(header: "SỞ NỘI VỤ\nSố: 1/KH-SNV\nBình Phước, ngày 20 tháng 12 năm 2024",
            title: "KẾ HOẠCH\nTuyên truyền năm 2025")
        #expect(fromTitle.document.year == 2025)
        let fromDate = try Self.plan(header: "SỞ NỘI VỤ\nSố: 1/KH-SNV\nBình Phước, ngày 20 tháng 12 năm 2024",
            title: "KẾ HOẠCH\nTuyên truyền cải cách hành chính")
        #expect(fromDate.document.year == 2024)
        let fromParent = try importText(
            "KẾ HOẠCH\nTuyên truyền cải cách hành chính\nThực hiện Kế hoạch số 9/KH-UBND ngày 02/01/2023 của UBND tỉnh,\n"
                + "I. NHIỆM VỤ\n1. Tập huấn\n- Chủ trì: Văn phòng Sở\n- Thời gian: Quý II")
        #expect(fromParent.document.year == 2023)
        #expect(fromParent.activities.first?.schedule.from == Day(2023, 4, 1))
    }
}
