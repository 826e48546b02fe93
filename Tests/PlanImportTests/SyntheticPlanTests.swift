import Foundation
import PlanCore
import Testing
@testable import PlanImport

/// Large plans import completely (timing is measured with the CLI, not asserted here).
@Suite("Synthetic plans with thousands of activities")
struct SyntheticPlanTests {
    @Test("a 5,000-activity text plan yields 5,000 activities with their units and time frames")
    func largeTextPlan() throws {
        let text = SyntheticPlan.text(activities: 5_000)
        let plan = try importText(text, fileName: "synthetic.txt")
        #expect(plan.activities.count == 5_000)
        #expect(plan.activities.allSatisfy { !$0.lead.isEmpty && $0.schedule.kind != .unspecified })
        #expect(plan.activities[0].coordinating.count == 2)
        #expect(plan.warnings.filter { $0.code != "duplicate-activity" }.isEmpty)
        #expect(plan.parent?.code == "96/KH-UBND")
    }

    @Test("a 5,000-activity .docx plan with an annex table yields 5,000 activities")
    func largeWordPlan() throws {
        let data = try SyntheticPlan.docx(activities: 5_000)
        let plan = try PlanImporter().read(data: data, fileName: "synthetic.docx")
        #expect(plan.activities.count == 5_000)
        #expect(plan.activities.first?.ref == "PL.I.1")
        #expect(plan.activities.last?.ref == "PL.XXV.200")
        #expect(plan.activities.last?.group == "NHÓM NHIỆM VỤ 25")
    }
}
