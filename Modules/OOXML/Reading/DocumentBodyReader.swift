/// Streams word/document.xml into blocks: paragraphs (text, numbering, style hints) and tables.
///
/// Unknown wrappers (w:sdt/w:sdtContent, w:customXml, w:smartTag, w:hyperlink, w:ins, w:moveTo,
/// w:fldSimple, w:dir, w:bdo…) are transparent: their content is read as if it stood in place.
/// Property elements ("…Pr"), deleted content (w:del, w:moveFrom), drawings and text boxes are skipped.
struct DocumentBodyReader {
    private var parser: XMLPullParser
    private var styles: StyleResolver
    private var numbering: NumberingCounters
    /// Open complex fields (w:fldChar): true while in the field code, false once in the result.
    private var fields: [Bool] = []

    init(parser: XMLPullParser, styles: StyleSheet, numbering: NumberingDefinitions) {
        self.parser = parser
        self.styles = StyleResolver(styles: styles)
        self.numbering = NumberingCounters(definitions: numbering, styles: styles)
    }

    /// Reads the body's blocks in document order.
    mutating func readBody() throws(OOXMLError) -> [WordBlock] {
        var blocks: [WordBlock] = []
        while true {
            switch try parser.next() {
            case .start(let tag) where tag.name == "w:body":
                try readBlocks(into: &blocks)
            case .start, .end, .text:
                continue
            case .endOfDocument:
                return blocks
            }
        }
    }

    // MARK: - Blocks

    /// Reads block-level content until the end of the current element.
    private mutating func readBlocks(into blocks: inout [WordBlock]) throws(OOXMLError) {
        while true {
            switch try parser.next() {
            case .start(let tag):
                switch tag.name {
                case "w:p": blocks.append(.paragraph(try readParagraph()))
                case "w:tbl": blocks.append(.table(try readTable()))
                case "mc:AlternateContent": try readAlternateContent { reader throws(OOXMLError) in try reader.readBlocks(into: &blocks) }
                default:
                    if Self.isSkipped(tag.name) { try parser.skipElement() } else { try readBlocks(into: &blocks) }
                }
            case .end, .endOfDocument:
                return
            case .text:
                continue
            }
        }
    }

    /// Reads the first mc:Choice of an mc:AlternateContent with `body`, skipping the other branches.
    private mutating func readAlternateContent(
        _ body: (inout DocumentBodyReader) throws(OOXMLError) -> Void
    ) throws(OOXMLError) {
        var taken = false
        while true {
            switch try parser.next() {
            case .start(let tag):
                if !taken && (tag.name == "mc:Choice" || tag.name == "mc:Fallback") {
                    taken = true
                    try body(&self)
                } else {
                    try parser.skipElement()
                }
            case .end, .endOfDocument:
                return
            case .text:
                continue
            }
        }
    }

    private static func isSkipped(_ name: String) -> Bool {
        name.hasSuffix("Pr") || name == "w:del" || name == "w:moveFrom" || name == "w:tblGrid"
            || name == "w:drawing" || name == "w:pict" || name == "w:object" || name == "w:txbxContent"
            || name == "w:footnoteReference" || name == "w:endnoteReference" || name == "w:commentReference"
            || name == "w:fldData" || name == "w:rt"
    }

    // MARK: - Tables

    private mutating func readTable() throws(OOXMLError) -> WordTable {
        var rows: [[WordCell]] = []
        try readTableContent(into: &rows)
        return WordTable(rows: rows)
    }

    /// Reads rows of a table (through transparent wrappers such as row-level w:sdt).
    private mutating func readTableContent(into rows: inout [[WordCell]]) throws(OOXMLError) {
        while true {
            switch try parser.next() {
            case .start(let tag):
                if tag.name == "w:tr" {
                    if let row = try readRow() { rows.append(row) }
                } else if Self.isSkipped(tag.name) {
                    try parser.skipElement()
                } else {
                    try readTableContent(into: &rows)
                }
            case .end, .endOfDocument:
                return
            case .text:
                continue
            }
        }
    }

    /// Reads one row; nil when the row is deleted as a tracked change (w:trPr/w:del).
    private mutating func readRow() throws(OOXMLError) -> [WordCell]? {
        var cells: [WordCell] = []
        var deleted = false
        try readRowContent(into: &cells, deleted: &deleted)
        return deleted ? nil : cells
    }

    private mutating func readRowContent(into cells: inout [WordCell], deleted: inout Bool) throws(OOXMLError) {
        while true {
            switch try parser.next() {
            case .start(let tag):
                switch tag.name {
                case "w:tc":
                    let (cell, continuesLeft) = try readCell()
                    if continuesLeft, !cells.isEmpty {
                        cells[cells.count - 1].gridSpan += cell.gridSpan
                        cells[cells.count - 1].paragraphs += cell.paragraphs.filter { !$0.text.isEmpty }
                    } else {
                        cells.append(cell)
                    }
                case "w:trPr":
                    deleted = try readRowProperties() || deleted
                default:
                    if Self.isSkipped(tag.name) {
                        try parser.skipElement()
                    } else {
                        try readRowContent(into: &cells, deleted: &deleted)
                    }
                }
            case .end, .endOfDocument:
                return
            case .text:
                continue
            }
        }
    }

    /// Reads w:trPr; true when it marks the row as deleted.
    private mutating func readRowProperties() throws(OOXMLError) -> Bool {
        var deleted = false
        while true {
            switch try parser.next() {
            case .start(let tag):
                if tag.name == "w:del" { deleted = true }
                try parser.skipElement()
            case .end, .endOfDocument:
                return deleted
            case .text:
                continue
            }
        }
    }

    /// Reads one cell; the flag is true for a legacy horizontal-merge continuation (w:hMerge).
    private mutating func readCell() throws(OOXMLError) -> (WordCell, Bool) {
        var cell = WordCell(paragraphs: [])
        var continuesLeft = false
        var blocks: [WordBlock] = []
        while true {
            switch try parser.next() {
            case .start(let tag):
                switch tag.name {
                case "w:tcPr":
                    try readCellProperties(&cell, continuesLeft: &continuesLeft)
                case "w:p":
                    blocks.append(.paragraph(try readParagraph()))
                case "w:tbl":
                    blocks.append(.table(try readTable()))
                default:
                    if Self.isSkipped(tag.name) { try parser.skipElement() } else { try readBlocks(into: &blocks) }
                }
            case .end, .endOfDocument:
                cell.paragraphs = Self.flatten(blocks)
                return (cell, continuesLeft)
            case .text:
                continue
            }
        }
    }

    private mutating func readCellProperties(_ cell: inout WordCell, continuesLeft: inout Bool) throws(OOXMLError) {
        while true {
            switch try parser.next() {
            case .start(let tag):
                switch tag.name {
                case "w:gridSpan":
                    cell.gridSpan = max(1, min(tag["w:val"].flatMap { Int($0) } ?? 1, 64))
                case "w:vMerge":
                    cell.verticalMerge = tag["w:val"] == "restart" ? .restart : .continuation
                case "w:hMerge":
                    continuesLeft = tag["w:val"] != "restart"
                default:
                    break
                }
                try parser.skipElement()
            case .end, .endOfDocument:
                return
            case .text:
                continue
            }
        }
    }

    /// Nested tables become the paragraphs of their cells, row by row, cell by cell.
    private static func flatten(_ blocks: [WordBlock]) -> [WordParagraph] {
        var paragraphs: [WordParagraph] = []
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                paragraphs.append(paragraph)
            case .table(let table):
                for row in table.rows { for cell in row { paragraphs += cell.paragraphs } }
            }
        }
        return paragraphs
    }

    // MARK: - Paragraphs

    private mutating func readParagraph() throws(OOXMLError) -> WordParagraph {
        var state = ParagraphState()
        try readInline(&state)
        return resolve(state)
    }

    /// Reads paragraph content until the end of the current element.
    private mutating func readInline(_ state: inout ParagraphState) throws(OOXMLError) {
        while true {
            switch try parser.next() {
            case .start(let tag):
                switch tag.name {
                case "w:pPr": try readParagraphProperties(&state.properties)
                case "w:r", "m:r": try readRun(&state)
                case "mc:AlternateContent": try readAlternateContent { reader throws(OOXMLError) in try reader.readInline(&state) }
                default:
                    if Self.isSkipped(tag.name) { try parser.skipElement() } else { try readInline(&state) }
                }
            case .end, .endOfDocument:
                return
            case .text:
                continue
            }
        }
    }

    private mutating func readParagraphProperties(_ properties: inout ParagraphProperties) throws(OOXMLError) {
        while true {
            switch try parser.next() {
            case .start(let tag):
                if tag.name == "w:numPr" {
                    try readNumberingProperties(&properties)
                } else {
                    properties.apply(tag)
                    try parser.skipElement()
                }
            case .end, .endOfDocument:
                return
            case .text:
                continue
            }
        }
    }

    private mutating func readNumberingProperties(_ properties: inout ParagraphProperties) throws(OOXMLError) {
        while true {
            switch try parser.next() {
            case .start(let tag):
                properties.applyNumbering(tag)
                try parser.skipElement()
            case .end, .endOfDocument:
                return
            case .text:
                continue
            }
        }
    }

    // MARK: - Runs

    private mutating func readRun(_ state: inout ParagraphState) throws(OOXMLError) {
        var properties = RunProperties()
        var text = ""
        while true {
            switch try parser.next() {
            case .start(let tag):
                switch tag.name {
                case "w:rPr":
                    try readRunProperties(&properties)
                case "w:t", "m:t":
                    let content = try readText()
                    if !inFieldCode { text += content }
                case "w:tab", "w:ptab":
                    if !inFieldCode { text += "\t" }
                    try parser.skipElement()
                case "w:br":
                    if tag["w:type"] == "page" {
                        if !inFieldCode { state.pageBreak = true }
                    } else if !inFieldCode {
                        text += "\n"
                    }
                    try parser.skipElement()
                case "w:cr":
                    if !inFieldCode { text += "\n" }
                    try parser.skipElement()
                case "w:noBreakHyphen":
                    if !inFieldCode { text += "-" }
                    try parser.skipElement()
                case "w:fldChar":
                    switch tag["w:fldCharType"] {
                    case "begin": fields.append(true)
                    case "separate": if !fields.isEmpty { fields[fields.count - 1] = false }
                    case "end": if !fields.isEmpty { fields.removeLast() }
                    default: break
                    }
                    try parser.skipElement()
                default:
                    // w:instrText, w:delText, w:sym, w:softHyphen, drawings, footnote marks, …
                    try parser.skipElement()
                }
            case .end, .endOfDocument:
                if !text.isEmpty {
                    let inherited = styles.run(characterStyle: properties.styleID, paragraphStyle: state.properties.styleID)
                    state.append(text, properties: properties, inherited: inherited)
                }
                return
            case .text:
                continue
            }
        }
    }

    private var inFieldCode: Bool { fields.contains(true) }

    private mutating func readRunProperties(_ properties: inout RunProperties) throws(OOXMLError) {
        while true {
            switch try parser.next() {
            case .start(let tag):
                properties.apply(tag)
                try parser.skipElement()
            case .end, .endOfDocument:
                return
            case .text:
                continue
            }
        }
    }

    /// The character data of a w:t (nested markup, which Word never writes, is skipped).
    private mutating func readText() throws(OOXMLError) -> String {
        var text = ""
        while true {
            switch try parser.next() {
            case .text(let content): text += content
            case .start: try parser.skipElement()
            case .end, .endOfDocument: return text
            }
        }
    }

    // MARK: - Resolution

    private mutating func resolve(_ state: ParagraphState) -> WordParagraph {
        let direct = state.properties
        let styleID = direct.styleID
        let inherited = styles.paragraph(style: styleID)
        var paragraph = WordParagraph(text: state.text)
        paragraph.styleID = styleID
        if let level = direct.outlineLevel {
            paragraph.outlineLevel = (0...8).contains(level) ? level : nil
        } else {
            paragraph.outlineLevel = inherited.outlineLevel
        }
        paragraph.alignment = direct.alignment ?? inherited.alignment
        paragraph.pageBreakBefore = state.pageBreak || (direct.pageBreakBefore ?? inherited.pageBreakBefore)
        paragraph.isBold = state.visibleRuns > 0 && state.boldRuns == state.visibleRuns
        paragraph.isItalic = state.visibleRuns > 0 && state.italicRuns == state.visibleRuns

        if let numberingID = direct.numberingID ?? inherited.numberingID {
            let level = direct.numberingLevel ?? inherited.numberingLevel
            if let (label, resolvedLevel) = numbering.advance(
                numberingID: numberingID, level: level, styleID: styleID ?? styles.styles.defaultParagraphStyleID)
            {
                paragraph.numberingLabel = label
                paragraph.numberingLevel = resolvedLevel
            }
        }
        return paragraph
    }
}

/// What a paragraph accumulates while its runs are read.
struct ParagraphState {
    var properties = ParagraphProperties()
    var text = ""
    var pageBreak = false
    var visibleRuns = 0
    var boldRuns = 0
    var italicRuns = 0

    /// Adds a run's text with its effective formatting (hidden runs are dropped, caps upper-cased).
    mutating func append(_ runText: String, properties run: RunProperties, inherited: StyleResolver.RunFormatting) {
        if run.hidden ?? inherited.hidden { return }
        text += (run.caps ?? inherited.caps) ? runText.uppercased() : runText
        if runText.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            visibleRuns += 1
            if run.bold ?? inherited.bold { boldRuns += 1 }
            if run.italic ?? inherited.italic { italicRuns += 1 }
        }
    }
}
