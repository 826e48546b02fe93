import PlanCore
import ReportExport
import Testing

@Suite("Large reports")
struct LargeReportLayoutTests {
    private func activities(_ count: Int) -> [ActivityRecord] {
        (1...count).map { index in
            Sample.activity(
                Int64(index), "II.\(index)", Sample.schedule(.continuous, "2024-01-01", "2024-12-31", text: "Thường xuyên"),
                progress: [
                    Sample.entry(
                        Int64(index), "2024-04-01", text: "Kết quả \(index)",
                        evidence: [Evidence(kind: .url, value: "https://example.gov.vn/\(index)")])
                ])
        }
    }

    @Test("up to the limit, the body details every result")
    func detailed() throws {
        let md = try Sample.report(activities(3)).markdown()
        #expect(md.contains("- Kết quả trong kỳ:"))
        #expect(md.contains("  - Ngày 01/04/2024, Văn phòng Sở: Kết quả 2."))
    }

    @Test("above it, one line per activity in the body; results and evidence stay in the annex")
    func compact() throws {
        let report = try Sample.report(activities(101))
        let md = report.markdown()
        #expect(!md.contains("- Kết quả trong kỳ:"))
        #expect(md.contains("chi tiết tại Phụ lục kèm theo"))
        // A paragraph starting "2.101." is escaped so Markdown does not read it as a numbered list.
        #expect(md.contains("2\\.101. Nhiệm vụ II.101 (II.101): **Đang thực hiện**; 1 kết quả, 1 tài liệu kiểm chứng."))
        #expect(md.contains("01/04/2024 - Văn phòng Sở: Kết quả 101 | Đang thực hiện | https://example.gov.vn/101 |"))
    }
}
