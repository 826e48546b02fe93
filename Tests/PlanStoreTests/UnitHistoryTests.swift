import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("Unit history: rename, move, merge, split and retire keep names valid on their dates")
struct UnitHistoryTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(y, m, d)! }

    @Test("A rename closes the old name the day before and opens the successor; both dates show the right tree")
    func rename() throws {
        try Seed.withPlans { store, _ in
            let office = try store.findUnit("Văn phòng Sở")
            let change = try store.renameUnit(
                office.id, to: "Văn phòng Sở Tư pháp", effective: Self.day(2025, 3, 1), act: "Quyết định 12/QĐ-STP")
            #expect(change.closed?.validTo == Self.day(2025, 2, 28))
            let successor = try #require(change.opened.first)
            #expect(successor.validFrom == Self.day(2025, 3, 1))
            #expect(successor.parentID == office.parentID)

            let before = try store.unitTree(on: Self.day(2024, 6, 30)).map(\.unit.name)
            let after = try store.unitTree(on: Self.day(2025, 6, 30)).map(\.unit.name)
            #expect(before.contains("Văn phòng Sở") && !before.contains("Văn phòng Sở Tư pháp"))
            #expect(after.contains("Văn phòng Sở Tư pháp") && !after.contains("Văn phòng Sở"))

            let detail = try store.unitDetail(office.id)
            #expect(detail.lineage.map(\.kind) == [.renamedTo])
            #expect(detail.lineage.first?.act == "Quyết định 12/QĐ-STP")
            // Either name finds the unit; the current name is the one valid today.
            #expect(try store.findUnit("Văn phòng Sở Tư pháp").id == successor.id)
        }
    }

    @Test("Children of a renamed unit stand under its new name in the tree after the change")
    func childrenFollowRename() throws {
        try Seed.withPlans { store, _ in
            let department = try store.findUnit("Sở Tư pháp")
            _ = try store.renameUnit(
                department.id, to: "Sở Tư pháp tỉnh Đồng Nai", effective: Self.day(2025, 7, 1), act: nil)
            let tree = try store.unitTree(on: Self.day(2025, 8, 1))
            let renamed = try #require(tree.first { $0.unit.name == "Sở Tư pháp tỉnh Đồng Nai" })
            let office = try #require(tree.first { $0.unit.name == "Văn phòng Sở" })
            #expect(office.shownParentID == renamed.unit.id)
            #expect(office.depth == renamed.depth + 1)
        }
    }

    @Test("A move keeps the name and changes the parent from the effective date")
    func move() throws {
        try Seed.withPlans { store, _ in
            let centre = try store.findUnit("Trung tâm Phục vụ hành chính công tỉnh")
            let province = try store.findUnit("Ủy ban nhân dân tỉnh Bình Phước")
            let change = try store.moveUnit(centre.id, under: province.id, effective: Self.day(2025, 1, 1), act: nil)
            let moved = try #require(change.opened.first)
            #expect(moved.name == centre.name)
            #expect(moved.parentID == province.id)
            let old = try store.unitTree(on: Self.day(2024, 12, 31)).first { $0.unit.name == centre.name }
            let new = try store.unitTree(on: Self.day(2025, 1, 1)).first { $0.unit.name == centre.name }
            #expect(old?.shownParentID == nil)
            #expect(new?.shownParentID == province.id)
        }
    }

    @Test("A merge closes the unit and links it into an existing one; a split opens new units")
    func mergeAndSplit() throws {
        try Seed.withPlans { store, _ in
            let legal = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let admin = try store.findUnit("Phòng Hành chính tư pháp")
            let merge = try store.mergeUnit(
                legal.id, into: admin.id, effective: Self.day(2025, 3, 1), act: "Quyết định 5/QĐ-STP")
            #expect(merge.closed?.validTo == Self.day(2025, 2, 28))
            #expect(try store.unitDetail(admin.id).lineage.map(\.phrase) == ["tiếp nhận"])

            let split = try store.splitUnit(
                admin.id, into: ["Phòng Hành chính", "Phòng Tư pháp"], effective: Self.day(2025, 7, 1), act: nil,
                closeOriginal: true)
            #expect(split.opened.map(\.name) == ["Phòng Hành chính", "Phòng Tư pháp"])
            #expect(split.opened.allSatisfy { $0.parentID == admin.parentID && $0.kind == admin.kind })
            let names = try store.unitTree(on: Self.day(2025, 8, 1)).map(\.unit.name)
            #expect(names.contains("Phòng Tư pháp") && !names.contains("Phòng Hành chính tư pháp"))
        }
    }

    @Test("Retiring closes the validity and notes the act")
    func retire() throws {
        try Seed.withPlans { store, _ in
            let centre = try store.findUnit("Trung tâm Phục vụ hành chính công tỉnh")
            let change = try store.retireUnit(
                centre.id, effective: Self.day(2025, 3, 1), act: "Nghị định 45/2025/NĐ-CP")
            #expect(change.closed?.validTo == Self.day(2025, 2, 28))
            #expect(change.closed?.note?.contains("Nghị định 45/2025/NĐ-CP") == true)
            #expect(!(try store.unitTree(on: Self.day(2025, 3, 1))).contains { $0.unit.id == centre.id })
        }
    }

    @Test("Changes dated before the unit began, or after it ended, are refused and change nothing")
    func refusedDates() throws {
        try Seed.withPlans { store, _ in
            let centre = try store.findUnit("Trung tâm Phục vụ hành chính công tỉnh")
            _ = try store.retireUnit(centre.id, effective: Self.day(2025, 3, 1), act: nil)
            #expect(throws: StoreError.self) {
                try store.renameUnit(centre.id, to: "Trung tâm mới", effective: Self.day(2025, 6, 1), act: nil)
            }
            let added = try store.addUnit(NewUnit(name: "Phòng Mới", kind: .division, effective: Self.day(2025, 1, 1)))
            #expect(throws: StoreError.self) {
                try store.retireUnit(added.id, effective: Self.day(2024, 12, 1), act: nil)
            }
            #expect(try store.findUnit("Phòng Mới").validTo == nil)
        }
    }

    @Test("Two units of the same name under the same parent at the same time are refused")
    func duplicateName() throws {
        try Seed.withPlans { store, _ in
            let department = try store.findUnit("Sở Tư pháp")
            #expect {
                try store.addUnit(NewUnit(name: "văn phòng sở", kind: .division, parentID: department.id))
            } throws: { error in
                String(describing: error).contains("Đã có đơn vị")
            }
        }
    }
}
