import Foundation
import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

/// What raw SQL must not be able to do, tried the way a person with psql and an application role would.
@Suite("Raw SQL cannot dodge identity, locks, the audit or the stored files")
struct SQLGuardTests {
    static let unitName = "Phòng Phổ biến, giáo dục pháp luật"

    /// Runs `sql` in one transaction as `role` with `cchc.user` set (the tools' way of acting).
    @discardableResult
    static func run(_ connection: Connection, as login: String?, role: String, _ sql: SQL) throws -> QueryResult {
        try connection.withTransaction { connection in
            if let login { try connection.query("SELECT set_config('cchc.user', \(login), true)") }
            try connection.query(SQL(unsafeSQL: "SET LOCAL ROLE \(role)"))
            return try connection.query(sql)
        }
    }

    static func refused(_ error: (any Error)?, _ sqlStates: Set<String> = ["42501"]) -> Bool {
        guard let error = error as? PostgresError else { return false }
        return sqlStates.contains(error.sqlState ?? "")
    }

    @Test("A login that is nobody's cannot claim a person through cchc.user, even with the unit role granted")
    func forgedActor() throws {
        try Seed.withPlans { store, db in
            _ = try Seed.unitStaff(store, db, login: "pbgdpl", unit: Self.unitName)
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit(Self.unitName)
            try db.withLogin("ke_la") { login, configuration in
                try db.connection.execute(unsafeSQL: "GRANT cchc_unit TO \(try db.connection.quoteIdentifier(login))")
                let intruder = try Connection(configuration)
                let error = #expect(throws: PostgresError.self) {
                    try Self.run(
                        intruder, as: "pbgdpl", role: "cchc_unit",
                        """
                        INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                        VALUES (\(activity.id), \(unit.id), '2024-05-02', 'Ghi dưới tên người khác')
                        """)
                }
                #expect(Self.refused(error), "\(String(describing: error))")
                #expect(throws: StoreError.self) { try Store(connection: intruder, actingAs: "pbgdpl") }
            }
            #expect(try db.connection.query("SELECT count(*) FROM progress_entries").scalar(Int.self) == 0)
        }
    }

    @Test("A person's login is that person; only an operator acts for others, and the audit names both")
    func loginIsThePerson() throws {
        try Seed.withPlans { store, db in
            _ = try Seed.unitStaff(store, db, login: "pbgdpl", unit: Self.unitName)
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit(Self.unitName)
            try db.withLogin("nv") { login, configuration in
                let mapped = try store.setDatabaseLogin("pbgdpl", to: login)
                #expect(mapped.user.databaseLogin == login)
                let own = try Store(connection: Connection(configuration))
                #expect(own.user.login == "pbgdpl" && own.operatorLogin == nil)
                // The unit member may not act for the administrator.
                let refused = #expect(throws: StoreError.self) {
                    try Store(connection: Connection(configuration), actingAs: Seed.admin)
                }
                if case .actingForbidden = refused {} else { Issue.record("got \(String(describing: refused))") }
                _ = try own.addProgress(
                    NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 2)!, text: "Tự ghi"))

                // The administrator (the test server's superuser maps to them) acts for the member: recorded
                // as the member's entry, done by the administrator.
                let operated = try Seed.session(db, as: "pbgdpl")
                #expect(operated.operatorLogin == Seed.admin)
                _ = try operated.addProgress(
                    NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 3)!, text: "Ghi hộ"))
                let rows = try db.connection.query(
                    """
                    SELECT actor, coalesce(operator, ''), db_login FROM audit_log
                     WHERE table_name = 'progress_entries' ORDER BY id
                    """
                ).map { "\(try $0.decode(String.self, at: 0))|\(try $0.decode(String.self, at: 1))|\(try $0.decode(String.self, at: 2))" }
                let superuser = try db.connection.query("SELECT session_user::text").scalar(String.self)
                #expect(rows == ["pbgdpl||\(login)", "pbgdpl|\(Seed.admin)|\(superuser)"])
                // Disabled, the login loses its group role.
                _ = try store.setUserActive("pbgdpl", active: false)
                #expect(try db.connection.query("SELECT pg_has_role(\(login), 'cchc_unit', 'MEMBER')").scalar(Bool.self) == false)
                _ = try store.setDatabaseLogin("pbgdpl", to: nil)
            }
        }
    }

    @Test("Logins differing only by case are one login")
    func loginCase() throws {
        try Seed.withPlans { store, db in
            _ = try store.addUser(login: "pbgdpl", role: .viewer, unitID: nil, displayName: nil)
            #expect(throws: StoreError.self) { try store.addUser(login: "PBGDPL", role: .viewer, unitID: nil, displayName: nil) }
            let error = #expect(throws: PostgresError.self) {
                try Self.run(db.connection, as: Seed.admin, role: "cchc_admin", "INSERT INTO users (login, role) VALUES ('PbGdPl', 'viewer')")
            }
            #expect(error?.sqlState == "23505")
            #expect(try Seed.session(db, as: "PBGDPL").user.login == "pbgdpl")
        }
    }

    @Test("No function of the schema resolves names through pg_temp first")
    func pinnedSearchPath() throws {
        try withMigratedDatabase { db in
            let unpinned = try db.connection.query(
                """
                SELECT p.oid::regprocedure::text FROM pg_proc p
                 WHERE p.pronamespace = 'public'::regnamespace
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                    WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
                   AND NOT coalesce('search_path=pg_catalog, public, pg_temp' = ANY(p.proconfig), false)
                 ORDER BY 1
                """
            ).map { try $0.decode(String.self, at: 0) }
            #expect(unpinned == [])
            let definers = try db.connection.query(
                "SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prosecdef"
            ).scalar(Int.self)
            #expect(definers >= 8)
        }
    }

    @Test("A temporary audit_log cannot swallow the audit, nor a temporary users table change who a unit is")
    func temporaryShadows() throws {
        try Seed.withPlans { store, db in
            _ = try Seed.unitStaff(store, db, login: "pbgdpl", unit: Self.unitName)
            let other = try store.findActivity("45/KH-STP#3")
            let office = try store.findUnit("Văn phòng Sở")
            let before = try db.connection.query("SELECT count(*) FROM audit_log").scalar(Int.self)
            // As an administrator: shadow the log, then change a title.
            _ = try? Self.run(
                db.connection, as: Seed.admin, role: "cchc_admin",
                """
                CREATE TEMPORARY TABLE audit_log (LIKE public.audit_log INCLUDING DEFAULTS) ON COMMIT PRESERVE ROWS
                """)
            let created = #expect(throws: PostgresError.self) {
                try Self.run(db.connection, as: Seed.admin, role: "cchc_admin", "CREATE TEMPORARY TABLE t (x int)")
            }
            #expect(Self.refused(created))
            try Self.run(
                db.connection, as: Seed.admin, role: "cchc_admin",
                "UPDATE activities SET title = title || ' (sửa)' WHERE id = \(other.id)")
            #expect(try db.connection.query("SELECT count(*) FROM public.audit_log").scalar(Int.self) == before + 1)

            // As unit staff: a temporary users table that says the member belongs to Văn phòng Sở.
            let forged = #expect(throws: PostgresError.self) {
                try db.connection.withTransaction { c in
                    try c.query("SELECT set_config('cchc.user', 'pbgdpl', true)")
                    try c.query("SET LOCAL ROLE cchc_unit")
                    try c.query(
                        """
                        CREATE TEMPORARY TABLE users AS
                        SELECT id, login, display_name, role, \(office.id)::bigint AS unit_id, active FROM public.users
                        """)
                    try c.query(
                        """
                        INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                        VALUES (\(other.id), \(office.id), '2024-05-02', 'Ghi hộ Văn phòng')
                        """)
                }
            }
            #expect(Self.refused(forged))
            #expect(try db.connection.query("SELECT count(*) FROM progress_entries").scalar(Int.self) == 0)
        }
    }

    /// Sở Tư pháp's plan with a division under Phòng Phổ biến, giáo dục pháp luật, and one below that.
    static func nested(_ store: Store) throws -> (plan: Int64, activity: ActivityRow, unit: Int64, grandchild: Int64) {
        let unit = try store.findUnit(Self.unitName).id
        let child = try store.addUnit(NewUnit(name: "Tổ Phổ biến pháp luật", kind: .division, parentID: unit)).id
        let grandchild = try store.addUnit(NewUnit(name: "Nhóm Tuyên truyền viên", kind: .division, parentID: child)).id
        let activity = try store.findActivity("45/KH-STP#2")
        _ = try store.assign(activity, unit: grandchild, role: .coordinating)
        return (try store.findPlan("45/KH-STP").id, try store.findActivity("45/KH-STP#2"), unit, grandchild)
    }

    @Test("A unit lock holds for every unit below it, for evidence added to locked entries and for state changes")
    func locksCoverEverything() throws {
        try Seed.withPlans { store, db in
            let f = try Self.nested(store)
            let entry = try store.addProgress(
                NewProgress(activityID: f.activity.id, unitID: f.grandchild, date: Day(2024, 5, 2)!, text: "Trước khi khóa"))
            let q2 = try PeriodID(parsing: "2024-Q2")
            _ = try store.lockPeriod(plan: f.plan, unit: f.unit, period: q2, regime: .cchc)

            // The grandchild's new entry inside the window.
            #expect(throws: StoreError.self) {
                try store.addProgress(
                    NewProgress(activityID: f.activity.id, unitID: f.grandchild, date: Day(2024, 5, 20)!, text: "Sau khi khóa"))
            }
            // Evidence slipped onto the locked entry.
            let evidence = #expect(throws: PostgresError.self) {
                try Self.run(
                    db.connection, as: Seed.admin, role: "cchc_admin",
                    """
                    INSERT INTO evidence (progress_entry_id, position, kind, value)
                    VALUES (\(entry.id), 9, 'document', '99/BC-STP')
                    """)
            }
            #expect(evidence?.hint == "period-locked")
            // Marking the activity done on a locked day, through the store and through SQL.
            let stored = #expect(throws: StoreError.self) {
                try store.setActivityState(f.activity, .done(Day(2024, 6, 1)!))
            }
            if case .periodLocked = stored {} else { Issue.record("got \(String(describing: stored))") }
            let direct = #expect(throws: PostgresError.self) {
                try Self.run(
                    db.connection, as: Seed.admin, role: "cchc_admin",
                    "UPDATE activities SET state = 'done', state_on = '2024-06-01' WHERE id = \(f.activity.id)")
            }
            #expect(direct?.hint == "period-locked")
            // Outside the window everything still works.
            _ = try store.setActivityState(f.activity, .done(Day(2024, 6, 20)!))
            _ = try store.addProgress(
                NewProgress(activityID: f.activity.id, unitID: f.grandchild, date: Day(2024, 6, 20)!, text: "Kỳ sau"))
            #expect(try db.connection.query("SELECT count(*) FROM evidence").scalar(Int.self) == 0)
        }
    }

    @Test("Submitted snapshots are immutable for every application role; the migration record is the migrator's")
    func immutableRecords() throws {
        try Seed.withPlans { store, db in
            let plan = try store.findPlan("45/KH-STP")
            let q2 = try PeriodID(parsing: "2024-Q2")
            let owner = try store.planOwner(id: plan.id, namesOn: Day(2024, 6, 14)!)
            _ = try store.submitReport(
                planID: plan.id, unitID: owner.id, period: q2, regime: "cchc",
                window: DayRange(from: Day(2024, 3, 15)!, to: Day(2024, 6, 14)!)
            ) { SnapshotContent(json: #"{"format":"cchc.report/v1"}"#, model: "{}") }
            for statement: SQL in [
                "UPDATE report_snapshots SET content_text = '{}', sha256 = encode(sha256('{}'::bytea), 'hex')",
                "UPDATE report_snapshots SET submitted_by = 'ai đó'",
                "UPDATE report_snapshots SET model_text = '{}'",
                "DELETE FROM report_snapshots",
                "UPDATE schema_migrations SET sha256 = repeat('0', 64)",
                "DELETE FROM schema_migrations",
                "INSERT INTO schema_migrations (version, name, sha256) VALUES (9999, 'x', repeat('0', 64))",
            ] {
                let error = #expect(throws: PostgresError.self, "\(statement)") {
                    try Self.run(db.connection, as: Seed.admin, role: "cchc_admin", statement)
                }
                #expect(Self.refused(error, ["42501", "P0001"]), "\(statement): \(String(describing: error))")
            }
            #expect(try db.connection.query("SELECT count(*) FROM report_snapshots").scalar(Int.self) == 1)
            // A second submission after reopening supersedes the first, the one change allowed.
            _ = try store.reopenPeriod(plan: plan.id, unit: owner.id, period: q2, regime: .cchc, reason: "Bổ sung")
            _ = try store.submitReport(
                planID: plan.id, unitID: owner.id, period: q2, regime: "cchc",
                window: DayRange(from: Day(2024, 3, 15)!, to: Day(2024, 6, 14)!)
            ) { SnapshotContent(json: #"{"format":"cchc.report/v1","version":2}"#, model: "{}") }
            #expect(
                try db.connection.query("SELECT string_agg(status, ',' ORDER BY version) FROM report_snapshots")
                    .scalar(String.self) == "superseded,submitted")
            // The owner's maintenance (here the superuser) may remove one.
            try db.connection.query("DELETE FROM report_snapshots WHERE status = 'superseded'")
        }
    }

    @Test("An evidence file's sha256 is its content's digest; a forged row cannot capture a genuine upload")
    func evidenceDigest() throws {
        try Seed.withPlans { store, db in
            let genuine = Data("%PDF-1.4\nBiên bản hội nghị tuyên truyền".utf8)
            let digest = try db.connection.query("SELECT encode(sha256(\(genuine)), 'hex')").scalar(String.self)
            _ = try Seed.unitStaff(store, db, login: "pbgdpl", unit: Self.unitName)
            let forged = #expect(throws: PostgresError.self) {
                try Self.run(
                    db.connection, as: "pbgdpl", role: "cchc_unit",
                    """
                    INSERT INTO evidence_files (sha256, file_name, media_type, size, content)
                    VALUES (\(digest), 'bien-ban.pdf', 'application/pdf', 4, '\\x00010203'::bytea)
                    """)
            }
            #expect(forged?.sqlState == "23514", "\(String(describing: forged))")
            try Self.run(
                db.connection, as: "pbgdpl", role: "cchc_unit",
                """
                INSERT INTO evidence_files (sha256, file_name, media_type, size, content)
                VALUES (\(digest), 'bien-ban.pdf', 'application/pdf', \(genuine.count), \(genuine))
                """)
            #expect(try db.connection.query("SELECT content FROM evidence_files").scalar(Data.self) == genuine)
        }
    }

    @Test("Control characters other than tab and line breaks never reach a stored text")
    func controlCharacters() throws {
        try Seed.withPlans { store, db in
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit(Self.unitName)
            try Self.run(
                db.connection, as: Seed.admin, role: "cchc_admin",
                """
                INSERT INTO progress_entries (activity_id, unit_id, entry_date, text, quantity_unit, quantity)
                VALUES (\(activity.id), \(unit.id), '2024-05-02', \("Đăng\u{1B}[2J tin\u{07}\tbài\nmới\u{85}"), \("lớp\u{0B}"), 1)
                """)
            let row = try db.connection.query("SELECT text, quantity_unit FROM progress_entries").first!
            #expect(try row.decode(String.self, at: 0) == "Đăng[2J tin\tbài\nmới")
            #expect(try row.decode(String.self, at: 1) == "lớp")
        }
    }
}
