import PlanCore

/// The report as CSV: one row per activity, for spreadsheets. UTF-8 with a byte-order mark (so Excel
/// reads the diacritics), CRLF row ends, fields separated by "," (or ";" for Excel under Vietnamese
/// regional settings), RFC 4180 quoting (fields holding `"`, the separator, CR or LF are quoted
/// and `"` doubled; several results or evidence items in one cell are separated by LF).
///
/// A field starting with `=`, `+`, `@` or a tab, or with `-` not followed by a space, gets a leading `'`
/// so that spreadsheet programs do not run user-entered text as a formula (PlanCore's `CSVWriter`, shared
/// with the listings of `cchc-admin`).
extension Report {
    /// The CSV column headers, in order.
    public static let csvHeaders = [
        "STT", "Mã", "Nhóm", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Tình trạng", "Kết quả", "Số lượng",
        "Minh chứng", "Nhiệm vụ cấp trên",
    ]

    /// The CSV bytes.
    public func csvData(separator: CSVWriter.Separator = .comma) -> [UInt8] {
        Array(CSVWriter.bom) + Array(csvText(separator: separator).utf8)
    }

    /// The CSV text without the byte-order mark.
    public func csvText(separator: CSVWriter.Separator = .comma) -> String {
        var out = ""
        CSVWriter.row(Report.csvHeaders, separator: separator, into: &out)
        for (index, activity) in activities.enumerated() {
            CSVWriter.row(
                [
                    "\(index + 1)", activity.ref, activity.group ?? "", activity.title,
                    activity.lead.joined(separator: "; "), activity.coordinating.joined(separator: "; "),
                    VietnameseFormat.schedule(activity.schedule), StatusWording.text(activity),
                    activity.results.map(ResultText.line).joined(separator: "\n"),
                    ResultText.quantities(activity.results),
                    activity.results.flatMap { $0.evidence.map(ResultText.evidence) }.joined(separator: "\n"),
                    activity.parentRef ?? "",
                ], separator: separator, into: &out)
        }
        return out
    }
}
