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
                [row.onTime.map { $0 ? "Đúng hạn" : "Trễ hạn" } ?? "Chưa nộp"],
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
        let missingText =
            missing.isEmpty
            ? "Tất cả các đơn vị đã gửi báo cáo."
            : "Đơn vị chưa báo cáo (\(missing.count)/\(expectedUnits.count)): " + missing.joined(separator: "; ") + "."
        blocks.append(.paragraph(DocxParagraph(spacingAfter: .pt(6))))
        blocks += Nd30Composer.body([.paragraph([TextSpan(missingText)])], width: width)
        section.blocks = blocks
        return Nd30Composer.document(
            [section], title: "Tổng hợp báo cáo \(period.label)", subject: "cchc.aggregate/v1 \(period.id)")
    }

    /// The .docx bytes; the same summary always gives the same bytes.
    public func docxData() -> Data { docxDocument().docxData() }
}
