import Foundation
import OOXML
import PlanCore

/// A Word document (`WordDocument` of the OOXML module) → blocks: paragraphs with their auto-numbering
/// label restored in front, soft line breaks as separate lines, tables with spans and vertical merges.
/// Text in legacy fonts (.VnTime, VNI-Times), which Word stores as Latin-1 characters, is converted.
enum DocxBlockReader {
    static func read(_ data: Data, limits: PackageLimits = .default) throws(OOXMLError) -> (
        blocks: [Block], notes: [Diagnostic]
    ) {
        let document = try WordDocument(docx: data, limits: limits)
        let legacy = detectLegacy(document)
        var converter = Converter(legacy: legacy)
        var blocks: [Block] = []
        var paragraphNumber = 0
        var tableNumber = 0
        for block in document.body {
            switch block {
            case .paragraph(let paragraph):
                paragraphNumber += 1
                for line in converter.lines(of: paragraph) {
                    blocks.append(.paragraph(makeParagraph(line, from: paragraph, at: .paragraph(paragraphNumber))))
                }
            case .table(let table):
                tableNumber += 1
                var rows: [TableRow] = []
                for (rowIndex, cells) in table.rows.enumerated() {
                    let row = cells.map { cell in
                        TableCell(
                            lines: cell.paragraphs.flatMap { converter.lines(of: $0) }.map(TextNormalization.clean)
                                .filter { !$0.isEmpty && !TextBlockReader.isRule($0) },
                            span: max(1, cell.gridSpan), continuesMerge: cell.verticalMerge == .continuation)
                    }
                    rows.append(TableRow(cells: row, location: .tableRow(table: tableNumber, row: rowIndex + 1)))
                }
                blocks.append(.table(Table(rows: rows)))
            }
        }
        let notes = legacy.map { [LegacyNote.diagnostic($0)] } ?? []
        return (blocks, notes.isEmpty ? [] : notes)
    }

    private static func makeParagraph(_ line: String, from paragraph: WordParagraph, at location: SourceLocation)
        -> Paragraph
    {
        let columns = TextBlockReader.splitColumns(line)
        let text = TextNormalization.clean(line)
        return Paragraph(
            text: text, columns: columns.count > 1 ? columns : [text], location: location,
            isBold: paragraph.isBold, isCentered: paragraph.alignment == "center")
    }

    /// Legacy encodings are decided once for the whole document, from a sample of its text.
    private static func detectLegacy(_ document: WordDocument) -> LegacyVietnameseEncoding? {
        var sample = ""
        func add(_ paragraph: WordParagraph) {
            if sample.utf8.count < 200_000 { sample += paragraph.text + "\n" }
        }
        for block in document.body {
            switch block {
            case .paragraph(let paragraph): add(paragraph)
            case .table(let table): for row in table.rows { for cell in row { cell.paragraphs.forEach(add) } }
            }
        }
        return LegacyVietnamese.detectMisread(in: sample)
    }

    /// Paragraph → lines: the numbering label in front, legacy text converted, split at soft breaks.
    private struct Converter {
        var legacy: LegacyVietnameseEncoding?

        mutating func lines(of paragraph: WordParagraph) -> [String] {
            var text = paragraph.text
            if let legacy { text = LegacyVietnamese.convertMisread(text, from: legacy) }
            text = TextNormalization.nfc(text)
            // Soft line breaks; split on scalars (a "\r\n" pair leaves no empty piece either way).
            var lines =
                text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D })
                ? text.unicodeScalars.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { String(Substring($0)) }
                : [text]
            if let label = paragraph.numberingLabel, !label.trimmingCharacters(in: .whitespaces).isEmpty {
                let written = TextNormalization.clean(label)
                if lines.isEmpty { lines = [written] } else { lines[0] = written + " " + lines[0] }
            }
            return lines.filter { !TextNormalization.clean($0).isEmpty && !TextBlockReader.isRule($0) }
        }
    }
}

extension PlanImporter {
    /// The import error for a package error.
    static func reason(for error: OOXMLError) -> PlanImportError.Reason {
        switch error {
        case .fileTooLarge(let size, let limit): return .tooLarge(size: size, limit: limit)
        case .notAZip: return .notAZip
        case .truncated: return .truncated
        case .missingPart(let part): return .missingPart(part)
        case .entryTooLarge(let part, let limit): return .entryTooLarge(part: part, limit: limit)
        case .tooManyEntries(let count, let limit): return .tooManyEntries(count: count, limit: limit)
        case .duplicateEntry(let part): return .duplicateEntry(part: part)
        case .forbiddenDTD(let part): return .forbiddenDTD(part: part)
        case .malformedXML(let part, let line, let reason): return .malformedXML(part: part, line: line, reason: reason)
        case .encrypted: return .encrypted
        }
    }
}
