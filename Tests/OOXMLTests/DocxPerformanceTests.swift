import Foundation
import OOXML
import Testing

/// Large tables survive the writer and the reader intact. How fast that is gets measured in the
/// benchmarks (docs/benchmarks.md), never asserted here.
@Suite("Large documents")
struct DocxPerformanceTests {
    @Test("A 2,000-row table is written and read back, every row intact")
    func largeTable() throws {
        let document = SampleDocument.report(annexRows: 2000)
        let data = document.docxData()
        let table = try #require(try WordDocument(docx: data).tables.last)
        #expect(table.rows.count == 2002)
        #expect(table.rows.last?.first?.text == "2000")
    }
}
