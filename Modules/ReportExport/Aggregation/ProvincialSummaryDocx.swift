import Foundation
import OOXML
import PlanCore

/// The roll-up as a landscape Word table: STT, Đơn vị, Số nhiệm vụ, Hoàn thành, Đang thực hiện, Quá hạn,
/// Tỷ lệ hoàn thành, Số minh chứng, Nộp đúng hạn, a "Tổng cộng" row, then the units that have not reported.
extension ProvincialSummary {
    /// The table the document shows (also usable by other renderings).
    var table: BlockTable {
        var rows: [BlockTable.Row] = rows.enumerated().map { index, row in
            .cells([
                [String(index + 1)], [row.unit], [String(row.activities)], [String(row.done)], [String(row.inProgress)],
                [String(row.overdue)], [VietnameseFormat.percent(row.completionRate)], [String(row.evidence)],
                [Self.timeliness(row)],
            ])
        }
        let totals = self.totals
        rows.append(
            .emphasised([
                [""], ["Tổng cộng"], [String(totals.activities)], [String(totals.done)], [String(totals.inProgress)],
                [String(totals.overdue)], [VietnameseFormat.percent(totals.completionRate)], [String(totals.evidence)],
                ["\(totals.onTime)/\(self.rows.count)"],
            ]))
        return BlockTable(
            headers: [
                "STT", "Đơn vị", "Số nhiệm vụ", "Hoàn thành", "Đang thực hiện", "Quá hạn", "Tỷ lệ hoàn thành",
                "Số minh chứng", "Nộp đúng hạn",
            ], widths: [5, 31, 9, 9, 9, 8, 10, 9, 10],
            alignments: [.center, .left, .center, .center, .center, .center, .center, .center, .center], rows: rows)
    }

    /// The WordprocessingML document model.
    public func docxDocument() -> DocxDocument {
        var section = Nd30Composer.landscape([], firstPageUnnumbered: true)
        let width = section.textWidth
        var blocks: [DocxBlock] = [
            .paragraph(Nd30Style.centred("TỔNG HỢP KẾT QUẢ THÔNG TIN, TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH", bold: true)),
            .paragraph(
                Nd30Style.centred(
                    "\(period.label) (số liệu từ ngày \(VietnameseFormat.date(period.window.from)) đến ngày "
                        + "\(VietnameseFormat.date(period.window.to)); hạn báo cáo ngày \(VietnameseFormat.date(period.deadline)))",
                    italic: true)),
            .paragraph(.rule(width: .mm(45), centredIn: width, spacingAfter: .pt(12))),
            .table(Nd30Composer.table(table, width: width, size: .pt(12))),
        ]
        blocks.append(.paragraph(DocxParagraph(spacingAfter: .pt(6))))
        blocks += Nd30Composer.body(completeness.map { .paragraph([TextSpan($0)]) }, width: width)
        section.blocks = blocks
        return Nd30Composer.document(
            [section], title: "Tổng hợp báo cáo \(period.label)", subject: "cchc.aggregate/v1 \(period.id)")
    }

    /// "Đúng hạn", "Trễ hạn", or "Chưa nộp (dự thảo)" for a unit that sent only a draft.
    static func timeliness(_ row: Row) -> String {
        row.onTime.map { $0 ? "Đúng hạn" : "Trễ hạn" } ?? "Chưa nộp (dự thảo)"
    }

    /// Who has and has not reported, in sentences that agree with the table: a unit that sent only a
    /// draft has not submitted, and "every unit has submitted" is said only when it is true.
    public var completeness: [String] {
        let drafts = rows.filter { $0.onTime == nil }.map(\.unit)
        if missing.isEmpty && drafts.isEmpty {
            return ["Tất cả \(rows.count) đơn vị đã nộp báo cáo."]
        }
        var lines: [String] = []
        if !missing.isEmpty {
            let of = expectedUnits.isEmpty ? "" : "/\(expectedUnits.count)"
            lines.append("Đơn vị chưa báo cáo (\(missing.count)\(of)): " + missing.joined(separator: "; ") + ".")
        }
        if !drafts.isEmpty {
            lines.append(
                "Đơn vị mới gửi bản dự thảo, chưa nộp chính thức (\(drafts.count)): " + drafts.joined(separator: "; ") + ".")
        }
        return lines
    }

    /// The .docx bytes; the same summary always gives the same bytes.
    public func docxData() -> Data { docxDocument().docxData() }
}
