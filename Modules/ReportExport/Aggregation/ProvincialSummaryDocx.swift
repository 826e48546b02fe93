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

    /// The roll-up as Sở Nội vụ issues it, in the Nghị định 30/2020 layout of a Sở report: the header
    /// (UBND tỉnh / Sở Nội vụ, "Số: …/BC-SNV", place and date), "BÁO CÁO" and its trích yếu, who reported
    /// and the figures summed across departments, Nơi nhận and the signature; then the landscape Phụ lục
    /// with the table of departments.
    public func docxDocument(issuer: Issuer? = nil) -> DocxDocument {
        let issuer = issuer ?? defaultIssuer
        var first = Nd30Composer.portrait([])
        let width = first.textWidth
        let header = ReportHeader(
            parent: issuer.parent, issuer: issuer.name, code: issuer.code, place: issuer.place, date: issuer.date,
            year: issuer.date?.year ?? period.deadline.year)
        var blocks = Nd30Composer.header(header, marking: nil, width: width)
        blocks += Nd30Composer.title(type: "BÁO CÁO", title: title, width: width)
        blocks += Nd30Composer.body(narrative(issuer), width: width)
        Nd30Composer.keepWithNext(&blocks)
        blocks += Nd30Composer.signature(distribution: issuer.distribution, signer: issuer.signer, width: width)
        first.blocks = blocks
        let date = issuer.date.map { " ngày " + VietnameseFormat.date($0) } ?? ""
        let annex = Nd30Composer.annex(
            heading: "Phụ lục",
            title: "KẾT QUẢ THÔNG TIN, TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH CỦA CÁC ĐƠN VỊ " + VietnameseFormat.upper(period.label),
            attachment: "(Kèm theo Báo cáo số \(issuer.code)\(date) của \(issuer.name))", table: table)
        return Nd30Composer.document([first, annex], properties: properties(issuer))
    }

    /// The trích yếu: "Tổng hợp kết quả thông tin, tuyên truyền cải cách hành chính của các sở, ban, ngành
    /// Quý II năm 2024".
    public var title: String {
        "Tổng hợp kết quả thông tin, tuyên truyền cải cách hành chính của các sở, ban, ngành \(periodInSentence)"
    }

    /// The period as a sentence names it: "Quý II năm 2024", "6 tháng đầu năm 2024", "năm 2024".
    var periodInSentence: String {
        period.label.hasPrefix("Năm ") ? "năm" + period.label.dropFirst(3) : period.label
    }

    /// The body: the căn cứ, who reported (in sentences that agree with the table), the figures summed
    /// across departments (a rate only when there are activities), and the closing "./." sentence.
    func narrative(_ issuer: Issuer) -> [ReportBlock] {
        let from = VietnameseFormat.date(period.window.from)
        let to = VietnameseFormat.date(period.window.to)
        var blocks: [ReportBlock] = [
            .paragraph(
                "Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, trên cơ sở báo cáo của các "
                    + "sở, ban, ngành, \(issuer.name) tổng hợp kết quả thực hiện công tác thông tin, tuyên truyền cải "
                    + "cách hành chính \(periodInSentence) (số liệu từ ngày \(from) đến "
                    + "ngày \(to)) như sau:"),
            .heading("I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ", level: 1),
        ]
        let submitted = rows.filter { $0.onTime != nil }.count
        let expected = expectedUnits.isEmpty ? rows.count : max(expectedUnits.count, rows.count)
        let deadline = VietnameseFormat.date(period.deadline)
        var timeliness = ""
        if submitted > 0 {
            let onTime = totals.onTime
            timeliness =
                submitted == 1
                ? (onTime == 1 ? " (đúng hạn ngày \(deadline))" : " (sau hạn ngày \(deadline))")
                : onTime == submitted ? ", tất cả đúng hạn (ngày \(deadline))"
                : onTime == 0
                    ? ", không đơn vị nào nộp đúng hạn (ngày \(deadline))"
                    : ", trong đó \(onTime) đơn vị nộp đúng hạn (ngày \(deadline))"
        }
        let all = completeness.first { $0.hasPrefix("Tất cả") }
        if let all {
            blocks.append(.paragraph(VietnameseFormat.withoutFinalStop(all) + timeliness + "."))
        } else {
            blocks.append(.paragraph("Có \(submitted)/\(expected) đơn vị nộp báo cáo\(timeliness)."))
            blocks += completeness.map { .item("- " + $0) }
        }
        blocks.append(.heading("II. KẾT QUẢ THỰC HIỆN", level: 1))
        let totals = self.totals
        var figures: String
        if totals.activities == 0 {
            figures = "Các báo cáo nhận được không có nhiệm vụ thuộc kỳ báo cáo."
        } else {
            // Only the statuses some activity has: "hoàn thành 0" says nothing.
            let counts = [
                (totals.done, "hoàn thành"), (totals.inProgress, "đang thực hiện"), (totals.notStarted, "chưa thực hiện"),
                (totals.overdue, "quá hạn"), (totals.cancelled, "không thực hiện"),
            ].filter { $0.0 > 0 }
            figures = "Các đơn vị triển khai \(totals.activities) nhiệm vụ thuộc kỳ báo cáo"
            if counts.count == 1, let only = counts.first {
                figures += ", cả \(only.0) nhiệm vụ đều \(only.1)"
            } else {
                figures += ": " + counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
            }
            if totals.done > 0 && counts.count > 1 {
                figures += "; tỷ lệ hoàn thành đạt \(VietnameseFormat.percent(totals.completionRate))"
            }
            if totals.progressEntries == 0 {
                figures += "; chưa có kết quả nào được ghi nhận"
            } else {
                figures += "; \(totals.progressEntries) lượt kết quả được ghi nhận"
                if totals.evidence > 0 { figures += ", \(totals.evidence) minh chứng" }
            }
            figures += ". Chi tiết từng đơn vị tại Phụ lục kèm theo."
        }
        blocks.append(.paragraph(figures))
        blocks.append(
            .paragraph(
                "Trên đây là báo cáo \(VietnameseFormat.lowercasedFirst(title)) của \(issuer.name)./."))
        return blocks
    }

    /// The NĐ 30 e-document fields, as the Sở report's (DocumentMetadata).
    func properties(_ issuer: Issuer) -> DocxProperties {
        let code = VietnameseFormat.trimmed(issuer.code)
        let custom: [DocxProperties.Custom] = [
            .init("Cơ quan ban hành", issuer.name), .init("Cơ quan chủ quản", issuer.parent ?? ""),
            .init("Loại văn bản", "Báo cáo"), .init("Số và ký hiệu", code),
            .init("Ngày ban hành", issuer.date.map(VietnameseFormat.date) ?? ""), .init("Trích yếu", title),
            .init("Kỳ báo cáo", period.label), .init("Quyền hạn ký", issuer.signer.capacity ?? ""),
            .init("Chức vụ người ký", issuer.signer.title ?? ""), .init("Người ký", issuer.signer.name ?? ""),
            .init("Nơi nhận", issuer.distribution.joined(separator: "; ")),
            .init("Định dạng dữ liệu", "\(Self.format) \(period.id)"),
        ]
        let stamp = issuer.date.map { $0.iso + "T00:00:00Z" }
        return DocxProperties(
            title: title, subject: "Báo cáo số \(code)", creator: issuer.name, keywords: "Báo cáo; \(code); \(period.label)",
            description: "\(issuer.name), Báo cáo số \(code)" + (issuer.date.map { " ngày " + VietnameseFormat.date($0) } ?? ""),
            created: stamp, modified: stamp, custom: custom.filter { !$0.value.isEmpty })
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

    /// The .docx bytes; the same summary and issuer always give the same bytes.
    public func docxData(issuer: Issuer? = nil) -> Data { docxDocument(issuer: issuer).docxData() }
}
