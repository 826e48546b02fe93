import Foundation
import PlanCore
import Testing
@testable import PlanImport

/// Task tables: columns recognised by their wording in any order, group rows, two-row headers,
/// merged cells, and tables that are not task tables.
@Suite("Task tables")
struct AnnexTableTests {
    static let header = "SỞ NỘI VỤ\nSố: 3/KH-SNV\nBình Phước, ngày 02 tháng 01 năm 2024\nKẾ HOẠCH\nTuyên truyền năm 2024\n"

    @Test("columns are recognised from their wording", arguments: [
        ("STT", ColumnRole.number), ("TT", .number), ("Nội dung công việc", .content), ("Nội dung nhiệm vụ", .content),
        ("Nhiệm vụ", .content), ("Tên hoạt động", .content), ("Cơ quan, đơn vị chủ trì", .lead),
        ("Đơn vị chủ trì", .lead), ("Đơn vị thực hiện", .lead), ("Đơn vị phối hợp", .coordinating),
        ("Cơ quan phối hợp", .coordinating), ("Thời gian thực hiện", .schedule), ("Thời hạn hoàn thành", .schedule),
        ("Tiến độ", .schedule), ("Kết quả/Sản phẩm", .products), ("Sản phẩm", .products), ("Ghi chú", .note),
        ("Kinh phí thực hiện", .budget), ("Dự toán kinh phí", .budget),
    ])
    func roles(header: String, role: ColumnRole) {
        #expect(ColumnRole.recognise(header) == role)
    }

    @Test("a text table with columns in another order, a column-number row and Roman group rows")
    func textTable() throws {
        let plan = try importText(
            Self.header + """
                I. NHIỆM VỤ
                Chi tiết tại Phụ lục kèm theo.
                PHỤ LỤC
                DANH MỤC NHIỆM VỤ
                TT | Nội dung công việc | Thời hạn hoàn thành | Cơ quan, đơn vị chủ trì | Đơn vị phối hợp | Kết quả/Sản phẩm | Kinh phí | Ghi chú
                (1) | (2) | (3) | (4) | (5) | (6) | (7) | (8)
                I | TUYÊN TRUYỀN TRÊN BÁO CHÍ | | | | | |
                1 | Đăng tin, bài | Quý I/2024 | Văn phòng Sở | Thanh tra Sở | 10 tin, bài | 5.000.000 |
                2 | Phóng sự | Tháng 6/2024 | Đài Phát thanh - Truyền hình và Báo Bình Phước | | 02 phóng sự | |
                II | HỘI NGHỊ, TẬP HUẤN | | | | | |
                1 | Tập huấn | Quý II/2024 | Sở Nội vụ | Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông | 02 lớp | |
                """)
        #expect(plan.activities.map(\.ref) == ["PL.I.1", "PL.I.2", "PL.II.1"])
        #expect(plan.activities.map(\.group) == ["TUYÊN TRUYỀN TRÊN BÁO CHÍ", "TUYÊN TRUYỀN TRÊN BÁO CHÍ", "HỘI NGHỊ, TẬP HUẤN"])
        #expect(plan.activities[0].lead == ["Văn phòng Sở"])
        #expect(plan.activities[0].schedule.to == Day(2024, 3, 31))
        #expect(plan.activities[0].products == ["10 tin, bài"])
        #expect(plan.activities[1].coordinating == [])
        #expect(plan.activities[2].coordinating == ["Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông"])
        #expect(plan.sections.last?.label == "PL")
        #expect(plan.sections.last?.heading == "DANH MỤC NHIỆM VỤ")
        #expect(plan.warnings.isEmpty)
    }

    @Test("a table that lists no tasks is read as text")
    func otherTables() throws {
        let plan = try importText(
            Self.header + "I. ĐẦU MỐI\nHọ và tên | Chức vụ | Số điện thoại\nNguyễn Văn E | Chuyên viên | 0909\n")
        #expect(plan.activities.isEmpty)
        #expect(plan.sections[0].text == ["Họ và tên", "Chức vụ", "Số điện thoại", "Nguyễn Văn E", "Chuyên viên", "0909"])
    }

    @Test("a table in the body takes the section's path")
    func bodyTable() throws {
        let plan = try importText(
            Self.header + """
                I. NHIỆM VỤ
                2. Nhiệm vụ cụ thể
                STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian thực hiện
                1 | Tập huấn | Văn phòng Sở | Quý II
                2 | Hội thi | Sở Nội vụ | Quý III
                """)
        #expect(plan.activities.map(\.ref) == ["I.2.1", "I.2.2"])
        #expect(plan.activities.map(\.group) == ["Nhiệm vụ cụ thể", "Nhiệm vụ cụ thể"])
    }

    @Test("a Word table with a two-row header, a group row spanning the table, and merged lead cells")
    func wordTable() throws {
        typealias C = TestDocx.Cell
        let rows: [[C]] = [
            [C("STT", merge: "restart"), C("Nội dung", merge: "restart"), C("Đơn vị thực hiện", span: 2),
                C("Thời gian", span: 2)],
            [C(merge: "continue"), C(merge: "continue"), C("Chủ trì"), C("Phối hợp"), C("Bắt đầu"), C("Kết thúc")],
            [C("I. TRUYỀN THÔNG TRÊN MẠNG", span: 6)],
            [C("1"), C("Đăng tin trên Cổng thông tin"), C("Văn phòng Sở", merge: "restart"), C("Thanh tra Sở"),
                C("Tháng 3/2024"), C("Tháng 5/2024")],
            [C("2"), C("Cập nhật chuyên mục"), C(merge: "continue"), C(""), C("Tháng 6/2024"), C("Tháng 6/2024")],
        ]
        var body: [TestDocx.Block] = Self.header.split(separator: "\n").map { .paragraph(TestDocx.P(String($0))) }
        body += [.paragraph(TestDocx.P("I. NHIỆM VỤ")), .table(rows)]
        let plan = try PlanImporter().read(data: TestDocx(body).data(), fileName: "bang.docx")
        #expect(plan.activities.map(\.ref) == ["I.I.1", "I.I.2"])
        #expect(plan.activities.map(\.group) == ["TRUYỀN THÔNG TRÊN MẠNG", "TRUYỀN THÔNG TRÊN MẠNG"])
        #expect(plan.activities.map(\.lead) == [["Văn phòng Sở"], ["Văn phòng Sở"]])
        #expect(plan.activities[0].coordinating == ["Thanh tra Sở"])
        #expect(plan.activities[0].schedule.text == "Tháng 3/2024 - Tháng 5/2024")
        #expect(plan.activities[0].schedule.from == Day(2024, 3, 1))
        #expect(plan.activities[0].schedule.to == Day(2024, 5, 31))
        #expect(plan.warnings.isEmpty)
    }

    @Test("the fixture annex: six tasks, refs PL.1 … PL.6", arguments: ["45-KH-STP-2024.txt", "45-KH-STP-2024.docx"])
    func fixtureAnnex(name: String) throws {
        let plan = try PlanImporter().read(file: Fixtures.url(name))
        #expect(plan.activities.map(\.ref) == (1...6).map { "PL.\($0)" })
        #expect(plan.activities[3].coordinating == ["Văn phòng Sở", "Trung tâm Phục vụ hành chính công tỉnh"])
        #expect(plan.activities[1].lead == ["Phòng Phổ biến, giáo dục pháp luật"])
    }
}
