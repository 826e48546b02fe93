import Foundation
import OOXML
import ZIPFoundation

/// Reading back what the writers produced: a part's bytes (unzipped) and the document's text.
enum DocxReading {
    struct MissingPart: Error { var name: String }

    /// The text of `part` ("word/document.xml") inside the package.
    static func part(_ name: String, of data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        guard let entry = archive[name] else { throw MissingPart(name: name) }
        var bytes = Data()
        _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every paragraph's text in document order, table cells included (row by row, cell by cell).
    /// No-break spaces read as spaces (the typesetting has its own test).
    static func paragraphs(_ data: Data) throws -> [String] {
        try WordDocument(docx: data).body.flatMap { block -> [String] in
            switch block {
            case .paragraph(let paragraph): return [paragraph.text]
            case .table(let table): return table.rows.flatMap { $0.flatMap { $0.paragraphs.map(\.text) } }
            }
        }.map(plain)
    }

    static func plain(_ text: String) -> String { text.replacingOccurrences(of: "\u{00A0}", with: " ") }

    /// The tables of the body.
    static func tables(_ data: Data) throws -> [WordTable] {
        try WordDocument(docx: data).body.compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }

    /// The body paragraphs outside tables.
    static func bodyParagraphs(_ data: Data) throws -> [WordParagraph] {
        try WordDocument(docx: data).body.compactMap { block in
            if case .paragraph(let paragraph) = block { return paragraph }
            return nil
        }
    }

    /// Whether `markers` occur in `texts` in this order.
    static func inOrder(_ markers: [String], in texts: [String]) -> String? {
        var index = 0
        for marker in markers {
            guard let found = texts[index...].firstIndex(where: { $0.contains(marker) }) else { return marker }
            index = found
        }
        return nil
    }
}
