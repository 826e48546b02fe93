import Foundation
import PlanCore
import ReportExport
import TestSupport
import Testing

@Suite("CSV rendering")
struct ReportCSVTests {
    @Test("UTF-8 with BOM, CRLF rows, Vietnamese headers, one row per activity")
    func layout() throws {
        let report = try SamplePlan.report()
        let bytes = report.csvData()
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("STT,Mã,Nhóm,Nhiệm vụ,Chủ trì,Phối hợp,Thời gian,Tình trạng,Kết quả,Số lượng,Minh chứng,Nhiệm vụ cấp trên\r\n"))
        #expect(text.hasSuffix("\r\n"))
        // Rows end with CRLF; line breaks inside quoted cells are bare LF.
        #expect(text.components(separatedBy: "\r\n").count - 2 == report.activities.count)
    }

    @Test("fields with commas, quotes or line breaks are quoted, quotes doubled")
    func quoting() throws {
        var activity = Sample.activity(
            1, "II.1", Sample.schedule(.continuous, "2024-01-01", "2024-12-31", text: "Thường xuyên, liên tục"),
            progress: [
                Sample.entry(1, "2024-04-01", text: "Bài \"Cải cách\" số 1", quantity: 1, quantityUnit: "bài"),
                Sample.entry(2, "2024-04-02", text: "Bài số 2", quantity: 1, quantityUnit: "bài"),
            ])
        activity.title = "Tuyên truyền"
        let text = try Sample.report([activity]).csvText()
        let row = text.components(separatedBy: "\r\n")[1]
        #expect(
            row
                == "1,II.1,,Tuyên truyền,Văn phòng Sở,,\"Thường xuyên, liên tục\",Đang thực hiện,"
                + "\"01/04/2024 - Văn phòng Sở: Bài \"\"Cải cách\"\" số 1 (1 bài)\n02/04/2024 - Văn phòng Sở: Bài số 2 (1 bài)\","
                + "2 bài,,")
    }

    @Test("With \";\" for Excel under Vietnamese settings: fields holding \";\" are quoted, commas are not; the cells are the same")
    func semicolon() throws {
        var activity = Sample.activity(
            1, "II.1", Sample.schedule(.continuous, "2024-01-01", "2024-12-31", text: "Thường xuyên, liên tục"),
            progress: [Sample.entry(1, "2024-04-01", text: "Hội nghị; tọa đàm", quantity: 2, quantityUnit: "buổi")])
        activity.title = "Tuyên truyền"
        let report = try Sample.report([activity])
        let text = report.csvText(separator: .semicolon)
        #expect(text.hasPrefix("STT;Mã;Nhóm;Nhiệm vụ;Chủ trì;"))
        #expect(
            text.components(separatedBy: "\r\n")[1]
                == "1;II.1;;Tuyên truyền;Văn phòng Sở;;Thường xuyên, liên tục;Đang thực hiện;"
                + "\"01/04/2024 - Văn phòng Sở: Hội nghị; tọa đàm (2 buổi)\";2 buổi;;")
        let comma = try CSVReader.rows(report.csvText())
        let semi = try CSVReader.rows(text, separator: ";")
        #expect(comma == semi, "the same cells whichever the separator")
        #expect(Array(report.csvData(separator: .semicolon).prefix(3)) == CSVWriter.bom)
    }

    @Test("text a spreadsheet would run as a formula is defused")
    func formulas() throws {
        var activity = Sample.activity(1, "II.1", Sample.schedule(.unspecified, nil, nil, text: "Khi có yêu cầu"))
        activity.title = "=HYPERLINK(\"http://x\")"
        let row = try Sample.report([activity]).csvText().components(separatedBy: "\r\n")[1]
        #expect(row.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","))
    }
}
