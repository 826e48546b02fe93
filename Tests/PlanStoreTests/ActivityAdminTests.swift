import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("Activities: references, adding, editing, assigning and linking to the parent plan")
struct ActivityAdminTests {
    @Test(
        "References: #id, plan#ref, a ref with its plan given, a ref unique across plans",
        arguments: [("45/KH-STP#III", nil as String?), ("45/kh-stp#3", nil), ("3", "45/KH-STP"), ("II.3", nil)])
    func references(_ text: String, _ plan: String?) throws {
        try Seed.withPlans { store, _ in
            if text == "45/KH-STP#III" {
                #expect(throws: StoreError.self) { try store.findActivity(text, plan: plan) }
                return
            }
            let activity = try store.findActivity(text, plan: plan)
            #expect(try store.findActivity("#\(activity.id)").id == activity.id)
            #expect(try store.findActivity(activity.reference).id == activity.id)
        }
    }

    @Test("A ref present in several plans is ambiguous, and the message lists them; a bare number is an id")
    func ambiguous() throws {
        try Seed.withPlans { store, _ in
            var other = Seed.province
            other.document.code = "97/KH-UBND"
            other.document.number = "97"
            other.source.sha256 = String(repeating: "4", count: 64)
            _ = try store.importPlan(other, replace: false)
            #expect {
                try store.findActivity("II.3")
            } throws: { error in
                let text = String(describing: error)
                return text.contains("96/KH-UBND#II.3") && text.contains("97/KH-UBND#II.3")
            }
            #expect(try store.findActivity("3").id == 3)
            #expect(try store.findActivity("3", plan: "45/KH-STP").reference == "45/KH-STP#3")
        }
    }

    @Test("An added activity takes the next position, its schedule, units and products")
    func add() throws {
        try Seed.withPlans { store, _ in
            let plan = try store.findPlan("45/KH-STP")
            let office = try store.findUnit("Văn phòng Sở")
            let centre = try store.findUnit("Trung tâm Phục vụ hành chính công tỉnh")
            let added = try store.addActivity(
                NewActivity(
                    planID: plan.id, title: "Tập huấn kỹ năng viết tin, bài về cải cách hành chính",
                    schedule: Seed.schedule("Quý IV/2024"), lead: [office.id], coordinating: [centre.id],
                    products: ["01 lớp tập huấn"]))
            #expect(added.ref == "BS.1" && added.position == 6)
            #expect(added.schedule.kind == .period && added.schedule.to == Day(2024, 12, 31))
            let detail = try store.activityDetail(added.id, asOf: Day(2024, 10, 1)!)
            #expect(detail.overview.lead.map(\.unit.id) == [office.id])
            #expect(detail.overview.coordinating.map(\.unit.id) == [centre.id])
            #expect(detail.products.first?.plannedCount == 1)
            #expect(throws: StoreError.self) {
                try store.addActivity(
                    NewActivity(planID: plan.id, ref: "BS.1", title: "Trùng mục", schedule: Seed.schedule("Năm 2024")))
            }
        }
    }

    @Test("An edit changes only the fields given and bumps the version")
    func edit() throws {
        try Seed.withPlans { store, _ in
            let activity = try store.findActivity("45/KH-STP#4")
            let edited = try store.editActivity(
                activity,
                ActivityEdit(schedule: Seed.schedule("Từ tháng 6 đến tháng 8/2024"), products: ["03 phóng sự"]))
            #expect(edited.title == activity.title)
            #expect(edited.schedule.from == Day(2024, 6, 1) && edited.schedule.to == Day(2024, 8, 31))
            #expect(edited.version == activity.version + 1)
            #expect(try store.activityDetail(edited.id, asOf: Day(2024, 7, 1)!).products.map(\.text) == ["03 phóng sự"])
            #expect(throws: StoreError.self) { try store.editActivity(edited, ActivityEdit()) }
        }
    }

    @Test("An activity links only to a task of its plan's parent plan")
    func link() throws {
        try Seed.withPlans { store, _ in
            let child = try store.findActivity("45/KH-STP#5")
            let task = try store.findActivity("96/KH-UBND#II.3")
            let linked = try store.linkActivity(child, to: task.id)
            #expect(linked.parentReference == "96/KH-UBND#II.3")
            let sibling = try store.findActivity("45/KH-STP#4")
            #expect(throws: StoreError.self) { try store.linkActivity(linked, to: sibling.id) }
            let unlinked = try store.linkActivity(linked, to: nil)
            #expect(unlinked.parentActivityID == nil)
        }
    }
}
