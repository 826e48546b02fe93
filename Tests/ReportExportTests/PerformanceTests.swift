import Foundation
import PlanCore
import ReportExport
import Testing

@Suite("Performance")
struct PerformanceTests {
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

    @Test("2,000 activities and 100,000 entries: report model and JSON within budget")
    func largeReport() throws {
        let plan = Self.largePlan()
        let clock = ContinuousClock()
        var json = ""
        var csv: [UInt8] = []
        let elapsed = try clock.measure {
            let report = try ReportBuilder.build(
                plan: plan, period: Sample.period("2024-Q2"), regime: .nd09, context: Sample.context())
            json = report.jsonText()
            csv = report.csvData()
        }
        #expect(json.count > 1_000_000)
        #expect(csv.count > 100_000)
        // Release builds must stay well under a second; debug builds are several times slower.
        #if DEBUG
            let budget = Duration.seconds(15)
        #else
            let budget = Duration.seconds(1)
        #endif
        #expect(elapsed < budget, "took \(elapsed)")
        print("large report (model + JSON + CSV): \(elapsed)")
    }
}
