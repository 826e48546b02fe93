import Foundation
import OOXML
import Testing

/// Everything the writer emits is well-formed XML, whatever text it is given.
@Suite("Docx escaping and well-formedness")
struct DocxEscapingTests {
    static func parseAll(_ data: Data) throws -> Int {
        var parsed = 0
        for part in try PackageParts.read(data) where part.path.hasSuffix(".xml") || part.path.hasSuffix(".rels") {
            var parser = try XMLPullParser(part.bytes, part: part.path)
            while try parser.next() != .endOfDocument {}
            parsed += 1
        }
        return parsed
    }

    @Test("Every part of the sample report is well-formed XML for our strict parser")
    func samplePartsWellFormed() throws {
        #expect(try Self.parseAll(SampleDocument.report().docxData()) == 10)
    }

    @Test("Markup characters are escaped and control characters dropped, in text and attributes")
    func escaping() throws {
        let hostile = "a<b>&c\"d'e \u{0}\u{1}\u{B}\u{C}\u{1F}\u{FFFE}\u{FFFF}f ]]> <!DOCTYPE x> &amp;"
        let expected = "a<b>&c\"d'e f ]]> <!DOCTYPE x> &amp;"
        var paragraph = DocxParagraph([DocxRun(hostile, font: "Times \"New\" <Roman> & 'Co'", link: "http://x/?a=1&b=\"2\"")])
        paragraph.runs.append(DocxRun(.field(instruction: "PAGE \\* <MERGEFORMAT>", placeholder: hostile)))
        var section = DocxSection(blocks: [.paragraph(paragraph)], margins: SampleDocument.portraitMargins)
        section.header = [DocxParagraph(text: hostile)]
        let document = DocxDocument(
            sections: [section], defaultFont: "A&B\"", language: "vi-VN\"<",
            properties: DocxProperties(title: hostile, creator: hostile), application: hostile)
        let data = document.docxData()
        #expect(try Self.parseAll(data) == 9)
        #expect(try WordDocument(docx: data).paragraphs.map(\.text) == [expected + expected])
    }

    @Test("Text is written in NFC")
    func nfc() throws {
        let decomposed = "Ho\u{300}a Bi\u{300}nh"
        let document = DocxDocument(sections: [DocxSection(
            blocks: [.paragraph(DocxParagraph(text: decomposed))], margins: SampleDocument.portraitMargins)])
        let text = try #require(try WordDocument(docx: document.docxData()).paragraphs.first?.text)
        #expect(text.unicodeScalars.elementsEqual("Hòa Bình".precomposedStringWithCanonicalMapping.unicodeScalars))
        #expect(text.unicodeScalars.count == 8)
    }
}
