import Foundation
import PlanCore

/// Generates plans of any size for performance checks: the header, a legal basis citing a parent
/// plan, groups of numbered tasks with chủ trì / phối hợp / thời gian / sản phẩm lines, "Tổ chức
/// thực hiện", the closing — as text, or as a .docx with a task table in the annex.
enum SyntheticPlan {
    static let units = [
        "Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch - Tài chính", "Trung tâm Dịch vụ việc làm",
        "các phòng chuyên môn, nghiệp vụ thuộc Sở", "Sở Thông tin và Truyền thông",
        "Đài Phát thanh - Truyền hình và Báo Bình Phước", "UBND các huyện, thị xã, thành phố",
    ]
    static let schedules = [
        "Thường xuyên", "Quý I/2024", "Quý II/2024", "Tháng 6/2024", "Trước ngày 15/12/2024",
        "Định kỳ hằng quý", "Từ tháng 8 đến tháng 10/2024", "Năm 2024",
    ]

    static func header() -> [String] {
        [
            "UBND TỈNH BÌNH PHƯỚC", "SỞ THỬ NGHIỆM", "Số: 123/KH-STN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Bình Phước, ngày 10 tháng 4 năm 2024", "KẾ HOẠCH",
            "Thông tin, tuyên truyền cải cách hành chính năm 2024",
            "Thực hiện Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh về thông tin, tuyên truyền cải cách "
                + "hành chính năm 2024, Sở Thử nghiệm ban hành Kế hoạch như sau:",
        ]
    }

    static func closing() -> [String] {
        [
            "Nơi nhận:", "- UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
            "Nguyễn Văn C",
        ]
    }

    /// The fields of task `index` (0-based).
    static func task(_ index: Int) -> (title: String, lead: String, coordinating: String, schedule: String, product: String) {
        (
            "Tổ chức hoạt động tuyên truyền số \(index + 1) về cải cách hành chính trên địa bàn",
            units[index % units.count], units[(index + 3) % units.count] + ", " + units[(index + 5) % units.count],
            schedules[index % schedules.count], "\(index % 12 + 1) tin, bài"
        )
    }

    /// A text plan with `count` tasks in the body, in groups of 23 ("a)" … "y)") under "1.", "2.", … of
    /// section II.
    static func text(activities count: Int) -> String {
        var lines = header()
        lines += ["I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức về cải cách hành chính.", "II. NHIỆM VỤ CỤ THỂ"]
        for index in 0..<count {
            if index % 23 == 0 { lines.append("\(index / 23 + 1). Nhóm nhiệm vụ \(index / 23 + 1)") }
            let task = task(index)
            lines.append("\(letters[index % 23])) \(task.title)")
            lines.append("- Đơn vị chủ trì: \(task.lead).")
            lines.append("- Đơn vị phối hợp: \(task.coordinating).")
            lines.append("- Thời gian thực hiện: \(task.schedule).")
            lines.append("- Sản phẩm: \(task.product).")
        }
        lines += ["III. TỔ CHỨC THỰC HIỆN", "1. Văn phòng Sở", "Theo dõi, tổng hợp kết quả thực hiện./."]
        lines += closing()
        return lines.joined(separator: "\n") + "\n"
    }

    private static let letters = Array("abcdđeghiklmnopqrstuvxy")

    /// A .docx plan whose `count` tasks stand in an annex table, 200 per group row spanning the table.
    static func docx(activities count: Int) throws -> Data {
        var body: [TestDocx.Block] = (header() + ["I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao nhận thức.", "II. NHIỆM VỤ",
            "Chi tiết tại Phụ lục kèm theo Kế hoạch này."] + closing()).map { .paragraph(TestDocx.P($0)) }
        body.append(.paragraph(TestDocx.P("PHỤ LỤC", bold: true, centered: true)))
        body.append(.paragraph(TestDocx.P("DANH MỤC NHIỆM VỤ NĂM 2024", bold: true, centered: true)))
        var rows: [[TestDocx.Cell]] = [[
            TestDocx.Cell("STT"), TestDocx.Cell("Nội dung nhiệm vụ"), TestDocx.Cell("Đơn vị chủ trì"),
            TestDocx.Cell("Đơn vị phối hợp"), TestDocx.Cell("Thời gian thực hiện"), TestDocx.Cell("Sản phẩm"),
        ]]
        for index in 0..<count {
            if index % 200 == 0 {
                rows.append([TestDocx.Cell("\(VietnameseNumerals.roman(index / 200 + 1)). NHÓM NHIỆM VỤ \(index / 200 + 1)", span: 6)])
            }
            let task = task(index)
            rows.append([
                TestDocx.Cell("\(index % 200 + 1)"), TestDocx.Cell(task.title), TestDocx.Cell(task.lead),
                TestDocx.Cell(task.coordinating), TestDocx.Cell(task.schedule), TestDocx.Cell(task.product),
            ])
        }
        body.append(.table(rows))
        return try TestDocx(body).data()
    }
}
