import Foundation
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

    /// A body paragraph: justified, first-line indent, 6 pt after.
    static func body(_ runs: [DocxRun], bold: Bool? = nil, italic: Bool? = nil, keepNext: Bool = false, outline: Int? = nil)
        -> DocxParagraph
    {
        DocxParagraph(
            runs, alignment: .both, firstLineIndent: firstLineIndent, spacingBefore: .zero, spacingAfter: paragraphAfter,
            lineSpacing: lineSpacing, keepNext: keepNext, outlineLevel: outline,
            runFormat: format(size: bodySize, bold: bold, italic: italic))
    }

    /// A paragraph inside a table cell: no indent, 2 pt after, single spacing.
    static func cell(_ text: String, size: DocxFontSize, bold: Bool? = nil, alignment: DocxAlignment) -> DocxParagraph {
        DocxParagraph(
            DocxText.runs(text), alignment: alignment, spacingBefore: .pt(1), spacingAfter: .pt(1),
            lineSpacing: .multiple(1), runFormat: format(size: size, bold: bold))
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

/// Runs for a line of text: web addresses become hyperlinks, the rest plain text.
enum DocxText {
    static func runs(_ text: String) -> [DocxRun] {
        var runs: [DocxRun] = []
        var rest = Substring(text)
        while let start = [rest.range(of: "https://"), rest.range(of: "http://")].compactMap({ $0 })
            .min(by: { $0.lowerBound < $1.lowerBound })
        {
            if start.lowerBound > rest.startIndex { runs.append(DocxRun(.text(String(rest[..<start.lowerBound])))) }
            var end = rest[start.lowerBound...].firstIndex { $0.isWhitespace } ?? rest.endIndex
            // A closing bracket or final punctuation belongs to the sentence, not to the address.
            while end > start.upperBound, let last = rest[..<end].last, ");,.".contains(last) {
                end = rest.index(before: end)
            }
            let url = String(rest[start.lowerBound..<end])
            runs.append(DocxRun(.text(url), link: url))
            rest = rest[end...]
        }
        if !rest.isEmpty || runs.isEmpty { runs.append(DocxRun(.text(String(rest)))) }
        return runs
    }
}
