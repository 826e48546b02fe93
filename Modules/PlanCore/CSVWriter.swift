/// RFC 4180 CSV for every CSV the tools write (reports and listings): fields holding `"`, `,`, CR or LF
/// are quoted with `"` doubled; a field a spreadsheet would run as a formula (starting with `=`, `+`, `@`
/// or a tab, or with `-` not followed by a space) gets a leading `'`; control characters other than tab
/// and line breaks are written visibly (`\u001B`).
public enum CSVWriter {
    /// The character between fields. Excel takes the list separator of the computer's regional settings:
    /// "," in English, ";" under Vietnamese settings, where a comma-separated file opens as one column.
    public enum Separator: String, CaseIterable, Sendable {
        case comma = ","
        case semicolon = ";"

        var byte: UInt8 { self == .comma ? 0x2C : 0x3B }
    }

    /// The UTF-8 byte-order mark, so that Excel reads the diacritics.
    public static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Appends one row and its CRLF end.
    public static func row(_ fields: [String], separator: Separator = .comma, into out: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out += separator.rawValue }
            out += quoted(defused(ControlCharacters.escaped(field)), separator: separator)
        }
        out += "\r\n"
    }

    static func quoted(_ field: String, separator: Separator = .comma) -> String {
        // Byte scans: the special characters are ASCII, and UTF-8 never reuses ASCII bytes.
        let split = separator.byte
        guard field.utf8.contains(where: { $0 == 0x22 || $0 == split || $0 == 0x0A || $0 == 0x0D }) else {
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
