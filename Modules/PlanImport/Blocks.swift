/// Where a block came from, for warnings: a text line, a Word paragraph, or a table row.
enum SourceLocation: Hashable, Sendable {
    /// Line of a text file (1-based).
    case line(Int)
    /// Paragraph of a Word document body (1-based, tables not counted).
    case paragraph(Int)
    /// Row of a table (both 1-based; tables counted in document order).
    case tableRow(table: Int, row: Int)

    /// As shown to a user: "dòng 112", "đoạn 40", "bảng 2, hàng 3".
    var text: String {
        switch self {
        case .line(let line): return "dòng \(line)"
        case .paragraph(let paragraph): return "đoạn \(paragraph)"
        case .tableRow(let table, let row): return "bảng \(table), hàng \(row)"
        }
    }
}

/// A paragraph of the neutral block model: one line of a text file or one Word paragraph.
struct Paragraph: Hashable, Sendable {
    /// The text, NFC, white space collapsed, Markdown marks removed; the auto-numbering label restored
    /// in front ("I. MỤC ĐÍCH"), as it would print.
    var text: String
    /// Column pieces when the source laid two columns side by side on one line (tabs or wide gaps);
    /// a single element otherwise.
    var columns: [String]
    var location: SourceLocation
    /// Whole paragraph bold / centred (Word only; false for text).
    var isBold: Bool = false
    var isCentered: Bool = false
    /// The paragraph came from a table used for layout (the header or the signature table).
    var inLayoutTable: Bool = false
}

/// A table cell: its lines, how many grid columns it spans and whether it continues a vertical merge.
struct TableCell: Hashable, Sendable {
    var lines: [String]
    var span: Int = 1
    var continuesMerge: Bool = false

    /// The lines joined by a space.
    var text: String { lines.joined(separator: " ") }
}

/// A table row and where it is.
struct TableRow: Hashable, Sendable {
    var cells: [TableCell]
    var location: SourceLocation
}

/// A table: rows of cells.
struct Table: Hashable, Sendable {
    var rows: [TableRow]
}

/// One block of a document in reading order.
enum Block: Hashable, Sendable {
    case paragraph(Paragraph)
    case table(Table)

    var paragraph: Paragraph? {
        if case .paragraph(let paragraph) = self { return paragraph }
        return nil
    }
}
