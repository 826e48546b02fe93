import Foundation
import OOXML
import Testing

/// What the writer produces reads back, through our own reader, as the text and tables written.
@Suite("Docx round trip")
struct DocxRoundTripTests {
    @Test("The sample report reads back: header table, title, body, annex table")
    func sampleReport() throws {
        let document = try WordDocument(docx: SampleDocument.report().docxData())
        guard case .table(let header)? = document.body.first else {
            Issue.record("the header table should come first")
            return
        }
        #expect(header.rows[0].map { $0.paragraphs.map(\.text) } == [
            ["UBND TỈNH BÌNH PHƯỚC", "SỞ TƯ PHÁP", "", "Số: 05/BC-STP"],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
             "Bình Phước, ngày 05 tháng 01 năm 2025"],
        ])
        #expect(header.rows[0][1].paragraphs.map(\.isBold) == [true, true, false, false])
        #expect(header.rows[0][1].paragraphs.last?.isItalic == true)
        let paragraphs = document.paragraphs
        let title = try #require(paragraphs.first { $0.text == "BÁO CÁO" })
        #expect(title.isBold && title.alignment == "center")
        let heading = try #require(paragraphs.first { $0.text == "I. KẾT QUẢ THỰC HIỆN" })
        #expect(heading.outlineLevel == 0 && heading.isBold)
        let body = try #require(paragraphs.first { $0.text.hasPrefix("1. Đoạn nội dung số 1:") })
        #expect(body.alignment == "both" && !body.isBold)
        #expect(body.text.contains("pháp luật & tuyên truyền về dịch vụ công trực tuyến <mức độ 4>"))

        let annex = try #require(document.tables.last)
        #expect(annex.rows.count == 42)
        #expect(annex.rows[0].map(\.text) == ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian", "Kết quả"])
        #expect(annex.rows[1].map(\.gridSpan) == [1, 5])
        #expect(annex.rows[41].first?.text == "40")
    }

    @Test("Tabs, line breaks, page breaks and fields come back as the reader defines them")
    func runContent() throws {
        let paragraph = DocxParagraph([
            DocxRun("Số:\t05\ndòng hai\r\nba"), DocxRun(.pageBreak), DocxRun("sau"),
            DocxRun(.field(instruction: "PAGE", placeholder: "7")),
        ])
        let document = DocxDocument(sections: [DocxSection(blocks: [.paragraph(paragraph)], margins: SampleDocument.portraitMargins)])
        let read = try WordDocument(docx: document.docxData()).paragraphs
        #expect(read.map(\.text) == ["Số:\t05\ndòng hai\nbasau7"])
        #expect(read.first?.pageBreakBefore == true)
    }

    @Test("Merged cells: gridSpan and vertical merges survive the round trip")
    func mergedCells() throws {
        let table = DocxTable(columnWidths: [.mm(20), .mm(40), .mm(40)], rows: [
            DocxTableRow([DocxTableCell([DocxParagraph(text: "A")], verticalMerge: .restart),
                          DocxTableCell(text: "B", gridSpan: 2)], isHeader: true),
            DocxTableRow([DocxTableCell([], verticalMerge: .continuation), DocxTableCell(text: "c"), DocxTableCell(text: "d")]),
        ])
        let document = DocxDocument(sections: [DocxSection(blocks: [.table(table)], margins: SampleDocument.portraitMargins)])
        let read = try #require(try WordDocument(docx: document.docxData()).tables.first)
        #expect(read.rows.map { $0.map(\.text) } == [["A", "B"], ["", "c", "d"]])
        #expect(read.rows.map { $0.map(\.gridSpan) } == [[1, 2], [1, 1, 1]])
        #expect(read.rows.map { $0.map(\.verticalMerge) } == [[.restart, .none], [.continuation, .none, .none]])
    }

    @Test("Hyperlinks keep their text and get an external relationship")
    func hyperlinks() throws {
        let url = "https://stp.binhphuoc.gov.vn/tin?id=1&lang=vi"
        let paragraph = DocxParagraph([DocxRun("Xem "), DocxRun("bài viết", link: url), DocxRun(" tại đây", link: url)])
        let data = DocxDocument(sections: [DocxSection(blocks: [.paragraph(paragraph)], margins: SampleDocument.portraitMargins)]).docxData()
        #expect(try WordDocument(docx: data).paragraphs.map(\.text) == ["Xem bài viết tại đây"])
        let rels = try PackageParts.text(data, "word/_rels/document.xml.rels")
        #expect(rels.contains("Target=\"https://stp.binhphuoc.gov.vn/tin?id=1&amp;lang=vi\" TargetMode=\"External\""))
        #expect(rels.components(separatedBy: "TargetMode=\"External\"").count == 2)
    }

    @Test("A document without sections is still a valid, empty document")
    func emptyDocument() throws {
        #expect(try WordDocument(docx: DocxDocument(sections: []).docxData()).body.isEmpty)
    }
}
