import Foundation
import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

/// The data version (migration 0009) the web server's caches trust: it must move with every committed
/// change of plan data, however it was made, and only then.
@Suite("The data version moves once per committed write of plan data, and for nothing else")
struct DataVersionTests {
    static let unitName = "Phòng Phổ biến, giáo dục pháp luật"
    /// The tables whose writes are not plan data.
    static let exempt: Set<String> = [
        "data_version", "data_write_marks", "schema_migrations", "audit_log", "web_sessions", "web_sign_in_failures",
        "user_credentials",
    ]

    static func version(_ db: TestDatabase) throws -> Int64 {
        try db.connection.query("SELECT version FROM data_version").scalar(Int64.self)
    }

    @Test("Every table of the schema but the sign-in bookkeeping and the audit carries the trigger")
    func everyTable() throws {
        try withMigratedDatabase { db in
            let rows = try db.connection.query(
                """
                SELECT c.relname::text,
                       EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'mark_data_write')
                  FROM pg_class c
                 WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
                """)
            var tables: [String: Bool] = [:]
            for row in rows { tables[try row.decode(String.self, at: 0)] = try row.decode(Bool.self, at: 1) }
            #expect(tables.count > 20)
            #expect(Set(tables.filter { !$0.value }.keys) == Self.exempt)
        }
    }

    @Test("A store write, a raw SQL transaction over two tables: one step each; a rollback, a read, a sign-in: none")
    func counting() throws {
        try Seed.withPlans { store, db in
            let unitStore = try Seed.unitStaff(store, db, login: "pbgdpl", unit: Self.unitName)
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit(Self.unitName)
            var version = try Self.version(db)

            _ = try unitStore.addProgress(
                NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 2)!, text: "Hội nghị phổ biến"))
            #expect(try Self.version(db) == version + 1)
            version += 1

            // Raw SQL as the unit's group role, writing two tables in one transaction.
            try db.connection.withTransaction { c in
                try c.query("SELECT set_config('cchc.user', 'pbgdpl', true)")
                try c.query("SET LOCAL ROLE cchc_unit")
                for day in ["2024-05-03", "2024-05-04"] {
                    try c.query(
                        """
                        INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                        VALUES (\(activity.id), \(unit.id), \(day)::date, 'Ghi bằng psql')
                        """)
                }
                try c.query(
                    "INSERT INTO evidence (progress_entry_id, position, kind, value) SELECT max(id), 0, 'url', 'https://stp.example.vn/a' FROM progress_entries")
            }
            #expect(try Self.version(db) == version + 1)
            version += 1

            struct Undo: Error {}
            #expect(throws: Undo.self) {
                try db.connection.withTransaction { c in
                    try c.query("UPDATE activities SET title = title || ' (thử)' WHERE id = \(activity.id)")
                    throw Undo()
                }
            }
            _ = try unitStore.listActivities(ActivityFilter(unitID: unit.id, asOf: Day(2024, 6, 10)!))
            _ = try store.statusBoard(
                planID: activity.planID, period: try PeriodID(parsing: "2024-Q2"), regime: .cchc, asOf: Day(2024, 6, 10)!)
            #expect(try Self.version(db) == version)

            // Signing in, reading and ending a session write only the sign-in bookkeeping.
            let hash = try db.connection.query(
                "SELECT crypt(\(PasswordPolicy.secret("mat-khau-cua-pbgdpl")), gen_salt('bf', 12))"
            ).scalar(String.self)
            try store.setPassword("pbgdpl", hash: hash, mustChange: false)
            #expect(try Self.version(db) == version, "a password is sign-in bookkeeping")
            let refused = try WebSessions.signIn(
                db.connection, login: "pbgdpl", password: "sai-mat-khau-roi", address: "10.0.0.9", userAgent: nil,
                idle: .seconds(600), lifetime: .seconds(3600))
            #expect(refused == .refused)
            guard
                case .signedIn(let token, _, _) = try WebSessions.signIn(
                    db.connection, login: "pbgdpl", password: "mat-khau-cua-pbgdpl", address: "10.0.0.9", userAgent: nil,
                    idle: .seconds(600), lifetime: .seconds(3600))
            else {
                Issue.record("sign-in refused")
                return
            }
            #expect(try WebSessions.session(db.connection, token: token) != nil)
            try WebSessions.signOut(db.connection, token: token)
            #expect(try Self.version(db) == version)
        }
    }

    @Test("No application role may set the version or the marks by hand")
    func nobodySetsIt() throws {
        try Seed.withPlans { store, db in
            _ = try Seed.unitStaff(store, db, login: "pbgdpl", unit: Self.unitName)
            let before = try Self.version(db)
            for (login, role) in [("vanphong", "cchc_admin"), ("pbgdpl", "cchc_unit")] {
                for sql: SQL in [
                    "UPDATE data_version SET version = 0", "INSERT INTO data_write_marks DEFAULT VALUES",
                    "DELETE FROM data_write_marks", "SELECT cchc_bump_data_version()",
                ] {
                    let error = #expect(throws: PostgresError.self) {
                        try SQLGuardTests.run(db.connection, as: login, role: role, sql)
                    }
                    #expect(SQLGuardTests.refused(error, ["42501", "0A000", "42883"]), "\(role): \(String(describing: error))")
                }
            }
            #expect(try Self.version(db) == before)
        }
    }
}
