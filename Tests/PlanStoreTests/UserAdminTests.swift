import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("Users and roles")
struct UserAdminTests {
    @Test("The first person becomes administrator; others must be registered")
    func bootstrap() throws {
        try withMigratedDatabase { db in
            let first = try Store(connection: db.connection, actingAs: "vanphong")
            #expect(first.user.role == .admin)
            #expect(throws: StoreError.self) { try Seed.session(db, as: "nguoila") }
        }
    }

    @Test("Unit staff need a unit; logins are unique; the list names each unit")
    func add() throws {
        try Seed.withPlans { store, _ in
            #expect(throws: StoreError.self) {
                try store.addUser(login: "nv", role: .unit, unitID: nil, displayName: nil)
            }
            let office = try store.findUnit("Văn phòng Sở")
            let added = try store.addUser(login: "nv", role: .unit, unitID: office.id, displayName: "Nguyễn Văn A")
            #expect(added.unitName == "Văn phòng Sở" && added.user.role == .unit)
            #expect(throws: StoreError.self) {
                try store.addUser(login: "nv", role: .viewer, unitID: nil, displayName: nil)
            }
            #expect(try store.listUsers().map(\.user.login) == ["nv", "vanphong"])
        }
    }

    @Test("A disabled person cannot open a session; the last administrator cannot be disabled")
    func disable() throws {
        try Seed.withPlans { store, db in
            _ = try store.addUser(login: "xem", role: .viewer, unitID: nil, displayName: nil)
            _ = try store.setUserActive("xem", active: false)
            #expect(throws: StoreError.self) { try Seed.session(db, as: "xem") }
            #expect(throws: StoreError.self) { try store.setUserActive(Seed.admin, active: false) }
            _ = try store.setUserActive("xem", active: true)
            _ = try Seed.session(db, as: "xem")
            let viewer = try Seed.session(db, as: "xem")
            #expect(throws: StoreError.self) {
                try viewer.addUser(login: "y", role: .viewer, unitID: nil, displayName: nil)
            }
        }
    }
}
