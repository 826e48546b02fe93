/// A table cell: its paragraphs (at least one is written), span, merge and look.
public struct DocxTableCell: Sendable, Hashable {
    /// Vertical merge state (w:vMerge).
    public enum VerticalMerge: Sendable, Hashable { case none, restart, continuation }
    /// Vertical alignment of the content (w:vAlign).
    public enum VerticalAlignment: String, Sendable, Hashable { case top, center, bottom }

    public var paragraphs: [DocxParagraph]
    public var gridSpan: Int
    public var verticalMerge: VerticalMerge
    public var verticalAlignment: VerticalAlignment?
    /// Background fill as hex RGB ("D9D9D9"), or nil.
    public var shading: String?

    public init(
        _ paragraphs: [DocxParagraph], gridSpan: Int = 1, verticalMerge: VerticalMerge = .none,
        verticalAlignment: VerticalAlignment? = nil, shading: String? = nil
    ) {
        self.paragraphs = paragraphs
        self.gridSpan = gridSpan
        self.verticalMerge = verticalMerge
        self.verticalAlignment = verticalAlignment
        self.shading = shading
    }

    /// A cell with one paragraph of text.
    public init(
        text: String, format: DocxRunFormat = DocxRunFormat(), alignment: DocxAlignment? = nil, gridSpan: Int = 1,
        verticalAlignment: VerticalAlignment? = nil
    ) {
        self.init(
            [DocxParagraph(text: text, format: format, alignment: alignment)], gridSpan: gridSpan,
            verticalAlignment: verticalAlignment)
    }
}

/// A table row.
public struct DocxTableRow: Sendable, Hashable {
    public var cells: [DocxTableCell]
    /// Repeat this row at the top of every page (w:tblHeader); only leading rows may be headers.
    public var isHeader: Bool
    /// Keep the row on one page (w:cantSplit).
    public var cantSplit: Bool
    /// Minimum row height, or nil for automatic.
    public var minimumHeight: DocxLength?

    public init(_ cells: [DocxTableCell], isHeader: Bool = false, cantSplit: Bool = false, minimumHeight: DocxLength? = nil) {
        self.cells = cells
        self.isHeader = isHeader
        self.cantSplit = cantSplit
        self.minimumHeight = minimumHeight
    }
}

/// A table with fixed column widths.
public struct DocxTable: Sendable, Hashable {
    public var columnWidths: [DocxLength]
    public var rows: [DocxTableRow]
    /// Border used for the outside and inside lines; nil for a borderless table.
    public var border: DocxBorder?
    public var alignment: DocxAlignment
    /// Left/right cell padding (Word's default is 108 twips, 1.9 mm).
    public var cellPadding: DocxLength

    public init(
        columnWidths: [DocxLength], rows: [DocxTableRow], border: DocxBorder? = DocxBorder(width: 4, space: 0),
        alignment: DocxAlignment = .center, cellPadding: DocxLength = .twips(108)
    ) {
        self.columnWidths = columnWidths
        self.rows = rows
        self.border = border
        self.alignment = alignment
        self.cellPadding = cellPadding
    }

    /// The sum of the column widths.
    public var width: DocxLength { DocxLength(twips: columnWidths.reduce(0) { $0 + $1.twips }) }
}
