import Foundation
import OOXML

/// Writes a plan layout as a .docx in the Nghị định 30 layout the fixtures use: A4 portrait, the header
/// as a borderless two-column table, the body justified in 14 pt, the "Nơi nhận" and signature as a
/// second two-column table, and the annex table in a landscape section.
enum PlanDocxWriter {
    static let margins = DocxMargins(top: .mm(20), bottom: .mm(20), left: .mm(30), right: .mm(15))

    static func document(_ layout: PlanLayout) -> DocxDocument {
        var blocks: [DocxBlock] = [.table(header(layout))]
        blocks.append(.paragraph(centred(layout.typeName, bold: true, before: .pt(12))))
        blocks.append(.paragraph(centred(layout.title, bold: true, after: .pt(12))))
        for paragraph in layout.body {
            blocks.append(.paragraph(body(paragraph)))
        }
        blocks.append(.table(footer(layout)))
        var sections = [DocxSection(blocks: blocks, margins: margins)]
        if layout.hasAnnex {
            sections.append(DocxSection(blocks: annex(layout), orientation: .landscape, margins: margins))
        }
        return DocxDocument(
            sections: sections,
            properties: DocxProperties(title: layout.title, creator: "cchc-synth"))
    }

    static func centred(
        _ text: String, bold: Bool = false, italic: Bool = false, size: Double = 14, before: DocxLength = .zero,
        after: DocxLength = .zero
    ) -> DocxParagraph {
        DocxParagraph(
            [DocxRun(text)], alignment: .center, spacingBefore: before, spacingAfter: after,
            runFormat: DocxRunFormat(bold: bold, italic: italic, size: .pt(size)))
    }

    static func header(_ layout: PlanLayout) -> DocxTable {
        let width = DocxLength.twips(11906) - margins.left - margins.right
        let left = DocxLength(twips: width.twips * 2 / 5)
        let right = width - left
        let leftCell = DocxTableCell(
            layout.headerLeft.enumerated().map { index, line in
                centred(line, bold: index == 1, size: 13)
            })
        let rightCell = DocxTableCell(
            layout.headerRight.enumerated().map { index, line in
                centred(line, bold: index < 2, italic: index == 2, size: index == 0 ? 13 : 14, after: index == 1 ? .pt(6) : .zero)
            })
        return DocxTable(columnWidths: [left, right], rows: [DocxTableRow([leftCell, rightCell])], border: nil, cellPadding: .zero)
    }

    static func body(_ paragraph: PlanLayout.Paragraph) -> DocxParagraph {
        let bold = paragraph.style == .heading || paragraph.style == .subheading
        return DocxParagraph(
            [DocxRun(paragraph.text)], alignment: .both, firstLineIndent: .cm(1), spacingAfter: .pt(6),
            lineSpacing: .multiple(1.15), keepNext: bold, runFormat: DocxRunFormat(bold: bold, size: .pt(14)))
    }

    static func footer(_ layout: PlanLayout) -> DocxTable {
        let width = DocxLength.twips(11906) - margins.left - margins.right
        let half = DocxLength(twips: width.twips / 2)
        var left = [
            DocxParagraph(
                [DocxRun("Nơi nhận:")], spacingBefore: .pt(12), runFormat: DocxRunFormat(bold: true, italic: true, size: .pt(12)))
        ]
        left += layout.recipients.map { DocxParagraph([DocxRun("- " + $0)], runFormat: DocxRunFormat(size: .pt(11))) }
        var right = layout.signature.map { centred($0, bold: true, before: .zero) }
        right[0].spacingBefore = .pt(12)
        right.append(centred(" ", after: .pt(48)))
        right.append(centred(layout.signerName, bold: true))
        return DocxTable(
            columnWidths: [half, width - half], rows: [DocxTableRow([DocxTableCell(left), DocxTableCell(right)])], border: nil)
    }

    static func annex(_ layout: PlanLayout) -> [DocxBlock] {
        var blocks: [DocxBlock] = layout.annexHeading.enumerated().map { index, line in
            .paragraph(centred(line, bold: index < 2, italic: index == 2, after: index == 2 ? .pt(12) : .zero))
        }
        let width = DocxLength.twips(16838) - margins.left - margins.right
        let shares = [5, 33, 16, 16, 14, 16]
        var widths = shares.map { DocxLength(twips: width.twips * $0 / 100) }
        widths[1] = width - DocxLength(twips: widths.enumerated().filter { $0.offset != 1 }.reduce(0) { $0 + $1.element.twips })
        let small = DocxRunFormat(size: .pt(12))
        var rows = [
            DocxTableRow(
                layout.annexColumns.map {
                    DocxTableCell(text: $0, format: DocxRunFormat(bold: true, size: .pt(12)), alignment: .center, verticalAlignment: .center)
                }, isHeader: true)
        ]
        for row in layout.annexRows {
            switch row {
            case .group(let label, let title):
                rows.append(
                    DocxTableRow([
                        DocxTableCell(text: label, format: DocxRunFormat(bold: true, size: .pt(12)), alignment: .center),
                        DocxTableCell(
                            text: title, format: DocxRunFormat(bold: true, size: .pt(12)), gridSpan: layout.annexColumns.count - 1),
                    ]))
            case .activity(let cells):
                rows.append(
                    DocxTableRow(
                        cells.enumerated().map { index, text in
                            DocxTableCell(text: text, format: small, alignment: index == 0 ? .center : .left)
                        }))
            }
        }
        blocks.append(.table(DocxTable(columnWidths: widths, rows: rows)))
        return blocks
    }
}
