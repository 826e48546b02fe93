import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("Collective group names and their members")
struct UnitGroupTests {
    @Test("Members are added once, listed by name, and removed")
    func members() throws {
        try Seed.withPlans { store, _ in
            let group = try store.findUnit("Các phòng, đơn vị thuộc Sở")
            #expect(group.kind == .group)
            let a = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let b = try store.findUnit("Văn phòng Sở")
            #expect(try store.addGroupMember(group: group.id, member: a.id))
            #expect(try store.addGroupMember(group: group.id, member: b.id))
            #expect(try !store.addGroupMember(group: group.id, member: a.id))
            #expect(try store.groupMembers(group.id, on: Day(2024, 6, 1)!).map(\.name) == [a.name, b.name])
            #expect(try store.removeGroupMember(group: group.id, member: a.id))
            #expect(try !store.removeGroupMember(group: group.id, member: a.id))
            #expect(try store.groupMembers(group.id, on: Day(2024, 6, 1)!).map(\.name) == [b.name])
            #expect(try store.unitDetail(b.id).groups.map(\.id) == [group.id])
        }
    }

    @Test("Only a group has members, and a group is not a member")
    func onlyGroups() throws {
        try Seed.withPlans { store, _ in
            let group = try store.findUnit("Các phòng, đơn vị thuộc Sở")
            let office = try store.findUnit("Văn phòng Sở")
            let division = try store.findUnit("Phòng Hành chính tư pháp")
            #expect(throws: StoreError.self) { try store.addGroupMember(group: office.id, member: division.id) }
            #expect(throws: StoreError.self) { try store.addGroupMember(group: group.id, member: group.id) }
            #expect(throws: StoreError.self) { try store.groupMembers(office.id, on: Day(2024, 6, 1)!) }
        }
    }
}
