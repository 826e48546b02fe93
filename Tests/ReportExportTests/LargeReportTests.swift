import Foundation
import PlanCore
import ReportExport
import Testing

@Suite("Large reports")
struct LargeReportTests {
    /// 2,000 activities of every kind, 100,000 progress entries (some superseded, a third with evidence).
    static func largePlan() -> PlanRecord {
        let units = (0..<40).map { UnitRef(id: Int64(100 + $0), name: "Phòng số \($0 + 1)", kind: .division) }
        let kinds: [Schedule] = [
            Sample.schedule(.continuous, "2024-01-01", "2024-12-31", text: "Thường xuyên"),
            Sample.schedule(.period, "2024-04-01", "2024-06-30", text: "Quý II/2024"),
            Sample.schedule(.deadline, nil, "2024-05-15", text: "Trước ngày 15/5/2024"),
            Sample.schedule(.recurring, "2024-01-01", "2024-12-31", text: "Định kỳ hằng tháng"),
            Sample.schedule(.unspecified, nil, nil, text: "Khi có yêu cầu"),
        ]
        var entryID: Int64 = 0
        let activities = (0..<2_000).map { index -> ActivityRecord in
            let unit = units[index % units.count]
            let progress = (0..<50).map { step -> ProgressRecord in
                entryID += 1
                let date = Day(2024, 1, 1)!.adding(days: (index * 7 + step * 7) % 360)
                return ProgressRecord(
                    id: entryID, date: date, unit: unit, text: "Kết quả số \(step) của nhiệm vụ \(index)",
                    quantity: Double(step % 4), quantityUnit: step % 2 == 0 ? "tin, bài" : "lượt",
                    evidence: step % 3 == 0 ? [Evidence(kind: .url, value: "https://example.gov.vn/\(entryID)")] : [],
                    supersedes: step % 10 == 9 ? entryID - 1 : nil, recordedBy: "u", recordedOn: date.adding(days: 2))
            }
            return ActivityRecord(
                id: Int64(index + 1), ref: "II.\(index / 26 + 1).\(index % 26 + 1)", title: "Nhiệm vụ số \(index + 1)",
                group: "Nhóm \(index % 7 + 1)", schedule: kinds[index % kinds.count], lead: [unit],
                products: [Product(text: "12 tin, bài", type: "tin, bài", plannedCount: 12)], progress: progress)
        }
        return Sample.plan(activities)
    }

    /// The scale of the benchmark (docs/benchmarks.md measures its time and memory; tests never time it):
    /// every activity and every current entry in the window reaches the JSON and the annex.
    @Test("2,000 activities and 100,000 entries: a complete report, JSON and .docx")
    func largeReport() throws {
        let plan = Self.largePlan()
        let report = try ReportBuilder.build(
            plan: plan, period: Sample.period("2024-Q2"), regime: .nd09, context: Sample.context())
        let window = report.period.window
        let expectedResults = plan.activities.reduce(0) { total, activity in
            total + activity.currentProgress.filter { window.contains($0.date) }.count
        }
        let json = try JSONValue.parse(report.jsonText())
        let activities = json["activities"]?.arrayValue ?? []
        let results = activities.reduce(0) { $0 + ($1["results"]?.arrayValue?.count ?? 0) }
        #expect(activities.count == report.activities.count)
        #expect(report.activities.count > 1_000)
        #expect(results == expectedResults)
        #expect(json["summary"]?["progressEntries"]?.intValue == expectedResults)
        let docx = report.docxData()
        #expect(docx.count > 100_000)
    }
}
