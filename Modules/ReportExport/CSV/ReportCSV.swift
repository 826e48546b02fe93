/// The report as CSV: one row per activity, for spreadsheets. UTF-8 with a byte-order mark (so Excel
/// reads the diacritics), CRLF row ends, RFC 4180 quoting (fields holding `"`, `,`, CR or LF are quoted
/// and `"` doubled; several results or evidence items in one cell are separated by LF).
///
/// A field starting with `=`, `+`, `@` or a tab, or with `-` not followed by a space, gets a leading `'`
/// so that spreadsheet programs do not run user-entered text as a formula.
extension Report {
    /// The CSV column headers, in order.
    public static let csvHeaders = [
        "STT", "Mã", "Nhóm", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Tình trạng", "Kết quả", "Số lượng",
        "Minh chứng", "Nhiệm vụ cấp trên",
    ]

    /// The CSV bytes.
    public func csvData() -> [UInt8] { Array(CSVWriter.bom) + Array(csvText().utf8) }

    /// The CSV text without the byte-order mark.
    public func csvText() -> String {
        var out = ""
        CSVWriter.row(Report.csvHeaders, into: &out)
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
                ], into: &out)
        }
        return out
    }
}

/// RFC 4180 field and row writing.
enum CSVWriter {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func row(_ fields: [String], into out: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out += "," }
            out += quoted(defused(field))
        }
        out += "\r\n"
    }

    static func quoted(_ field: String) -> String {
        // Byte scans: the special characters are ASCII, and UTF-8 never reuses ASCII bytes.
        guard field.utf8.contains(where: { $0 == 0x22 || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) else {
            return field
        }
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(field.utf8.count + 8)
        for byte in field.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A leading `'` before text a spreadsheet would read as a formula.
    static func defused(_ field: String) -> String {
        var bytes = field.utf8.makeIterator()
        guard let first = bytes.next() else { return field }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 0x09: return "'" + field
        case UInt8(ascii: "-"):
            guard let second = bytes.next(), second != UInt8(ascii: " ") else { return field }
            return "'" + field
        default: return field
        }
    }
}
