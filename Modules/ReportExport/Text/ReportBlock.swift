/// A piece of report body text, independent of the output format: the docx and Markdown renderers both
/// draw the same blocks, so their sections and sentences cannot drift apart.
enum ReportBlock: Hashable, Sendable {
    /// "I. KẾT QUẢ THỰC HIỆN" (level 1), "1. Tình hình chung" (level 2), "1.1. <activity>" (level 3).
    case heading(String, level: Int)
    /// A body paragraph (justified, first-line indent in Word).
    case paragraph([TextSpan])
    /// A line of a list: "- " at level 1, "+ " at level 2; the marker is part of the text.
    case item([TextSpan], level: Int)
    /// A small bordered table.
    case table(BlockTable)

    static func paragraph(_ text: String) -> ReportBlock { .paragraph([TextSpan(text)]) }
    static func item(_ text: String, level: Int = 1) -> ReportBlock { .item([TextSpan(text)], level: level) }
}

/// A run of text with its emphasis.
struct TextSpan: Hashable, Sendable {
    var text: String
    var bold = false
    var italic = false

    init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
    }
}

/// A table of a report body or annex: header cells, relative column widths, rows of multi-line cells,
/// and optional group rows spanning every column.
struct BlockTable: Hashable, Sendable {
    enum Row: Hashable, Sendable {
        /// One cell per column; each cell holds lines (separate paragraphs in Word).
        case cells([[String]])
        /// A row in bold, such as a "Tổng cộng" line.
        case emphasised([[String]])
        /// A group heading spanning the table ("I" + "Nhóm nhiệm vụ …"): label in the first column, text across the rest.
        case group(label: String, text: String)
    }

    enum Alignment: Hashable, Sendable { case left, center, right }

    var headers: [String]
    /// Relative widths (any unit); renderers scale them to the page.
    var widths: [Int]
    var alignments: [Alignment]
    var rows: [Row]
}
