import Foundation
import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("Reviewing names filed by imports: map to an existing unit, or accept")
struct UnitReviewTests {
    /// Another plan of the same Sở naming the same units, as a later import would bring.
    static var nextYear: PlanDocument {
        var plan = Seed.department
        plan.source = .init(file: "12-KH-STP-2025.txt", sha256: String(repeating: "3", count: 64), mediaType: .txt)
        plan.document.code = "12/KH-STP"
        plan.document.number = "12"
        plan.document.issuedOn = Day(2025, 1, 20)
        plan.document.year = 2025
        plan.parent = nil
        plan.activities = [
            Seed.activity(
                "1", "Tuyên truyền dịch vụ công trực tuyến", lead: ["Phòng Hành chính tư pháp"],
                coordinating: ["Trung tâm Phục vụ hành chính công tỉnh"], schedule: "Năm 2025")
        ]
        return plan
    }

    @Test("Names created by imports are listed with the plans that use them")
    func listed() throws {
        try Seed.withPlans { store, _ in
            let review = try store.unitsToReview()
            let names = review.map(\.unit.name)
            #expect(names.contains("Văn phòng Sở"))
            #expect(names.contains("Trung tâm Phục vụ hành chính công tỉnh"))
            let office = try #require(review.first { $0.unit.name == "Văn phòng Sở" })
            #expect(office.plans == ["45/KH-STP"])
            #expect(office.assignments == 6)
        }
    }

    @Test("Mapping a name to an existing unit re-points its assignments, removes it, and later imports resolve it")
    func mapToExisting() throws {
        try Seed.withPlans { store, _ in
            let department = try store.findUnit("Sở Tư pháp")
            let real = try store.addUnit(
                NewUnit(name: "Phòng Hành chính - Tư pháp", kind: .division, parentID: department.id))
            let placeholder = try store.findReviewUnit("phòng hành chính tư pháp")
            let activity = try store.findActivity("45/KH-STP#4")

            let mapping = try store.mapReviewUnit(placeholder.id, to: real.id)
            #expect(mapping.reassigned == 1)
            #expect(throws: StoreError.self) { try store.findReviewUnit("Phòng Hành chính tư pháp") }
            let detail = try store.activityDetail(activity.id, asOf: Day(2024, 6, 1)!)
            #expect(detail.overview.lead.map(\.unit.id) == [real.id])
            #expect(detail.overview.activity.version == activity.version + 1)
            #expect(try store.unitDetail(real.id).aliases == ["Phòng Hành chính tư pháp"])

            let result = try store.importPlan(Self.nextYear, replace: false)
            #expect(!result.reviewUnits.contains("Phòng Hành chính tư pháp"))
            let imported = try store.findActivity("12/KH-STP#1")
            #expect(
                try store.activityDetail(imported.id, asOf: Day(2025, 6, 1)!).overview.lead.map(\.unit.id) == [real.id])
        }
    }

    @Test("Accepting keeps the name as a real unit; later imports resolve it even after its parent changed")
    func accept() throws {
        try Seed.withPlans { store, _ in
            let centre = try store.findReviewUnit("Trung tâm Phục vụ hành chính công tỉnh")
            let province = try store.findUnit("Ủy ban nhân dân tỉnh Bình Phước")
            let accepted = try store.acceptReviewUnit(centre.id, kind: .serviceUnit, parent: .some(province.id))
            #expect(!accepted.needsReview && accepted.parentID == province.id && accepted.kind == .serviceUnit)

            let result = try store.importPlan(Self.nextYear, replace: false)
            #expect(!result.reviewUnits.contains("Trung tâm Phục vụ hành chính công tỉnh"))
            let imported = try store.findActivity("12/KH-STP#1")
            let units = try store.activityDetail(imported.id, asOf: Day(2025, 6, 1)!).overview.coordinating
            #expect(units.map(\.unit.id) == [centre.id])
        }
    }

    @Test("Only names waiting for review can be mapped; real units are merged instead")
    func onlyReviewNames() throws {
        try Seed.withPlans { store, _ in
            let department = try store.findUnit("Sở Tư pháp")
            let real = try store.addUnit(NewUnit(name: "Phòng Tổ chức", kind: .division, parentID: department.id))
            let other = try store.addUnit(NewUnit(name: "Phòng Kế hoạch", kind: .division, parentID: department.id))
            #expect(throws: StoreError.self) { try store.mapReviewUnit(real.id, to: other.id) }
        }
    }

    @Test("A name typed in NFD finds the unit stored in NFC")
    func nfdLookup() throws {
        try Seed.withPlans { store, _ in
            let nfd = "Phòng Phổ biến, giáo dục pháp luật".decomposedStringWithCanonicalMapping
            #expect(nfd.unicodeScalars.count != "Phòng Phổ biến, giáo dục pháp luật".unicodeScalars.count)
            let found = try store.findUnit(nfd)
            let upper = try store.findUnit("PHÒNG PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT")
            #expect(found.name == "Phòng Phổ biến, giáo dục pháp luật")
            #expect(upper.id == found.id)
        }
    }
}
