import Foundation
import OOXML
import Testing

/// Auto-numbering labels are restored from word/numbering.xml as Word prints them.
@Suite("Numbering labels")
struct NumberingLabelTests {
    static func level(_ index: Int, _ format: String, _ text: String, start: Int = 1, extra: String = "") -> String {
        """
        <w:lvl w:ilvl="\(index)"><w:start w:val="\(start)"/><w:numFmt w:val="\(format)"/>\(extra)\
        <w:lvlText w:val="\(text)"/></w:lvl>
        """
    }

    /// Abstract 10: I. / 1. / a) / bullet; abstract 20: 1. / 1.1.; abstract 30: level 1 never restarts.
    static let numbering = """
        <w:abstractNum w:abstractNumId="10">\(level(0, "upperRoman", "%1."))\(level(1, "decimal", "%2."))\
        \(level(2, "lowerLetter", "%3)"))\(level(3, "bullet", "\u{F0B7}"))\(level(4, "bullet", "+"))</w:abstractNum>\
        <w:abstractNum w:abstractNumId="20">\(level(0, "decimal", "%1."))\(level(1, "decimal", "%1.%2."))</w:abstractNum>\
        <w:abstractNum w:abstractNumId="30">\(level(0, "decimal", "%1."))\
        \(level(1, "decimal", "%2)", extra: "<w:lvlRestart w:val=\"0\"/>"))</w:abstractNum>\
        <w:abstractNum w:abstractNumId="40">\(level(0, "decimal", "Điều %1."))\(level(1, "decimalZero", "%2."))\
        \(level(2, "upperLetter", "%3."))\(level(3, "lowerRoman", "(%4)"))</w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>\
        <w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>\
        <w:num w:numId="3"><w:abstractNumId w:val="20"/>\
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>\
        <w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>\
        <w:num w:numId="5"><w:abstractNumId w:val="40"/></w:num>\
        <w:num w:numId="6"><w:abstractNumId w:val="10"/></w:num>
        """

    static func labels(_ paragraphs: [(String, Int, Int)], styles: String? = nil) throws -> [String?] {
        let body = paragraphs.map { TestPackage.numbered($0.0, numID: $0.1, level: $0.2) }.joined()
        let document = try WordDocument(docx: try TestPackage.docx(body: body, numbering: numbering, styles: styles))
        return document.paragraphs.map(\.numberingLabel)
    }

    @Test("Roman, Arabic, letter and bullet levels restart when a shallower level advances")
    func outlineWithRestarts() throws {
        let labels = try Self.labels([
            ("MỤC ĐÍCH", 1, 0), ("Mục đích", 1, 1), ("Một", 1, 2), ("Hai", 1, 2), ("Ý", 1, 3), ("Cộng", 1, 4),
            ("Yêu cầu", 1, 1), ("Ba", 1, 2), ("NỘI DUNG", 1, 0), ("Nhiệm vụ", 1, 1), ("Bốn", 1, 2),
        ])
        #expect(labels == ["I.", "1.", "a)", "b)", "-", "+", "2.", "a)", "II.", "1.", "a)"])
    }

    @Test("Multi-level templates print every referenced level: 1. 1.1. 1.2. 2. 2.1.")
    func multiLevelTemplates() throws {
        let labels = try Self.labels([("A", 2, 0), ("B", 2, 1), ("C", 2, 1), ("D", 2, 0), ("E", 2, 1)])
        #expect(labels == ["1.", "1.1.", "1.2.", "2.", "2.1."])
    }

    @Test("A numbering instance with startOverride restarts the shared list at its value")
    func startOverride() throws {
        let labels = try Self.labels([("A", 2, 0), ("B", 2, 0), ("C", 3, 0), ("D", 3, 1), ("E", 3, 0)])
        #expect(labels == ["1.", "2.", "5.", "5.1.", "6."])
    }

    @Test("Instances of one abstract numbering without overrides continue its count, as in Word")
    func sharedAbstractContinues() throws {
        let labels = try Self.labels([("A", 1, 0), ("B", 1, 1), ("C", 6, 0), ("D", 6, 1)])
        #expect(labels == ["I.", "1.", "II.", "1."])
    }

    @Test("lvlRestart 0 keeps a deeper level counting across shallower levels")
    func neverRestart() throws {
        let labels = try Self.labels([("A", 4, 0), ("B", 4, 1), ("C", 4, 0), ("D", 4, 1)])
        #expect(labels == ["1.", "1)", "2.", "2)"])
    }

    @Test("Literal text, decimalZero, upperLetter and lowerRoman formats")
    func formats() throws {
        let labels = try Self.labels([("A", 5, 0), ("B", 5, 1), ("C", 5, 2), ("D", 5, 3), ("E", 5, 3), ("F", 5, 0)])
        #expect(labels == ["Điều 1.", "01.", "A.", "(i)", "(ii)", "Điều 2."])
    }

    @Test("Numbering levels are reported; unnumbered paragraphs and numId 0 have no label")
    func levelsAndUnnumbered() throws {
        let body = TestPackage.numbered("A", numID: 1, level: 1) + TestPackage.paragraph("plain")
            + TestPackage.numbered("B", numID: 0, level: 0) + TestPackage.numbered("C", numID: 99, level: 0)
        let document = try WordDocument(docx: try TestPackage.docx(body: body, numbering: Self.numbering))
        #expect(document.paragraphs.map(\.numberingLevel) == [1, nil, nil, nil])
        #expect(document.paragraphs.map(\.numberingLabel) == ["1.", nil, nil, nil])
    }

    @Test("A style's numbering applies when the paragraph has none; direct numId 0 switches it off")
    func styleBasedNumbering() throws {
        let styles = """
            <w:style w:type="paragraph" w:styleId="Muc"><w:name w:val="Muc"/>\
            <w:pPr><w:numPr><w:numId w:val="2"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="MucCon"><w:name w:val="Muc con"/><w:basedOn w:val="Muc"/>\
            <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
            """
        let body = TestPackage.paragraph("Một", properties: "<w:pStyle w:val=\"Muc\"/>")
            + TestPackage.paragraph("Một một", properties: "<w:pStyle w:val=\"MucCon\"/>")
            + TestPackage.paragraph("Hai", properties: "<w:pStyle w:val=\"Muc\"/>")
            + TestPackage.paragraph(
                "Không số", properties: "<w:pStyle w:val=\"Muc\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>")
        let document = try WordDocument(
            docx: try TestPackage.docx(body: body, numbering: Self.numbering, styles: styles))
        #expect(document.paragraphs.map(\.numberingLabel) == ["1.", "1.1.", "2.", nil])
        #expect(document.paragraphs.map(\.outlineLevel) == [1, 1, 1, 1])
        #expect(document.paragraphs.map(\.styleID) == ["Muc", "MucCon", "Muc", "Muc"])
    }

    @Test("Paragraphs inside tables take part in the same counters")
    func numberingInsideTables() throws {
        let table = "<w:tbl><w:tr><w:tc>\(TestPackage.numbered("B", numID: 2, level: 0))</w:tc></w:tr></w:tbl>"
        let body = TestPackage.numbered("A", numID: 2, level: 0) + table + TestPackage.numbered("C", numID: 2, level: 0)
        let document = try WordDocument(docx: try TestPackage.docx(body: body, numbering: Self.numbering))
        #expect(document.paragraphs.map(\.numberingLabel) == ["1.", "3."])
        #expect(document.tables.first?.rows.first?.first?.paragraphs.first?.numberingLabel == "2.")
    }
}
