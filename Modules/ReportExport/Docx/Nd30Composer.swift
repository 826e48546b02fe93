import OOXML
import PlanCore

/// Lays out the parts every Nghị định 30/2020 document shares: the two-column header, the type and
/// trích yếu, body blocks, the Nơi nhận / signature table, and a landscape annex.
enum Nd30Composer {
    // MARK: Header

    /// The borderless header table. Three rows keep the lines level across the columns: chủ quản beside
    /// Quốc hiệu; ban hành (bold, short rule under it) beside Tiêu ngữ (bold, rule under it); "Số: …"
    /// beside the italic place-and-date line. `marking` ("DỰ THẢO") prints bold, right-aligned above it.
    static func header(_ header: ReportHeader, marking: String?, width: DocxLength) -> [DocxBlock] {
        let widths = Nd30Style.widths([38, 62], total: width)
        let padding = Nd30Style.headerCellPadding
        let left = widths[0] - padding - padding
        let right = widths[1] - padding - padding
        let size = Nd30Style.headerSize
        // The organ names on lines of their own, broken where a person breaks them (never "THƯƠNG / BINH").
        var issuer = Typesetting.organLines(header.issuerLine, capacity: 22).map {
            Nd30Style.centred($0, size: size, bold: true)
        }
        issuer.append(.rule(width: .mm(22), centredIn: left, spacingAfter: .pt(2)))
        var motto = [Nd30Style.centred(ReportHeader.motto, size: .pt(14), bold: true)]
        motto.append(.rule(width: .mm(60), centredIn: right, spacingAfter: .pt(2)))
        let rows = [
            DocxTableRow([
                DocxTableCell(Typesetting.organLines(header.parentLine, capacity: 24).map { Nd30Style.centred($0, size: size) }),
                DocxTableCell([Nd30Style.centred(ReportHeader.nation, size: size, bold: true)]),
            ]),
            DocxTableRow([DocxTableCell(issuer), DocxTableCell(motto)]),
            DocxTableRow([
                DocxTableCell([Nd30Style.centred(header.numberLine, size: size, before: .pt(6))]),
                DocxTableCell([Nd30Style.centred(header.dateLine, size: .pt(14), italic: true, before: .pt(6))]),
            ]),
        ]
        var blocks: [DocxBlock] = []
        if let marking {
            var paragraph = Nd30Style.centred(marking, size: .pt(13), bold: true, after: .pt(6))
            paragraph.alignment = .right
            blocks.append(.paragraph(paragraph))
        }
        blocks.append(
            .table(DocxTable(columnWidths: widths, rows: rows, border: nil, alignment: .center, cellPadding: padding)))
        return blocks
    }

    /// "BÁO CÁO" / "KẾ HOẠCH" (bold 14, centred), the trích yếu under it (bold 14) and a short rule.
    static func title(type: String, title: String, width: DocxLength) -> [DocxBlock] {
        [
            .paragraph(Nd30Style.centred(type, bold: true, before: .pt(18))),
            .paragraph(Nd30Style.centred(title, bold: true)),
            .paragraph(.rule(width: .mm(45), centredIn: width, spacingAfter: .pt(12))),
        ]
    }

    // MARK: Body

    /// Body blocks: headings bold (level 1–2) or italic (level 3) and kept with the next paragraph; paragraphs
    /// and list lines justified with the first-line indent; tables bordered, 13 pt, followed by 6 pt of space.
    static func body(_ blocks: [ReportBlock], width: DocxLength) -> [DocxBlock] {
        var out: [DocxBlock] = []
        out.reserveCapacity(blocks.count)
        for block in blocks {
            switch block {
            case let .heading(text, level):
                out.append(
                    .paragraph(
                        Nd30Style.body(
                            DocxText.runs(text), bold: level <= 2 ? true : nil, italic: level >= 3 ? true : nil,
                            keepNext: true, outline: level - 1)))
            case .paragraph(let spans):
                out.append(.paragraph(Nd30Style.body(runs(spans))))
            case .item(let spans, _):
                out.append(.paragraph(Nd30Style.body(runs(spans))))
            case .table(let table):
                out.append(.table(self.table(table, width: width, size: .pt(13))))
                out.append(.paragraph(Nd30Style.spacer))
            }
        }
        return out
    }

    static func runs(_ spans: [TextSpan]) -> [DocxRun] {
        spans.flatMap { span in
            DocxText.runs(span.text).map { run in
                var run = run
                if span.bold { run.format.bold = true }
                if span.italic { run.format.italic = true }
                return run
            }
        }
    }

    /// A bordered table: bold centred header row repeated on every page, rows kept whole when short,
    /// group rows bold with their text spanning all but the first column.
    static func table(_ table: BlockTable, width: DocxLength, size: DocxFontSize) -> DocxTable {
        let widths = Nd30Style.widths(table.widths, total: width)
        let align: (Int) -> DocxAlignment = { column in
            switch column < table.alignments.count ? table.alignments[column] : .left {
            case .left: return .left
            case .center: return .center
            case .right: return .right
            }
        }
        var rows = [
            DocxTableRow(
                table.headers.map {
                    var paragraphs = [Nd30Style.cell($0, size: size, bold: true, alignment: .center)]
                    Nd30Style.pad(&paragraphs)
                    return DocxTableCell(paragraphs, verticalAlignment: .center)
                }, isHeader: true, cantSplit: true)
        ]
        for row in table.rows {
            switch row {
            case .cells(let cells), .emphasised(let cells):
                var bold: Bool?
                if case .emphasised = row { bold = true }
                rows.append(
                    DocxTableRow(
                        (0..<table.headers.count).map { column in
                            let lines = column < cells.count ? cells[column] : []
                            var paragraphs = (lines.isEmpty ? [""] : lines).map {
                                Nd30Style.cell($0, size: size, bold: bold, alignment: align(column))
                            }
                            Nd30Style.pad(&paragraphs)
                            return DocxTableCell(paragraphs)
                        }))
            case let .group(label, text):
                rows.append(
                    DocxTableRow(
                        [
                            DocxTableCell(Nd30Style.padded([Nd30Style.cell(label, size: size, bold: true, alignment: .center)])),
                            DocxTableCell(
                                Nd30Style.padded([Nd30Style.cell(text, size: size, bold: true, alignment: .left)]),
                                gridSpan: max(1, table.headers.count - 1)),
                        ], cantSplit: true))
            }
        }
        return DocxTable(columnWidths: widths, rows: rows, border: DocxBorder(width: 4, space: 0), alignment: .center)
    }

    // MARK: Signature

    /// The borderless footer table: "Nơi nhận:" (12 bold italic) and its list (11) on the left; the
    /// authority and title (13 bold upper), room for signature and seal, and the name (14 bold) on the right.
    static func signature(distribution: [String], signer: DocumentIdentity.Signer, width: DocxLength) -> [DocxBlock] {
        let widths = Nd30Style.widths([45, 55], total: width)
        var recipients = [leftLine("Nơi nhận:", size: .pt(12), bold: true, italic: true)]
        recipients += Distribution.lines(distribution).map { leftLine($0, size: .pt(11)) }
        var signature = ReportHeader.signatureLines(signer).map { Nd30Style.centred($0, size: .pt(14), bold: true) }
        if signature.isEmpty { signature = [Nd30Style.centred("", size: .pt(14))] }
        signature[signature.count - 1].spacingAfter = .pt(72)
        signature.append(Nd30Style.centred(signer.name ?? "", size: .pt(14), bold: true))
        return [
            .paragraph(DocxParagraph([], spacingAfter: .pt(6), keepNext: true, runFormat: DocxRunFormat(size: .pt(6)))),
            .table(
                DocxTable(
                    columnWidths: widths, rows: [DocxTableRow([DocxTableCell(recipients), DocxTableCell(signature)], cantSplit: true)],
                    border: nil, alignment: .center)),
        ]
    }

    /// Keeps the last paragraph of `blocks` on the page of what follows (the closing "./." sentence with the
    /// signature, so the signature never stands alone on a page).
    static func keepWithNext(_ blocks: inout [DocxBlock]) {
        guard case .paragraph(var last)? = blocks.last else { return }
        last.keepNext = true
        last.keepLines = true
        blocks[blocks.count - 1] = .paragraph(last)
    }

    private static func leftLine(_ text: String, size: DocxFontSize, bold: Bool? = nil, italic: Bool? = nil) -> DocxParagraph {
        DocxParagraph(
            DocxText.runs(text), alignment: .left, spacingBefore: .zero, spacingAfter: .zero, lineSpacing: .multiple(1),
            runFormat: Nd30Style.format(size: size, bold: bold, italic: italic))
    }

    // MARK: Sections

    /// The first, portrait section with page numbers centred in the top margin from page 2.
    static func portrait(_ blocks: [DocxBlock]) -> DocxSection {
        var section = DocxSection(blocks: blocks, orientation: .portrait, margins: Nd30Style.portraitMargins)
        section.numberPagesFromSecondPage(format: DocxRunFormat(size: Nd30Style.pageNumberSize))
        return section
    }

    /// A landscape section continuing the page numbers on every page.
    static func landscape(_ blocks: [DocxBlock], numbered: Bool = true, firstPageUnnumbered: Bool = false) -> DocxSection {
        var section = DocxSection(blocks: blocks, orientation: .landscape, margins: Nd30Style.landscapeMargins)
        if firstPageUnnumbered {
            section.numberPagesFromSecondPage(format: DocxRunFormat(size: Nd30Style.pageNumberSize))
        } else if numbered {
            section.header = DocxSection.pageNumberHeader(format: DocxRunFormat(size: Nd30Style.pageNumberSize))
        }
        return section
    }

    /// The annex: "Phụ lục" (14 bold), its title (upper bold), the italic "(Kèm theo …)" line, the table.
    static func annex(heading: String, title: String, attachment: String, table: BlockTable) -> DocxSection {
        var section = landscape([])
        let width = section.textWidth
        section.blocks = [
            .paragraph(Nd30Style.centred(heading, bold: true)),
            .paragraph(Nd30Style.centred(title, bold: true)),
            .paragraph(Nd30Style.centred(attachment, italic: true)),
            .paragraph(.rule(width: .mm(45), centredIn: width, spacingAfter: .pt(12))),
            .table(self.table(table, width: width, size: .pt(12))),
        ]
        return section
    }

    /// A whole document: Times New Roman 14, Vietnamese proofing, document properties without any clock.
    static func document(_ sections: [DocxSection], title: String, subject: String) -> DocxDocument {
        document(sections, properties: DocxProperties(title: title, subject: subject))
    }

    static func document(_ sections: [DocxSection], properties: DocxProperties) -> DocxDocument {
        DocxDocument(
            sections: sections, defaultFont: Nd30Style.font, defaultFontSize: Nd30Style.bodySize, language: "vi-VN",
            properties: properties, application: "cchc")
    }
}
