import Foundation
import OOXML
import Testing

/// Page setup, sections, headers and the short rules are written as WordprocessingML expects.
@Suite("Docx layout")
struct DocxLayoutTests {
    /// Start tags of `part` with their attributes, in document order.
    static func tags(_ data: Data, _ part: String) throws -> [XMLStartTag] {
        let text = try PackageParts.text(data, part)
        var parser = try XMLPullParser(Array(text.utf8), part: part)
        var tags: [XMLStartTag] = []
        while true {
            switch try parser.next() {
            case .start(let tag): tags.append(tag)
            case .endOfDocument: return tags
            default: continue
            }
        }
    }

    @Test("A4 portrait then landscape: page sizes, orientation and margins in twips")
    func pageSetup() throws {
        let tags = try Self.tags(SampleDocument.report().docxData(), "word/document.xml")
        let sizes = tags.filter { $0.name == "w:pgSz" }
        #expect(sizes.map { [$0["w:w"], $0["w:h"], $0["w:orient"]] } == [
            ["11906", "16838", nil], ["16838", "11906", "landscape"],
        ])
        let margins = try #require(tags.first { $0.name == "w:pgMar" })
        #expect([margins["w:top"], margins["w:left"], margins["w:right"], margins["w:header"]] == ["1134", "1701", "850", "567"])
    }

    @Test("Page numbers from page 2: titlePg, an empty first-page header and a centred PAGE field")
    func pageNumbersFromSecondPage() throws {
        let data = SampleDocument.report().docxData()
        let document = try Self.tags(data, "word/document.xml")
        let references = document.filter { $0.name == "w:headerReference" }
        #expect(references.map { [$0["w:type"], $0["r:id"]] } == [["default", "rIdHeader1"], ["first", "rIdHeader2"]])
        #expect(document.filter { $0.name == "w:titlePg" }.count == 1)
        let header = try Self.tags(data, "word/header1.xml")
        #expect(header.contains { $0.name == "w:jc" && $0["w:val"] == "center" })
        #expect(header.contains { $0.name == "w:fldChar" && $0["w:fldCharType"] == "begin" })
        #expect(try PackageParts.text(data, "word/header1.xml").contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        #expect(try Self.tags(data, "word/header2.xml").map(\.name) == ["w:hdr", "w:p"])
        let rels = try PackageParts.text(data, "word/_rels/document.xml.rels")
        #expect(rels.contains("Id=\"rIdHeader2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header2.xml\""))
        let types = try PackageParts.text(data, "[Content_Types].xml")
        #expect(types.contains("PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\""))
    }

    @Test("A section ending with a table gets a small carrier paragraph for its sectPr")
    func sectionBreakAfterTable() throws {
        let data = SampleDocument.report().docxData()
        let document = try Self.tags(data, "word/document.xml")
        let names = document.map(\.name)
        let firstSection = try #require(names.firstIndex(of: "w:sectPr"))
        #expect(names[..<firstSection].last(where: { $0 == "w:p" || $0 == "w:tbl" || $0 == "w:pPr" }) == "w:pPr")
        #expect(names.filter { $0 == "w:sectPr" }.count == 2)
    }

    @Test("A rule is an empty paragraph with a bottom border between equal indents")
    func rule() {
        let rule = DocxParagraph.rule(width: .mm(20), centredIn: .mm(60))
        #expect(rule.runs.isEmpty)
        #expect(rule.leftIndent == .mm(20) && rule.rightIndent == .mm(20))
        #expect(rule.bottomBorder?.style == .single)
        #expect(rule.lineSpacing == .exactly(.pt(1)))
    }

    @Test("Defaults: Times New Roman, size and vi-VN language in styles.xml; compatibility mode 15")
    func defaults() throws {
        let data = DocxDocument(sections: [], defaultFontSize: .pt(13)).docxData()
        let styles = try Self.tags(data, "word/styles.xml")
        #expect(styles.first { $0.name == "w:rFonts" }?["w:ascii"] == "Times New Roman")
        #expect(styles.first { $0.name == "w:sz" }?["w:val"] == "26")
        #expect(styles.first { $0.name == "w:lang" }?["w:val"] == "vi-VN")
        let settings = try Self.tags(data, "word/settings.xml")
        #expect(settings.first { $0.name == "w:compatSetting" }?["w:val"] == "15")
    }

    @Test("Lengths convert to twips and font sizes to half-points")
    func units() {
        #expect(DocxLength.mm(30).twips == 1701)
        #expect(DocxLength.cm(1.27).twips == 720)
        #expect(DocxLength.pt(6).twips == 120)
        #expect(DocxLength.inches(1).twips == 1440)
        #expect(DocxFontSize.pt(13).halfPoints == 26)
        #expect(DocxFontSize.pt(13.5).halfPoints == 27)
    }
}
