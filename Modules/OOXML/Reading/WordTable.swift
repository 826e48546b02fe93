/// A table read from WordprocessingML.
public struct WordTable: Sendable, Equatable {
    /// Rows in order; each row lists its cells left to right as written (a cell spanning columns
    /// appears once with gridSpan > 1). Nested tables inside a cell are flattened into the cell's
    /// paragraphs (their text), in order. Rows deleted as tracked changes are left out.
    public var rows: [[WordCell]]

    public init(rows: [[WordCell]]) {
        self.rows = rows
    }
}

/// One cell of a `WordTable`.
public struct WordCell: Sendable, Equatable {
    public var paragraphs: [WordParagraph]
    /// w:gridSpan (1 when absent); legacy horizontal merges (w:hMerge) are folded into it.
    public var gridSpan: Int
    /// w:vMerge: .none, .restart (first cell of a vertical merge), .continuation (merged into above).
    public var verticalMerge: VerticalMerge

    /// Vertical merge state of a cell (w:vMerge).
    public enum VerticalMerge: Sendable, Equatable { case none, restart, continuation }

    public init(paragraphs: [WordParagraph], gridSpan: Int = 1, verticalMerge: VerticalMerge = .none) {
        self.paragraphs = paragraphs
        self.gridSpan = gridSpan
        self.verticalMerge = verticalMerge
    }

    /// The paragraphs' text joined with "\n".
    public var text: String { paragraphs.map(\.text).joined(separator: "\n") }
}
