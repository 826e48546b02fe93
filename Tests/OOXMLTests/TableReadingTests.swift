import Foundation
import OOXML
import Testing

/// Tables: rows of cells with spans and merges; nested tables flattened into their cell.
@Suite("Table reading")
struct TableReadingTests {
    static func cell(_ text: String, properties: String = "") -> String {
        let tcPr = properties.isEmpty ? "" : "<w:tcPr>\(properties)</w:tcPr>"
        return "<w:tc>\(tcPr)\(TestPackage.paragraph(text))</w:tc>"
    }

    static func table(_ rows: [[String]]) -> String {
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w=\"100\"/></w:tblGrid>"
            + rows.map { "<w:tr>\($0.joined())</w:tr>" }.joined() + "</w:tbl>"
    }

    @Test("Horizontal spans and vertical merges are reported per cell as written")
    func mergedCells() throws {
        let body = Self.table([
            [Self.cell("STT", properties: "<w:vMerge w:val=\"restart\"/>"),
             Self.cell("Nội dung", properties: "<w:gridSpan w:val=\"2\"/>")],
            [Self.cell("", properties: "<w:vMerge/>"), Self.cell("a"), Self.cell("b")],
            [Self.cell("I. NHÓM", properties: "<w:gridSpan w:val=\"3\"/>")],
        ])
        let table = try #require(try WordDocument(docx: try TestPackage.docx(body: body)).tables.first)
        #expect(table.rows.map { $0.map(\.text) } == [["STT", "Nội dung"], ["", "a", "b"], ["I. NHÓM"]])
        #expect(table.rows.map { $0.map(\.gridSpan) } == [[1, 2], [1, 1, 1], [3]])
        #expect(table.rows.map { $0.map(\.verticalMerge) } == [[.restart, .none], [.continuation, .none, .none], [.none]])
    }

    @Test("A nested table becomes paragraphs of its cell, in order")
    func nestedTables() throws {
        let inner = Self.table([[Self.cell("x1"), Self.cell("x2")], [Self.cell("y1"), Self.cell("y2")]])
        let body = Self.table([["<w:tc>\(TestPackage.paragraph("trước"))\(inner)\(TestPackage.paragraph("sau"))</w:tc>",
                                Self.cell("bên")]])
        let document = try WordDocument(docx: try TestPackage.docx(body: body))
        #expect(document.tables.count == 1)
        let row = try #require(document.tables.first?.rows.first)
        #expect(row.map(\.text) == ["trước\nx1\nx2\ny1\ny2\nsau", "bên"])
    }

    @Test("Cell text joins paragraphs with newlines; multi-paragraph cells keep every paragraph")
    func cellText() throws {
        let body = Self.table([["<w:tc>\(TestPackage.paragraph("Sở Nội vụ;"))\(TestPackage.paragraph("Sở Tư pháp"))</w:tc>"]])
        let cell = try #require(try WordDocument(docx: try TestPackage.docx(body: body)).tables.first?.rows.first?.first)
        #expect(cell.paragraphs.count == 2)
        #expect(cell.text == "Sở Nội vụ;\nSở Tư pháp")
    }

    @Test("Legacy horizontal merges fold into gridSpan; rows deleted as tracked changes are left out")
    func legacyMergeAndDeletedRows() throws {
        let deletedRow = "<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"A\"/></w:trPr>\(Self.cell("xóa"))</w:tr>"
        let body = "<w:tbl>" + "<w:tr>\(Self.cell("gộp", properties: "<w:hMerge w:val=\"restart\"/>"))"
            + "\(Self.cell("", properties: "<w:hMerge/>"))\(Self.cell("c"))</w:tr>" + deletedRow
            + "<w:sdt><w:sdtContent><w:tr>\(Self.cell("trong sdt"))</w:tr></w:sdtContent></w:sdt></w:tbl>"
        let table = try #require(try WordDocument(docx: try TestPackage.docx(body: body)).tables.first)
        #expect(table.rows.map { $0.map(\.text) } == [["gộp", "c"], ["trong sdt"]])
        #expect(table.rows.first?.map(\.gridSpan) == [2, 1])
    }

    @Test("Body order interleaves paragraphs and tables")
    func documentOrder() throws {
        let body = TestPackage.paragraph("một") + Self.table([[Self.cell("bảng")]]) + TestPackage.paragraph("hai")
        let blocks = try WordDocument(docx: try TestPackage.docx(body: body)).body
        #expect(blocks.count == 3)
        guard case .paragraph = blocks[0], case .table = blocks[1], case .paragraph(let last) = blocks[2] else {
            Issue.record("unexpected block order \(blocks)")
            return
        }
        #expect(last.text == "hai")
    }
}
