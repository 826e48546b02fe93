/// Serialises paragraphs, runs and tables to WordprocessingML, element order as the schema requires.
/// External hyperlinks are collected so the package writer can add their relationships.
struct WordprocessingWriter {
    var output: XMLOutput
    /// Hyperlink targets in order of first use; the relationship id of link n is `hyperlinkIDPrefix` + n.
    private(set) var hyperlinks: [String] = []
    private var hyperlinkIndex: [String: Int] = [:]
    private let hyperlinkIDPrefix: String
    /// Whether hyperlinks may be written (headers have no relationships of their own here).
    private let allowsHyperlinks: Bool
    /// `runProperties(_:)` memoised for the last format (table cells usually share one).
    private var lastFormat: DocxRunFormat?
    private var lastProperties = ""

    init(capacity: Int, hyperlinkIDPrefix: String = "rIdLink", allowsHyperlinks: Bool = true) {
        output = XMLOutput(capacity: capacity)
        self.hyperlinkIDPrefix = hyperlinkIDPrefix
        self.allowsHyperlinks = allowsHyperlinks
    }

    // MARK: - Blocks

    mutating func block(_ block: DocxBlock) {
        switch block {
        case .paragraph(let paragraph): self.paragraph(paragraph)
        case .table(let table): self.table(table)
        }
    }

    /// Writes a paragraph; `sectionProperties` (a whole <w:sectPr>) ends a section at this paragraph.
    mutating func paragraph(_ paragraph: DocxParagraph, sectionProperties: String? = nil) {
        output.raw("<w:p>")
        paragraphProperties(paragraph, sectionProperties: sectionProperties)
        for run in paragraph.runs {
            let format = Self.merged(paragraph.runFormat, run.format)
            if let link = run.link, allowsHyperlinks {
                output.raw("<w:hyperlink r:id=\"")
                output.raw(hyperlinkID(link))
                output.raw("\" w:history=\"1\">")
                self.run(run.content, format: format)
                output.raw("</w:hyperlink>")
            } else {
                self.run(run.content, format: format)
            }
        }
        output.raw("</w:p>")
    }

    private mutating func paragraphProperties(_ paragraph: DocxParagraph, sectionProperties: String?) {
        let markFormat = runProperties(paragraph.runFormat)
        let hasProperties =
            paragraph.keepNext || paragraph.keepLines || paragraph.pageBreakBefore || paragraph.bottomBorder != nil
            || paragraph.spacingBefore != nil || paragraph.spacingAfter != nil || paragraph.lineSpacing != nil
            || paragraph.leftIndent != nil || paragraph.rightIndent != nil || paragraph.firstLineIndent != nil
            || paragraph.alignment != nil || paragraph.outlineLevel != nil || !markFormat.isEmpty
            || sectionProperties != nil
        guard hasProperties else { return }
        output.raw("<w:pPr>")
        if paragraph.keepNext { output.raw("<w:keepNext/>") }
        if paragraph.keepLines { output.raw("<w:keepLines/>") }
        if paragraph.pageBreakBefore { output.raw("<w:pageBreakBefore/>") }
        if let border = paragraph.bottomBorder { output.raw("<w:pBdr>\(Self.border("bottom", border))</w:pBdr>") }
        if paragraph.spacingBefore != nil || paragraph.spacingAfter != nil || paragraph.lineSpacing != nil {
            output.raw("<w:spacing")
            if let before = paragraph.spacingBefore { twips(" w:before=\"", before) }
            if let after = paragraph.spacingAfter { twips(" w:after=\"", after) }
            switch paragraph.lineSpacing {
            case .multiple(let factor)?:
                output.raw(" w:line=\"\(Int((factor * 240).rounded()))\" w:lineRule=\"auto\"")
            case .exactly(let height)?: output.raw(" w:line=\"\(height.twips)\" w:lineRule=\"exact\"")
            case .atLeast(let height)?: output.raw(" w:line=\"\(height.twips)\" w:lineRule=\"atLeast\"")
            case nil: break
            }
            output.raw("/>")
        }
        if paragraph.leftIndent != nil || paragraph.rightIndent != nil || paragraph.firstLineIndent != nil {
            output.raw("<w:ind")
            if let left = paragraph.leftIndent { output.raw(" w:left=\"\(left.twips)\"") }
            if let right = paragraph.rightIndent { output.raw(" w:right=\"\(right.twips)\"") }
            if let first = paragraph.firstLineIndent {
                output.raw(first.twips >= 0 ? " w:firstLine=\"\(first.twips)\"" : " w:hanging=\"\(-first.twips)\"")
            }
            output.raw("/>")
        }
        if let alignment = paragraph.alignment {
            output.raw("<w:jc w:val=\"")
            output.raw(alignment.rawValue)
            output.raw("\"/>")
        }
        if let level = paragraph.outlineLevel { output.raw("<w:outlineLvl w:val=\"\(min(max(level, 0), 9))\"/>") }
        output.raw(markFormat)
        if let sectionProperties { output.raw(sectionProperties) }
        output.raw("</w:pPr>")
    }

    // MARK: - Runs

    private mutating func run(_ content: DocxRun.Content, format: DocxRunFormat) {
        let properties = runProperties(format)
        switch content {
        case .text(let text):
            output.raw("<w:r>")
            output.raw(properties)
            if !text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                var whole = text
                flush(&whole)
                output.raw("</w:r>")
                return
            }
            var segment = ""
            var previousWasCarriageReturn = false
            for character in text.unicodeScalars {
                switch character {
                case "\t":
                    flush(&segment)
                    output.raw("<w:tab/>")
                case "\n":
                    flush(&segment)
                    if !previousWasCarriageReturn { output.raw("<w:br/>") }
                case "\r":
                    flush(&segment)
                    output.raw("<w:br/>")
                default:
                    segment.unicodeScalars.append(character)
                }
                previousWasCarriageReturn = character == "\r"
            }
            flush(&segment)
            output.raw("</w:r>")
        case .pageBreak:
            output.raw("<w:r>\(properties)<w:br w:type=\"page\"/></w:r>")
        case .field(let instruction, let placeholder):
            output.raw("<w:r>\(properties)<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>\(properties)")
            output.raw("<w:instrText xml:space=\"preserve\"> ")
            output.text(instruction)
            output.raw(" </w:instrText></w:r><w:r>\(properties)<w:fldChar w:fldCharType=\"separate\"/></w:r>")
            output.raw("<w:r>\(properties)<w:t xml:space=\"preserve\">")
            output.text(placeholder)
            output.raw("</w:t></w:r><w:r>\(properties)<w:fldChar w:fldCharType=\"end\"/></w:r>")
        }
    }

    /// ` w:name="123"` from a length in twips.
    private mutating func twips(_ prefix: String, _ length: DocxLength) {
        output.raw(prefix)
        output.raw(String(length.twips))
        output.raw("\"")
    }

    private mutating func flush(_ segment: inout String) {
        guard !segment.isEmpty else { return }
        output.raw("<w:t xml:space=\"preserve\">")
        output.text(segment)
        output.raw("</w:t>")
        segment = ""
    }

    private mutating func hyperlinkID(_ target: String) -> String {
        if let index = hyperlinkIndex[target] { return hyperlinkIDPrefix + String(index + 1) }
        hyperlinks.append(target)
        hyperlinkIndex[target] = hyperlinks.count - 1
        return hyperlinkIDPrefix + String(hyperlinks.count)
    }

    /// `base` with every property set in `override` replaced.
    static func merged(_ base: DocxRunFormat, _ override: DocxRunFormat) -> DocxRunFormat {
        if base.isEmpty { return override }
        if override.isEmpty { return base }
        return DocxRunFormat(
            bold: override.bold ?? base.bold, italic: override.italic ?? base.italic,
            underline: override.underline ?? base.underline, size: override.size ?? base.size,
            font: override.font ?? base.font, color: override.color ?? base.color,
            allCaps: override.allCaps ?? base.allCaps)
    }

    private mutating func runProperties(_ format: DocxRunFormat) -> String {
        if format == lastFormat { return lastProperties }
        lastFormat = format
        lastProperties = Self.runProperties(format)
        return lastProperties
    }

    /// A <w:rPr> element for `format`, or "" when nothing is set.
    static func runProperties(_ format: DocxRunFormat) -> String {
        guard !format.isEmpty else { return "" }
        var properties = XMLOutput(capacity: 128)
        properties.raw("<w:rPr>")
        if let font = format.font {
            var name = XMLOutput(capacity: font.utf8.count)
            name.attribute(font)
            let value = name.string
            properties.raw("<w:rFonts w:ascii=\"\(value)\" w:hAnsi=\"\(value)\" w:cs=\"\(value)\" w:eastAsia=\"\(value)\"/>")
        }
        if let bold = format.bold { properties.raw(bold ? "<w:b/><w:bCs/>" : "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>") }
        if let italic = format.italic {
            properties.raw(italic ? "<w:i/><w:iCs/>" : "<w:i w:val=\"0\"/><w:iCs w:val=\"0\"/>")
        }
        if let caps = format.allCaps { properties.raw(caps ? "<w:caps/>" : "<w:caps w:val=\"0\"/>") }
        if let color = format.color.flatMap(Self.hexColor) { properties.raw("<w:color w:val=\"\(color)\"/>") }
        if let size = format.size {
            let value = min(max(size.halfPoints, 1), 3276)
            properties.raw("<w:sz w:val=\"\(value)\"/><w:szCs w:val=\"\(value)\"/>")
        }
        if let underline = format.underline { properties.raw("<w:u w:val=\"\(underline ? "single" : "none")\"/>") }
        properties.raw("</w:rPr>")
        return properties.string
    }

    /// "auto" or six hex digits, upper-cased; nil for anything else.
    static func hexColor(_ value: String) -> String? {
        if value == "auto" { return value }
        let digits = value.hasPrefix("#") ? String(value.dropFirst()) : value
        guard digits.utf8.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
        return digits.uppercased()
    }

    static func border(_ side: String, _ border: DocxBorder) -> String {
        let color = hexColor(border.color) ?? "auto"
        let width = min(max(border.width, 2), 96)
        let space = min(max(border.space, 0), 31)
        return "<w:\(side) w:val=\"\(border.style.rawValue)\" w:sz=\"\(width)\" w:space=\"\(space)\" w:color=\"\(color)\"/>"
    }

    // MARK: - Tables

    mutating func table(_ table: DocxTable) {
        let widths = table.columnWidths.map { max($0.twips, 0) }
        output.raw("<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>")
        output.raw("<w:jc w:val=\"\(table.alignment == .both ? "center" : table.alignment.rawValue)\"/>")
        output.raw("<w:tblBorders>")
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            if let border = table.border {
                output.raw(Self.border(side, border))
            } else {
                output.raw("<w:\(side) w:val=\"nil\"/>")
            }
        }
        output.raw("</w:tblBorders><w:tblLayout w:type=\"fixed\"/>")
        let padding = max(table.cellPadding.twips, 0)
        output.raw("<w:tblCellMar><w:left w:w=\"\(padding)\" w:type=\"dxa\"/><w:right w:w=\"\(padding)\" w:type=\"dxa\"/>")
        output.raw("</w:tblCellMar><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" ")
        output.raw("w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>")
        for width in widths { output.raw("<w:gridCol w:w=\"\(width)\"/>") }
        output.raw("</w:tblGrid>")
        for row in table.rows { self.row(row, widths: widths) }
        output.raw("</w:tbl>")
    }

    private mutating func row(_ row: DocxTableRow, widths: [Int]) {
        output.raw("<w:tr>")
        var rowProperties = ""
        if row.cantSplit { rowProperties += "<w:cantSplit/>" }
        if let height = row.minimumHeight { rowProperties += "<w:trHeight w:val=\"\(max(height.twips, 0))\" w:hRule=\"atLeast\"/>" }
        if row.isHeader { rowProperties += "<w:tblHeader/>" }
        if !rowProperties.isEmpty { output.raw("<w:trPr>\(rowProperties)</w:trPr>") }
        var column = 0
        for cell in row.cells {
            let span = max(cell.gridSpan, 1)
            let end = min(column + span, widths.count)
            let width = column < end ? widths[column..<end].reduce(0, +) : 0
            column += span
            self.cell(cell, width: width, span: span)
        }
        output.raw("</w:tr>")
    }

    private mutating func cell(_ cell: DocxTableCell, width: Int, span: Int) {
        output.raw("<w:tc><w:tcPr><w:tcW w:w=\"")
        output.raw(String(width))
        output.raw("\" w:type=\"dxa\"/>")
        if span > 1 { output.raw("<w:gridSpan w:val=\"\(span)\"/>") }
        switch cell.verticalMerge {
        case .none: break
        case .restart: output.raw("<w:vMerge w:val=\"restart\"/>")
        case .continuation: output.raw("<w:vMerge/>")
        }
        if let fill = cell.shading.flatMap(Self.hexColor) {
            output.raw("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>")
        }
        if let alignment = cell.verticalAlignment { output.raw("<w:vAlign w:val=\"\(alignment.rawValue)\"/>") }
        output.raw("</w:tcPr>")
        if cell.paragraphs.isEmpty {
            output.raw("<w:p/>")
        } else {
            for paragraph in cell.paragraphs { self.paragraph(paragraph) }
        }
        output.raw("</w:tc>")
    }
}
