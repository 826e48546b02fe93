import Foundation
import OOXML
import Testing

/// Large tables are written in linear time (release builds do 2,000 rows in a few tens of milliseconds).
@Suite("Docx writer performance")
struct DocxPerformanceTests {
    @Test("A 2,000-row table is written and read back quickly, every row intact")
    func largeTable() throws {
        let document = SampleDocument.report(annexRows: 2000)
        let clock = ContinuousClock()
        var data = Data()
        let elapsed = clock.measure { data = document.docxData() }
        #expect(elapsed < .seconds(5), "debug build took \(elapsed)")
        let table = try #require(try WordDocument(docx: data).tables.last)
        #expect(table.rows.count == 2002)
        #expect(table.rows.last?.first?.text == "2000")
    }
}
