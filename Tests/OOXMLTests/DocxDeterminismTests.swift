import Foundation
import OOXML
import Testing

/// The writer's output depends only on the model: same model, same bytes; fixed layout of the package.
@Suite("Docx writer determinism")
struct DocxDeterminismTests {
    @Test("Two builds of the same model are byte-identical; a different model differs")
    func byteIdentical() throws {
        let first = SampleDocument.report().docxData()
        let second = SampleDocument.report().docxData()
        #expect(first == second)
        #expect(SampleDocument.report(annexRows: 41).docxData() != first)
        if let directory = ProcessInfo.processInfo.environment["OOXML_SAMPLE_OUTPUT"] {
            try first.write(to: URL(fileURLWithPath: directory).appendingPathComponent("sample.docx"))
        }
    }

    @Test("Entries come in a fixed order, all dated 1980-01-01 00:00")
    func packageLayout() throws {
        let parts = try PackageParts.read(SampleDocument.report().docxData())
        #expect(parts.map(\.path) == [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
            "word/styles.xml", "word/settings.xml", "word/header1.xml", "word/header2.xml",
            "word/_rels/document.xml.rels",
        ])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        for part in parts {
            let components = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: part.modificationDate)
            #expect([components.year, components.month, components.day, components.hour, components.minute]
                == [1980, 1, 1, 0, 0], "\(part.path)")
        }
    }

    @Test("No clock or random value leaks in: core.xml carries only what the model gives")
    func noImplicitTimestamps() throws {
        let data = DocxDocument(sections: [DocxSection(margins: SampleDocument.portraitMargins)]).docxData()
        let core = try PackageParts.text(data, "docProps/core.xml")
        #expect(!core.contains("dcterms:created") && !core.contains("dcterms:modified"))
        var properties = DocxProperties(title: "Báo cáo", created: "2025-01-05T08:00:00Z")
        properties.modified = "2025-01-06T08:00:00Z"
        let dated = DocxDocument(sections: [DocxSection(margins: SampleDocument.portraitMargins)], properties: properties)
        let datedCore = try PackageParts.text(dated.docxData(), "docProps/core.xml")
        #expect(datedCore.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-01-05T08:00:00Z</dcterms:created>"))
        #expect(datedCore.contains("<dc:title>Báo cáo</dc:title>"))
    }
}
