import Foundation
import ZIPFoundation

/// Malformed and hostile documents, built on the fly, for the fault suite.
enum FaultDocuments {
    /// A .docx package with the given parts (uncompressed when `stored`).
    static func zip(_ parts: [(String, Data)], compressed: Bool = true) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, content) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(content.count),
                compressionMethod: compressed ? .deflate : .none,
                provider: { position, size in content.subdata(in: Int(position)..<Int(position) + size) })
        }
        return archive.data!
    }

    static let contentTypes = Data(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        </Types>
        """.utf8)

    static let relationships = Data(
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """.utf8)

    static func document(_ body: String, prolog: String = "") -> Data {
        Data(
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\(prolog)
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
            """.utf8)
    }

    static func docx(document: Data) throws -> Data {
        try zip([("[Content_Types].xml", contentTypes), ("_rels/.rels", relationships), ("word/document.xml", document)])
    }

    /// Every malformed input of the importer issue: file name, bytes, and a word the message must contain.
    static func all() throws -> [(name: String, data: Data, reason: String)] {
        let valid = try docx(document: document("<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>"))
        let billionLaughs = """

            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            """
        return [
            ("rong.txt", Data(), "rỗng"),
            ("rac.bin", Data((0..<8192).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 13) }), "rac.bin"),
            ("khong-phai-zip.docx", Data("PK\u{03}\u{04}hỏng".utf8) + Data(repeating: 0xFF, count: 100), "khong-phai-zip.docx"),
            ("thieu-document.docx", try zip([("[Content_Types].xml", contentTypes), ("_rels/.rels", relationships)]), "document.xml"),
            (
                "bom-zip.docx",
                try zip([
                    ("[Content_Types].xml", contentTypes), ("_rels/.rels", relationships),
                    ("word/document.xml", Data(repeating: 0x20, count: 60 * 1024 * 1024)),
                ]), "MB"
            ),
            ("dtd.docx", try docx(document: document("<w:p/>", prolog: "\n<!DOCTYPE w:document>")), "DTD"),
            (
                "thuc-the-ngoai.docx",
                try docx(document: document("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", prolog: "\n<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")),
                "DTD"
            ),
            ("mo-rong-thuc-the.docx", try docx(document: document("<w:p><w:r><w:t>&lol3;</w:t></w:r></w:p>", prolog: billionLaughs)), "DTD"),
            ("cat-cut.docx", valid.prefix(valid.count / 2), "cat-cut.docx"),
            ("qua-lon.txt", Data(repeating: 0x41, count: 21 * 1024 * 1024), "MB"),
        ]
    }
}
