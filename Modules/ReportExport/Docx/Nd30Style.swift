import OOXML

/// The page and type settings of Nghị định 30/2020/NĐ-CP (Phụ lục I) used by every document ReportExport
/// writes: A4, Times New Roman, 14 pt justified body with a 1.27 cm first-line indent, 6 pt after each
/// paragraph, line spacing 1.15.
enum Nd30Style {
    /// Portrait: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; the header (page number) 10 mm from the top.
    static let portraitMargins = DocxMargins(top: .mm(20), bottom: .mm(20), left: .mm(30), right: .mm(15), header: .mm(10))
    /// Landscape pages bind on their top edge: top 30 mm, bottom 15 mm, left and right 20 mm.
    static let landscapeMargins = DocxMargins(top: .mm(30), bottom: .mm(15), left: .mm(20), right: .mm(20), header: .mm(15))

    static let font = "Times New Roman"
    static let bodySize = DocxFontSize.pt(14)
    static let headerSize = DocxFontSize.pt(13)
    static let pageNumberSize = DocxFontSize.pt(13)
    static let firstLineIndent = DocxLength.cm(1.27)
    static let paragraphAfter = DocxLength.pt(6)
    static let lineSpacing = DocxLineSpacing.multiple(1.15)
    /// Left/right cell padding of the borderless header table: small, so the Quốc hiệu fits on one line.
    static let headerCellPadding = DocxLength.mm(0.5)

    /// An empty 6 pt paragraph after a table, so the next heading does not touch it.
    static let spacer = DocxParagraph(
        [], spacingBefore: .zero, spacingAfter: .zero, lineSpacing: .exactly(.pt(6)), runFormat: DocxRunFormat(size: .pt(6)))

    static func format(size: DocxFontSize? = nil, bold: Bool? = nil, italic: Bool? = nil) -> DocxRunFormat {
        DocxRunFormat(bold: bold, italic: italic, size: size)
    }

    /// A centred line of the header, the title block or the signature: no indent, no spacing unless asked.
    static func centred(
        _ text: String, size: DocxFontSize = bodySize, bold: Bool? = nil, italic: Bool? = nil,
        before: DocxLength = .zero, after: DocxLength = .zero
    ) -> DocxParagraph {
        DocxParagraph(
            DocxText.runs(text), alignment: .center, spacingBefore: before, spacingAfter: after,
            lineSpacing: .multiple(1), runFormat: format(size: size, bold: bold, italic: italic))
    }

    /// A body paragraph: justified, first-line indent, 6 pt after, in the document's 14 pt (not repeated
    /// on every run).
    static func body(_ runs: [DocxRun], bold: Bool? = nil, italic: Bool? = nil, keepNext: Bool = false, outline: Int? = nil)
        -> DocxParagraph
    {
        DocxParagraph(
            runs, alignment: .both, firstLineIndent: firstLineIndent, spacingAfter: paragraphAfter,
            lineSpacing: lineSpacing, keepNext: keepNext, outlineLevel: outline,
            runFormat: format(bold: bold, italic: italic))
    }

    /// A paragraph inside a table cell: single spacing, no indent, nothing after (the document defaults, so
    /// nothing is written for them: large annexes hold tens of thousands of these).
    static func cell(_ text: String, size: DocxFontSize, bold: Bool? = nil, alignment: DocxAlignment) -> DocxParagraph {
        DocxParagraph(
            DocxText.runs(text), alignment: alignment == .left ? nil : alignment, runFormat: format(size: size, bold: bold))
    }

    /// 2 pt above a cell's first paragraph and below its last, so text does not touch the borders.
    static func pad(_ paragraphs: inout [DocxParagraph]) {
        guard !paragraphs.isEmpty else { return }
        paragraphs[0].spacingBefore = .pt(2)
        paragraphs[paragraphs.count - 1].spacingAfter = .pt(2)
    }

    static func padded(_ paragraphs: [DocxParagraph]) -> [DocxParagraph] {
        var paragraphs = paragraphs
        pad(&paragraphs)
        return paragraphs
    }

    /// Relative widths scaled to `total`, the last column taking the rounding remainder.
    static func widths(_ relative: [Int], total: DocxLength) -> [DocxLength] {
        let sum = max(1, relative.reduce(0, +))
        var widths = relative.map { DocxLength(twips: total.twips * $0 / sum) }
        if !widths.isEmpty {
            widths[widths.count - 1] = total - DocxLength(twips: widths.dropLast().reduce(0) { $0 + $1.twips })
        }
        return widths
    }
}

/// Runs for a line of text: web addresses become hyperlinks, the rest plain text. Scans bytes, not
/// characters: reports hold tens of thousands of lines.
enum DocxText {
    /// Runs of `text` with its links, and no-break spaces where a person keeps words together.
    static func runs(_ text: String) -> [DocxRun] {
        let text = Typesetting.keepTogether(text)
        let bytes = Array(text.utf8)
        var runs: [DocxRun] = []
        var plainStart = 0
        var index = 0
        while let start = linkStart(bytes, from: index) {
            var end = start
            while end < bytes.count, !isBreak(bytes[end]) { end += 1 }
            // A closing bracket or final punctuation belongs to the sentence, not to the address.
            while end > start, [UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: ".")].contains(bytes[end - 1]) {
                end -= 1
            }
            if start > plainStart { runs.append(DocxRun(.text(String(decoding: bytes[plainStart..<start], as: UTF8.self)))) }
            let url = String(decoding: bytes[start..<end], as: UTF8.self)
            runs.append(DocxRun(.text(url), link: url))
            plainStart = end
            index = max(end, start + 1)
        }
        if plainStart == 0 { return [DocxRun(.text(text))] }
        if plainStart < bytes.count {
            runs.append(DocxRun(.text(String(decoding: bytes[plainStart...], as: UTF8.self))))
        }
        return runs
    }

    private static let http = Array("http://".utf8)
    private static let https = Array("https://".utf8)

    /// The offset of the next "http://" or "https://" at or after `from`.
    private static func linkStart(_ bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index + 7 <= bytes.count {
            if bytes[index] == UInt8(ascii: "h"), bytes[index + 1] == UInt8(ascii: "t") {
                if bytes[index..<index + 7].elementsEqual(http) { return index }
                if index + 8 <= bytes.count, bytes[index..<index + 8].elementsEqual(https) { return index }
            }
            index += 1
        }
        return nil
    }

    /// ASCII white space ends an address (addresses in evidence are ASCII or percent-encoded).
    private static func isBreak(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
