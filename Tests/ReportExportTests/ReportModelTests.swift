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

@Suite("Wording a Văn phòng would write")
struct ReportWordingTests {
    @Test("a quantity the text states is not repeated; people are participants, not products; a rate of nothing is left out")
    func wording() throws {
        let activity = Sample.activity(
            1, "II.1", Sample.schedule(.continuous, "2024-01-01", "2024-12-31"),
            progress: [
                Sample.entry(1, "2024-04-01", text: "Hội nghị cho 120 người dự", quantity: 120, quantityUnit: "người"),
                Sample.entry(2, "2024-04-02", text: "Đăng tin", quantity: 3, quantityUnit: "tin, bài"),
            ])
        let md = try Sample.report([activity]).markdown()
        #expect(md.contains("Hội nghị cho 120 người dự |") || md.contains("Hội nghị cho 120 người dự<br>"), "\(md)")
        #expect(!md.contains("120 người dự (120 người)"))
        #expect(md.contains("Đăng tin (3 tin, bài)"))
        #expect(md.contains("sản phẩm đã thực hiện: 3 tin, bài; số người tham gia: 120 người"), "\(md)")
        #expect(md.contains("Người tham gia (người)"))
        #expect(!md.contains("đạt 0%"))
        #expect(md.contains("trong kỳ chưa có nhiệm vụ hoàn thành") || md.contains("1 nhiệm vụ đang thực hiện."), "\(md)")
    }
}
