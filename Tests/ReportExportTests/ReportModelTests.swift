import Foundation
import PlanCore
import ReportExport
import Testing

@Suite("The report model stored with a submission")
struct ReportModelTests {
    @Test("the model reads back as the same report and writes the same bytes in every format")
    func roundTrip() throws {
        let report = try SamplePlan.report()
        let text = try report.modelText()
        #expect(try report.modelText() == text, "the same report gives the same model text")
        let back = try Report(modelText: text, frozenJSON: report.jsonText(), snapshotName: "số 1")
        #expect(back == report)
        #expect(back.docxData() == report.docxData())
        #expect(back.csvData() == report.csvData())
        #expect(back.markdown() == report.markdown())
    }

    @Test("a model that does not write the hashed JSON, or does not parse, is refused with the snapshot named")
    func refusals() throws {
        let report = try SamplePlan.report()
        var other = report
        other.issues = "Nội dung khác với bản đã băm"
        #expect(throws: ReportExportError.self) {
            try Report(modelText: other.modelText(), frozenJSON: report.jsonText(), snapshotName: "số 3")
        }
        do {
            _ = try Report(modelText: #"{"reporter": 1}"#, frozenJSON: report.jsonText(), snapshotName: "số 3")
            Issue.record("an unreadable model was accepted")
        } catch {
            #expect(error.description.hasPrefix("Bản đã nộp số 3: không đọc được"), "\(error)")
        }
        let reversed = #"{"from":"2024-06-14","to":"2024-03-15"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DayRange.self, from: Data(reversed.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Day.self, from: Data(#""2024-02-30""#.utf8)) }
    }
}
