import Foundation
import OOXML
import PlanCore

/// The provincial roll-up as an Excel workbook: "Tổng hợp tỉnh" (one row per department with its
/// figures as numbers, the rate as a percentage, a total row) and "Tình hình nộp" (who has not reported
/// or sent only a draft, the same sentences as the Word document).
extension ProvincialSummary {
    public static let xlsxSheetNames = ["Tổng hợp tỉnh", "Tình hình nộp"]

    public static let xlsxHeaders = [
        "STT", "Đơn vị", "Kế hoạch", "Nộp lúc", "Nộp đúng hạn", "Số nhiệm vụ", "Hoàn thành", "Đang thực hiện",
        "Chưa thực hiện", "Quá hạn", "Dừng thực hiện", "Tỷ lệ hoàn thành", "Số kết quả", "Số minh chứng",
    ]

    public func xlsxWorkbook() -> XlsxWorkbook {
        let title = "Tổng hợp kết quả thông tin, tuyên truyền cải cách hành chính \(period.label)"
        var table: [[XlsxCell]] = [Self.xlsxHeaders.map { .text($0, .header) }]
        for (index, row) in rows.enumerated() {
            table.append(
                [.number(Double(index + 1)), .text(row.unit), .text(row.plan ?? ""), .text(row.submittedAt.map { VietnameseText.instant(fromUTC: $0) } ?? ""),
                 .text(Self.timeliness(row))]
                    + Self.figures(
                        [row.activities, row.done, row.inProgress, row.notStarted, row.overdue, row.cancelled],
                        rate: row.completionRate, entries: row.progressEntries, evidence: row.evidence, role: .body))
        }
        let totals = self.totals
        table.append(
            [.empty(.emphasis), .text("Tổng cộng", .emphasis), .empty(.emphasis), .empty(.emphasis),
             .text("\(totals.onTime)/\(rows.count) đúng hạn", .emphasis)]
                + Self.figures(
                    [totals.activities, totals.done, totals.inProgress, totals.notStarted, totals.overdue, totals.cancelled],
                    rate: totals.completionRate, entries: totals.progressEntries, evidence: totals.evidence, role: .emphasis))
        var state: [[XlsxCell]] = [[.text("Tình hình nộp báo cáo", .header)]]
        state += completeness.map { [.text($0)] }
        return XlsxWorkbook(
            sheets: [
                XlsxSheet(
                    name: Self.xlsxSheetNames[0],
                    columns: [.init(minimum: 5, maximum: 5), .init(minimum: 24, maximum: 36), .init(minimum: 12, maximum: 16),
                              .init(minimum: 12, maximum: 21), .init(minimum: 12, maximum: 16)]
                        + Array(repeating: .init(minimum: 9, maximum: 11), count: 9),
                    rows: table, pageHeader: title),
                XlsxSheet(
                    name: Self.xlsxSheetNames[1], columns: [.init(minimum: 40, maximum: 100)], rows: state,
                    orientation: .portrait, pageHeader: title),
            ],
            properties: DocxProperties(title: title, subject: "\(ProvincialSummary.format) \(period.id)"), application: "cchc")
    }

    /// The .xlsx bytes; the same summary always gives the same bytes.
    public func xlsxData() -> Data { xlsxWorkbook().xlsxData() }

    private static func figures(_ counts: [Int], rate: Double?, entries: Int, evidence: Int, role: XlsxCell.Role) -> [XlsxCell] {
        counts.map { .number(Double($0), role) } + [rate.map { .rate($0, role) } ?? .empty(role)]
            + [.number(Double(entries), role), .number(Double(evidence), role)]
    }
}
