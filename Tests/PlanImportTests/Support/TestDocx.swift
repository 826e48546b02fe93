import Foundation
import ZIPFoundation

/// A small .docx written by the tests: paragraphs (optionally auto-numbered, bold, centred, with soft
/// breaks) and tables (with column spans and vertical merges), packaged with ZIPFoundation.
struct TestDocx {
    struct P {
        var text: String
        /// Auto-numbering: the list (1 = the plan outline I./1./a)/-, 2 = a second list) and level.
        var list: Int?
        var level = 0
        var bold = false
        var centered = false
        var pageBreakBefore = false

        init(_ text: String, list: Int? = nil, level: Int = 0, bold: Bool = false, centered: Bool = false,
             pageBreakBefore: Bool = false) {
            self.text = text
            self.list = list
            self.level = level
            self.bold = bold
            self.centered = centered
            self.pageBreakBefore = pageBreakBefore
        }
    }

    struct Cell {
        var paragraphs: [P]
        var span = 1
        /// "restart" or "continue" (w:vMerge), nil for none.
        var merge: String?

        init(_ texts: String..., span: Int = 1, merge: String? = nil) {
            paragraphs = texts.map { P($0) }
            self.span = span
            self.merge = merge
        }
    }

    enum Block {
        case paragraph(P)
        case table([[Cell]])
    }

    var body: [Block]

    init(_ body: [Block]) { self.body = body }

    /// Plain paragraphs, one per line of `text` (empty lines skipped).
    init(lines text: String) {
        body = text.split(separator: "\n").map { .paragraph(P(String($0))) }
    }

    func data() throws -> Data {
        try TestZip.make([
            ("[Content_Types].xml", Data(Self.contentTypes.utf8)),
            ("_rels/.rels", Data(Self.packageRelationships.utf8)),
            ("word/_rels/document.xml.rels", Data(Self.documentRelationships.utf8)),
            ("word/numbering.xml", Data(Self.numbering.utf8)),
            ("word/document.xml", Data(documentXML().utf8)),
        ])
    }

    func documentXML() -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            """
        xml.reserveCapacity(body.count * 200)
        for block in body {
            switch block {
            case .paragraph(let paragraph): xml += Self.paragraphXML(paragraph)
            case .table(let rows):
                xml += "<w:tbl>"
                for row in rows {
                    xml += "<w:tr>"
                    for cell in row {
                        xml += "<w:tc><w:tcPr>"
                        if cell.span > 1 { xml += "<w:gridSpan w:val=\"\(cell.span)\"/>" }
                        if let merge = cell.merge {
                            xml += merge == "restart" ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>"
                        }
                        xml += "</w:tcPr>"
                        let paragraphs = cell.paragraphs.isEmpty ? [P("")] : cell.paragraphs
                        for paragraph in paragraphs { xml += Self.paragraphXML(paragraph) }
                        xml += "</w:tc>"
                    }
                    xml += "</w:tr>"
                }
                xml += "</w:tbl>"
            }
        }
        return xml + "<w:sectPr/></w:body></w:document>"
    }

    static func paragraphXML(_ paragraph: P) -> String {
        var xml = "<w:p><w:pPr>"
        if paragraph.pageBreakBefore { xml += "<w:pageBreakBefore/>" }
        if let list = paragraph.list {
            xml += "<w:numPr><w:ilvl w:val=\"\(paragraph.level)\"/><w:numId w:val=\"\(list)\"/></w:numPr>"
        }
        if paragraph.centered { xml += "<w:jc w:val=\"center\"/>" }
        xml += "</w:pPr>"
        let runProperties = paragraph.bold ? "<w:rPr><w:b/></w:rPr>" : ""
        let lines = paragraph.text.components(separatedBy: "\n")
        for (index, line) in lines.enumerated() {
            if index > 0 { xml += "<w:r><w:br/></w:r>" }
            if line.isEmpty { continue }
            xml += "<w:r>\(runProperties)<w:t xml:space=\"preserve\">\(escape(line))</w:t></w:r>"
        }
        return xml + "</w:p>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/numbering.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/></Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" \
        Target="numbering.xml"/></Relationships>
        """

    /// List 1: I. / 1. / a) / - / + (the outline of a plan); list 2: decimal "%1." alone.
    static let numbering = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:abstractNum w:abstractNumId="0">\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>\
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>\
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>\
        <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>\
        </w:abstractNum>\
        <w:abstractNum w:abstractNumId="1">\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>\
        </w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>\
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>
        """
}

/// ZIP packages built in memory (deflated), including hostile ones.
enum TestZip {
    static func make(_ entries: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: Date(timeIntervalSince1970: 1_700_000_000), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// A package whose word/document.xml inflates to `size` bytes of spaces inside valid XML.
    static func bomb(size: Int) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let head = Data("<?xml version=\"1.0\"?><w:document xmlns:w=\"urn:w\"><w:body>".utf8)
        let tail = Data("</w:body></w:document>".utf8)
        let total = head.count + size + tail.count
        try archive.addEntry(
            with: "word/document.xml", type: .file, uncompressedSize: Int64(total),
            modificationDate: Date(timeIntervalSince1970: 1_700_000_000), compressionMethod: .deflate,
            bufferSize: 1 << 20
        ) { position, chunk in
            var bytes = [UInt8](repeating: 0x20, count: chunk)
            for offset in 0..<chunk {
                let index = Int(position) + offset
                if index < head.count {
                    bytes[offset] = head[index]
                } else if index >= head.count + size {
                    bytes[offset] = tail[index - head.count - size]
                } else if index > head.count + 4096 {
                    break  // spaces from here to the chunk's end
                }
            }
            if Int(position) + chunk > head.count + size {
                for offset in 0..<chunk where Int(position) + offset >= head.count + size {
                    bytes[offset] = tail[Int(position) + offset - head.count - size]
                }
            }
            let data = Data(bytes)
            return data
        }
        return archive.data ?? Data()
    }
}
