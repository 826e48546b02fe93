import Foundation
import OOXML
import ZIPFoundation

/// Builds small .docx (or arbitrary ZIP) packages in memory for tests.
enum TestPackage {
    /// A ZIP with the given entries (deflated), in order.
    static func zip(_ entries: [(path: String, bytes: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                provider: { position, size in bytes.subdata(in: Int(position)..<(Int(position) + size)) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// A minimal .docx whose body is `body` (WordprocessingML inside <w:body>), with optional parts.
    static func docx(body: String, numbering: String? = nil, styles: String? = nil) throws -> Data {
        var entries: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(packageRelationships.utf8)),
            ("word/document.xml", Data(document(body).utf8)),
        ]
        var relationships: [String] = []
        if let numbering {
            entries.append(("word/numbering.xml", Data(part("numbering", numbering).utf8)))
            relationships.append(relationship("rId1", "numbering", "numbering.xml"))
        }
        if let styles {
            entries.append(("word/styles.xml", Data(part("styles", styles).utf8)))
            relationships.append(relationship("rId2", "styles", "styles.xml"))
        }
        let rels = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(relationships.joined())</Relationships>
            """
        entries.append(("word/_rels/document.xml.rels", Data(rels.utf8)))
        return try zip(entries)
    }

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(wordNamespace)" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">\
        <w:body>\(body)<w:sectPr/></w:body></w:document>
        """
    }

    private static func part(_ root: String, _ content: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:\(root) xmlns:w="\(wordNamespace)">\(content)</w:\(root)>
        """
    }

    private static func relationship(_ id: String, _ kind: String, _ target: String) -> String {
        "<Relationship Id=\"\(id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(kind)\" Target=\"\(target)\"/>"
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/></Relationships>
        """

    /// A paragraph with one run of `text` and optional raw pPr content.
    static func paragraph(_ text: String, properties: String = "", run: String = "") -> String {
        let pPr = properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>"
        let rPr = run.isEmpty ? "" : "<w:rPr>\(run)</w:rPr>"
        return "<w:p>\(pPr)<w:r>\(rPr)<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    /// A numbered paragraph (numId, ilvl) with `text`.
    static func numbered(_ text: String, numID: Int, level: Int) -> String {
        paragraph(text, properties: "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numID)\"/></w:numPr>")
    }
}

extension WordDocument {
    /// The body's paragraphs, tables left out.
    var paragraphs: [WordParagraph] {
        body.compactMap { if case .paragraph(let paragraph) = $0 { paragraph } else { nil } }
    }

    /// The body's tables.
    var tables: [WordTable] {
        body.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }
}
