import Foundation
import OOXML
import Testing

/// The visible text of a paragraph, as Word displays it.
@Suite("Paragraph text")
struct ParagraphTextTests {
    static func read(_ body: String, styles: String? = nil) throws -> [WordParagraph] {
        try WordDocument(docx: try TestPackage.docx(body: body, styles: styles)).paragraphs
    }

    @Test("Tabs become \\t, text-wrapping breaks and carriage returns become \\n, hyphens are kept")
    func tabsAndBreaks() throws {
        let body = """
            <w:p><w:r><w:t>Số:</w:t><w:tab/><w:t>96</w:t><w:br/><w:t>dòng hai</w:t><w:cr/>\
            <w:t>ba</w:t><w:br w:type="textWrapping"/><w:t>bốn</w:t><w:noBreakHyphen/><w:t>năm</w:t>\
            <w:softHyphen/><w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p>
            """
        #expect(try Self.read(body).map(\.text) == ["Số:\t96\ndòng hai\nba\nbốn-năm"])
    }

    @Test("Page breaks are not text but mark the paragraph; lastRenderedPageBreak does not")
    func pageBreaks() throws {
        let body = """
            <w:p><w:r><w:t>trước</w:t></w:r></w:p>\
            <w:p><w:r><w:br w:type="page"/><w:t>tuyên</w:t></w:r></w:p>\
            <w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>truyền</w:t></w:r></w:p>\
            <w:p><w:r><w:lastRenderedPageBreak/><w:t>sau</w:t></w:r></w:p>
            """
        let paragraphs = try Self.read(body)
        #expect(paragraphs.map(\.text) == ["trước", "tuyên", "truyền", "sau"])
        #expect(paragraphs.map(\.pageBreakBefore) == [false, true, true, false])
    }

    @Test("Whitespace is kept as written, not trimmed")
    func whitespaceKept() throws {
        let body = "<w:p><w:r><w:t xml:space=\"preserve\">  hai  khoảng </w:t></w:r></w:p>"
        #expect(try Self.read(body).map(\.text) == ["  hai  khoảng "])
    }

    @Test("Tracked changes: deletions and moved-away text are skipped, insertions kept")
    func trackedChanges() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Kế hoạch </w:t></w:r>\
            <w:del w:id="1" w:author="A"><w:r><w:delText>cũ </w:delText></w:r></w:del>\
            <w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">mới </w:t></w:r></w:ins>\
            <w:moveFrom w:id="3" w:author="A"><w:r><w:t>đi</w:t></w:r></w:moveFrom>\
            <w:moveTo w:id="4" w:author="A"><w:r><w:t>đến</w:t></w:r></w:moveTo></w:p>
            """
        #expect(try Self.read(body).map(\.text) == ["Kế hoạch mới đến"])
    }

    @Test("Field codes are skipped and field results kept (complex, nested and simple fields)")
    func fields() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:r><w:t xml:space="preserve"> / </w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>NUMPAGES</w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>9</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> &gt; 1 "x"</w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p>
            """
        #expect(try Self.read(body).map(\.text) == ["Trang 3 / x7"])
    }

    @Test("Hyperlinks, smart tags, custom XML and content controls keep their text")
    func wrappersKeepText() throws {
        let body = """
            <w:p><w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve">Cổng </w:t></w:r></w:hyperlink>\
            <w:smartTag w:uri="urn:x" w:element="place"><w:smartTagPr/><w:r><w:t>Bình </w:t></w:r></w:smartTag>\
            <w:customXml w:element="x"><w:r><w:t>Phước</w:t></w:r></w:customXml>\
            <w:sdt><w:sdtPr><w:alias w:val="Tên"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>, 2024</w:t></w:r>\
            </w:sdtContent></w:sdt><w:bookmarkStart w:id="0" w:name="a"/><w:proofErr w:type="spellStart"/></w:p>\
            <w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>khối</w:t></w:r></w:p></w:sdtContent></w:sdt>
            """
        #expect(try Self.read(body).map(\.text) == ["Cổng Bình Phước, 2024", "khối"])
    }

    @Test("Drawings, text boxes and hidden runs are not part of the text; caps are shown upper-case")
    func invisibleContent() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Mục </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>\
            <w:r><w:drawing><wp:inline xmlns:wp="urn:wp"><w:txbxContent><w:p><w:r><w:t>hộp</w:t></w:r></w:p>\
            </w:txbxContent></wp:inline></w:drawing></w:r>\
            <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice>\
            <mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r>\
            <w:r><w:rPr><w:caps/></w:rPr><w:t>đích</w:t></w:r></w:p>
            """
        #expect(try Self.read(body).map(\.text) == ["Mục ĐÍCH"])
    }

    @Test("Bold and italic describe all visible runs; whitespace-only runs do not count")
    func boldAndItalic() throws {
        let body = """
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>I. MỤC</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>\
            <w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>ĐÍCH</w:t></w:r></w:p>\
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>đậm</w:t></w:r><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>thường</w:t></w:r></w:p>\
            <w:p><w:r><w:rPr><w:i w:val="true"/></w:rPr><w:t>nghiêng</w:t></w:r></w:p>\
            <w:p/>
            """
        let paragraphs = try Self.read(body)
        #expect(paragraphs.map(\.isBold) == [true, false, false, false])
        #expect(paragraphs.map(\.isItalic) == [false, false, true, false])
        #expect(paragraphs.last?.text == "")
    }

    @Test("Formatting and outline levels resolve through styles, basedOn chains and document defaults")
    func styleResolution() throws {
        let styles = """
            <w:docDefaults><w:rPrDefault><w:rPr><w:i/></w:rPr></w:rPrDefault></w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>\
            <w:pPr><w:jc w:val="both"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:i w:val="0"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Chuong"><w:name w:val="Chương"/><w:basedOn w:val="Heading1"/>\
            <w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>\
            <w:style w:type="character" w:styleId="Manh"><w:name w:val="Mạnh"/><w:rPr><w:b/></w:rPr></w:style>
            """
        let body = TestPackage.paragraph("Tiêu đề", properties: "<w:pStyle w:val=\"Heading1\"/>")
            + TestPackage.paragraph("Chương", properties: "<w:pStyle w:val=\"Chuong\"/>")
            + TestPackage.paragraph("Thân", properties: "")
            + TestPackage.paragraph("Nhấn", properties: "<w:jc w:val=\"end\"/>", run: "<w:rStyle w:val=\"Manh\"/>")
            + TestPackage.paragraph("Đề cương", properties: "<w:outlineLvl w:val=\"3\"/>")
        let paragraphs = try Self.read(body, styles: styles)
        #expect(paragraphs.map(\.outlineLevel) == [0, 2, nil, nil, 3])
        #expect(paragraphs.map(\.alignment) == ["center", "center", "both", "right", "both"])
        #expect(paragraphs.map(\.isBold) == [true, true, false, true, false])
        #expect(paragraphs.map(\.isItalic) == [false, false, true, true, true])
        #expect(paragraphs.map(\.styleID) == ["Heading1", "Chuong", nil, nil, nil])
    }

    @Test("A main part under another name or namespace prefix is found through the relationships")
    func unusualPackageLayout() throws {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <x:body><x:p><x:r><x:t>khác tên</x:t></x:r></x:p></x:body></x:document>
            """
        let rels = TestPackage.packageRelationships.replacingOccurrences(of: "word/document.xml", with: "/doc/main.xml")
        let data = try TestPackage.zip([
            ("[Content_Types].xml", Data(TestPackage.contentTypes.utf8)), ("_rels/.rels", Data(rels.utf8)),
            ("doc/main.xml", Data(document.utf8)),
        ])
        #expect(try WordDocument(docx: data).paragraphs.map(\.text) == ["khác tên"])
    }
}
