import PlanCore
import Testing
@testable import PlanImport

/// The Vietnamese text summary shows identity, parent, activities, duties and warnings.
@Suite("Text summary")
struct PlanSummaryTests {
    @Test("a complete plan")
    func completePlan() throws {
        let plan = try PlanImporter().read(file: Fixtures.url("96-KH-UBND-2024.docx"))
        let text = PlanSummary.render(plan)
        #expect(text.hasPrefix("KẾ HOẠCH số 96/KH-UBND, ngày 19/03/2024\n"))
        #expect(text.contains("Cơ quan ban hành: ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC\n"))
        #expect(text.contains("Người ký: TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH — PHÓ CHỦ TỊCH — Nguyễn Văn A"))
        #expect(text.contains("Hoạt động (8):"))
        #expect(text.contains("  Mục   | Nội dung"))
        #expect(text.contains("Trước ngày 15/12/2024 (hạn 15/12/2024)"))
        #expect(text.contains("Định kỳ hằng tháng (hằng tháng, cả năm 2024)"))
        #expect(text.contains("Quý III/2024 (01/07–30/09/2024)"))
        #expect(text.contains("Trách nhiệm tổ chức thực hiện: 5 mục, 5 đơn vị"))
        #expect(text.hasSuffix("Cảnh báo (0):\n"))
        #expect(PlanSummary.render(plan) == text)
    }

    @Test("a draft: no number, no date, warnings listed with their place")
    func draft() throws {
        let plan = try PlanImporter().read(file: Fixtures.url("KH-SLDTBXH-2024.txt"))
        let text = PlanSummary.render(plan)
        #expect(text.hasPrefix("KẾ HOẠCH chưa có số (…/KH-SLĐTBXH), chưa rõ ngày ban hành\n"))
        #expect(text.contains("Thực hiện kế hoạch cấp trên: 96/KH-UBND ngày 19/03/2024 của UBND tỉnh"))
        #expect(text.contains("  - [blank-number] dòng 3: Số văn bản để trống"))
        #expect(text.contains("  - [numbering-gap] dòng 99: "))
    }

    static let rangeCases: [(Day?, Day?, String)] = [
        (Day(2024, 1, 1), Day(2024, 12, 31), "cả năm 2024"), (Day(2024, 7, 1), Day(2024, 9, 30), "01/07–30/09/2024"),
        (Day(2024, 12, 1), Day(2025, 1, 31), "01/12/2024–31/01/2025"),
    ]

    @Test("day ranges are written briefly", arguments: rangeCases)
    func ranges(from: Day?, to: Day?, text: String) {
        #expect(PlanSummary.range(from, to) == text)
    }

    @Test("long cells are cut to the column width")
    func cutCells() {
        let lines = PlanSummary.table(header: ["A", "B"], rows: [["xin chào các bạn", "x"]], widths: [8, 5])
        #expect(lines == ["  A        | B", "  ---------+----", "  xin chà… | x"])
    }
}
