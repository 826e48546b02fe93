import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("Coverage of a parent plan by the plans implementing it")
struct CoverageTests {
    @Test("Parent tasks nobody implements and child activities implementing nothing")
    func coverage() throws {
        try Seed.withPlans { store, _ in
            let child = try store.findPlan("45/KH-STP")
            #expect(child.parentLinked)
            _ = try store.linkActivity(
                try store.findActivity("45/KH-STP#5"), to: try store.findActivity("96/KH-UBND#II.3").id)
            _ = try store.linkActivity(
                try store.findActivity("45/KH-STP#3"), to: try store.findActivity("96/KH-UBND#II.1").id)
            let fromChild = try store.coverage(of: child.id)
            #expect(fromChild.parent.reference == "96/KH-UBND")
            #expect(fromChild.uncovered.map(\.ref) == ["II.2"])
            #expect(fromChild.covered.map(\.task.ref) == ["II.1", "II.3"])
            #expect(fromChild.unlinked.map(\.ref) == ["1", "2", "4", "6"])

            let fromParent = try store.coverage(of: try store.findPlan("96/KH-UBND").id)
            #expect(fromParent.children.map(\.reference) == ["45/KH-STP"])
            #expect(fromParent.uncovered.map(\.ref) == ["II.2"])
        }
    }

    @Test("Unlinking a plan from its parent drops its activities' links; a cycle is refused")
    func linkParent() throws {
        try Seed.withPlans { store, _ in
            let child = try store.findPlan("45/KH-STP")
            let parent = try store.findPlan("96/KH-UBND")
            _ = try store.linkActivity(
                try store.findActivity("45/KH-STP#5"), to: try store.findActivity("96/KH-UBND#II.3").id)
            #expect(throws: StoreError.self) { try store.linkParentPlan(parent.id, to: child.id) }
            #expect(try store.linkParentPlan(child.id, to: nil) == 1)
            #expect(throws: StoreError.self) { try store.coverage(of: child.id) }
            #expect(try store.linkParentPlan(child.id, to: parent.id) == 0)
            #expect(try store.planDetail(parent.id).children.map(\.reference) == ["45/KH-STP"])
        }
    }
}
