import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

/// Writes issued directly in SQL, the way a person with psql would, as unit staff: `SET ROLE cchc_unit` and
/// `cchc.user` set to their login. PostgreSQL itself must refuse what the role may not do.
@Suite("Roles are enforced by PostgreSQL: direct SQL as unit staff")
struct RowLevelSecurityTests {
    static let staff = "pbgdpl"
    static let unitName = "Phòng Phổ biến, giáo dục pháp luật"

    /// Runs `sql` in its own transaction as `login` under `role`; returns the affected row count.
    @discardableResult
    static func asUser(_ connection: Connection, _ login: String, role: String = "cchc_unit", _ sql: SQL) throws -> Int
    {
        try connection.withTransaction { connection in
            try connection.query("SELECT set_config('cchc.user', \(login), true)")
            try connection.query(SQL(unsafeSQL: "SET LOCAL ROLE \(role)"))
            return try connection.query(sql).affectedRows ?? 0
        }
    }

    static func expectRefused(_ body: () throws -> Void) {
        #expect {
            try body()
        } throws: { error in
            (error as? PostgresError)?.isInsufficientPrivilege == true
        }
    }

    struct Fixture {
        var unit: Int64
        var office: Int64
        /// Activity 2: the unit leads it.
        var own: ActivityRow
        /// Activity 3: led by Văn phòng Sở; the unit takes no part.
        var other: ActivityRow
    }

    static func fixture(_ store: Store, _ db: TestDatabase) throws -> Fixture {
        _ = try Seed.unitStaff(store, db, login: staff, unit: unitName)
        return Fixture(
            unit: try store.findUnit(unitName).id, office: try store.findUnit("Văn phòng Sở").id,
            own: try store.findActivity("45/KH-STP#2"), other: try store.findActivity("45/KH-STP#3"))
    }

    @Test("Progress for an activity the unit does not lead or coordinate is refused")
    func progressForOtherActivity() throws {
        try Seed.withPlans { store, db in
            let f = try Self.fixture(store, db)
            Self.expectRefused {
                try Self.asUser(
                    db.connection, Self.staff,
                    """
                    INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                    VALUES (\(f.other.id), \(f.unit), '2024-05-02', 'Đã niêm yết')
                    """)
            }
            // Nor may the unit write in another unit's name, even for an activity that unit leads.
            Self.expectRefused {
                try Self.asUser(
                    db.connection, Self.staff,
                    """
                    INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                    VALUES (\(f.other.id), \(f.office), '2024-05-02', 'Đã niêm yết')
                    """)
            }
            #expect(try db.connection.query("SELECT count(*) FROM progress_entries").scalar(Int.self) == 0)
        }
    }

    @Test("Progress for its own activity is accepted, with evidence, and stamped with the person")
    func ownProgressAllowed() throws {
        try Seed.withPlans { store, db in
            let f = try Self.fixture(store, db)
            try db.connection.withTransaction { connection in
                try connection.query("SELECT set_config('cchc.user', \(Self.staff), true)")
                try connection.query("SET LOCAL ROLE cchc_unit")
                let id = try connection.query(
                    """
                    INSERT INTO progress_entries (activity_id, unit_id, entry_date, text, recorded_by)
                    VALUES (\(f.own.id), \(f.unit), '2024-05-02', 'Lồng ghép tại 3 hội nghị', 'someone-else')
                    RETURNING id
                    """
                ).scalar(Int64.self)
                try connection.query(
                    "INSERT INTO evidence (progress_entry_id, position, kind, value) VALUES (\(id), 0, 'document', '12/BC-STP')"
                )
            }
            let row = try db.connection.query("SELECT recorded_by FROM progress_entries").singleRow()
            #expect(try row.decode(String.self, at: 0) == Self.staff)
        }
    }

    @Test("Editing an activity's content, even one the unit leads, is refused")
    func editActivityRefused() throws {
        try Seed.withPlans { store, db in
            let f = try Self.fixture(store, db)
            Self.expectRefused {
                try Self.asUser(
                    db.connection, Self.staff, "UPDATE activities SET title = 'Sửa trái phép' WHERE id = \(f.own.id)")
            }
            Self.expectRefused {
                try Self.asUser(
                    db.connection, Self.staff, "DELETE FROM activity_assignments WHERE activity_id = \(f.other.id)")
            }
            #expect(try store.findActivity("#\(f.own.id)").title == f.own.title)
        }
    }

    @Test("A status change reaches only activities the unit takes part in")
    func statusOnlyOwn() throws {
        try Seed.withPlans { store, db in
            let f = try Self.fixture(store, db)
            let hidden = try Self.asUser(
                db.connection, Self.staff,
                "UPDATE activities SET state = 'done', state_on = '2024-06-01', version = version + 1 WHERE id = \(f.other.id)"
            )
            #expect(hidden == 0)
            #expect(try store.findActivity("#\(f.other.id)").state == .open)
            let own = try Self.asUser(
                db.connection, Self.staff,
                "UPDATE activities SET state = 'done', state_on = '2024-06-01', version = version + 1 WHERE id = \(f.own.id)"
            )
            #expect(own == 1)
            #expect(try store.findActivity("#\(f.own.id)").state == .done(Day(2024, 6, 1)!))
        }
    }

    @Test("Documents, plans, units, users, locks and the audit log are read-only for unit staff")
    func readOnlyTables() throws {
        try Seed.withPlans { store, db in
            _ = try Self.fixture(store, db)
            let forbidden: [SQL] = [
                "UPDATE documents SET title = 'Sửa trái phép'",
                "INSERT INTO documents (type, issuer_unit_id, issuer_name, year) SELECT 'KH', id, name, 2024 FROM units LIMIT 1",
                "DELETE FROM plans",
                "UPDATE units SET name = 'X'",
                "UPDATE users SET role = 'admin'",
                "INSERT INTO period_locks (plan_id, period_id, regime, window_from, window_to) SELECT id, '2024-Q2', 'cchc', '2024-03-15', '2024-06-14' FROM plans LIMIT 1",
                "DELETE FROM audit_log",
                "INSERT INTO audit_log (actor, table_name, action, after) VALUES ('x', 'units', 'insert', '{}')",
            ]
            for statement in forbidden {
                Self.expectRefused { try Self.asUser(db.connection, Self.staff, statement) }
            }
            #expect(try db.connection.query("SELECT count(*) FROM users WHERE role = 'admin'").scalar(Int.self) == 1)
        }
    }

    @Test("Entries are append-only, even for an administrator")
    func appendOnly() throws {
        try Seed.withPlans { store, db in
            let f = try Self.fixture(store, db)
            let entry = try store.addProgress(
                NewProgress(activityID: f.own.id, unitID: f.unit, date: Day(2024, 5, 2)!, text: "Đã làm"))
            #expect(throws: PostgresError.self) {
                try Self.asUser(
                    db.connection, Seed.admin, role: "cchc_admin",
                    "UPDATE progress_entries SET text = 'khác' WHERE id = \(entry.id)")
            }
            #expect(throws: PostgresError.self) {
                try Self.asUser(
                    db.connection, Seed.admin, role: "cchc_admin", "DELETE FROM progress_entries WHERE id = \(entry.id)"
                )
            }
        }
    }

    @Test("A viewer can read but not write")
    func viewer() throws {
        try Seed.withPlans { store, db in
            let f = try Self.fixture(store, db)
            _ = try store.addUser(login: "xem", role: .viewer, unitID: nil, displayName: nil)
            Self.expectRefused {
                try Self.asUser(
                    db.connection, "xem", role: "cchc_viewer",
                    """
                    INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                    VALUES (\(f.own.id), \(f.unit), '2024-05-02', 'x')
                    """)
            }
            let viewer = try Seed.session(db, as: "xem")
            #expect(try viewer.listActivities(ActivityFilter(asOf: Day(2024, 6, 1)!)).count == 9)
            #expect(throws: StoreError.self) {
                try viewer.addProgress(
                    NewProgress(activityID: f.own.id, unitID: f.unit, date: Day(2024, 5, 2)!, text: "x"))
            }
        }
    }

    @Test("Through the store, unit staff get a clear refusal for another unit's activity")
    func storeRefusal() throws {
        try Seed.withPlans { store, db in
            let f = try Self.fixture(store, db)
            let staff = try Seed.session(db, as: Self.staff)
            #expect {
                try staff.addProgress(
                    NewProgress(activityID: f.other.id, unitID: f.unit, date: Day(2024, 5, 2)!, text: "x"))
            } throws: { error in
                guard case StoreError.forbidden(let login, let action)? = error as? StoreError else { return false }
                return login == Self.staff && action.contains("45/KH-STP#3")
            }
            let entry = try staff.addProgress(
                NewProgress(activityID: f.own.id, unitID: f.unit, date: Day(2024, 5, 2)!, text: "Đã lồng ghép"))
            #expect(entry.recordedBy == Self.staff)
            _ = try staff.setActivityState(f.own, .done(Day(2024, 6, 1)!), note: "Đã hoàn thành")
            #expect(throws: StoreError.self) { try staff.setActivityState(f.other, .done(Day(2024, 6, 1)!)) }
            #expect(throws: StoreError.self) { try staff.editActivity(f.own, ActivityEdit(title: "Khác")) }
        }
    }

    @Test("Membership of an assigned group, and a rename of the unit, keep the staff's rights")
    func groupsAndRenames() throws {
        try Seed.withPlans { store, db in
            let f = try Self.fixture(store, db)
            let first = try store.findActivity("45/KH-STP#1")  // coordinated by "Các phòng, đơn vị thuộc Sở"
            let group = try store.findUnit("Các phòng, đơn vị thuộc Sở")
            let staff = try Seed.session(db, as: Self.staff)
            #expect(throws: StoreError.self) {
                try staff.addProgress(
                    NewProgress(activityID: first.id, unitID: f.unit, date: Day(2024, 5, 2)!, text: "x"))
            }
            try store.addGroupMember(group: group.id, member: f.unit)
            _ = try staff.addProgress(
                NewProgress(activityID: first.id, unitID: f.unit, date: Day(2024, 5, 2)!, text: "Đăng 2 tin"))

            let renamed = try store.renameUnit(
                f.unit, to: "Phòng Phổ biến pháp luật", effective: Day(2024, 11, 1)!, act: nil)
            let again = try Seed.session(db, as: Self.staff)
            #expect(again.user.unitID == renamed.opened.first?.id)
            let late = try again.addProgress(
                NewProgress(activityID: f.own.id, unitID: f.unit, date: Day(2024, 11, 5)!, text: "Tiếp tục"))
            #expect(late.unitName == "Phòng Phổ biến pháp luật")
            let early = try again.addProgress(
                NewProgress(activityID: f.own.id, unitID: f.unit, date: Day(2024, 10, 5)!, text: "Trước khi đổi tên"))
            #expect(early.unitName == Self.unitName)
        }
    }
}
