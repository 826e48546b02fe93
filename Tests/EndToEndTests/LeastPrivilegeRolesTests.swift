import Foundation
import PlanStore
import Postgres
import TestSupport
import Testing

extension DeploymentTests {
    /// deploy/postgres/setup-roles.sql on a real server: migrations as cchc_migrator, each person on their
    /// own login (deploy/postgres/create-login.sql).
    @Suite("The least-privilege layout of deploy/postgres/setup-roles.sql")
    struct LeastPrivilegeRoles {
        /// The logins of the sample department's two people.
        struct People {
            /// Văn phòng Sở's administrator (granted cchc_admin by the server's administrator, as the docs say
            /// for the first administrator).
            var admin: String
            /// The unit member, mapped by the administrator.
            var unit: String
        }

        /// A database prepared by setup-roles.sql and migrated as cchc_migrator, populated by the administrator
        /// on their own login, the unit member's login mapped; everything dropped afterwards.
        func withMigratedLayout(_ body: (DeployLayout, String, People) throws -> Void) throws {
            let layout = try DeployLayout()
            defer { layout.tearDown() }
            let database = try layout.prepareDatabase()
            try Migrator(connection: Connection(layout.configuration("cchc_migrator", database: database))).migrate()
            let people = People(admin: try layout.createLogin("vp"), unit: try layout.createLogin("nv"))
            try layout.superuser(database).execute(
                unsafeSQL: "GRANT cchc_admin TO \(try layout.superuser(database).quoteIdentifier(people.admin))")
            let admin = try Connection(layout.configuration(people.admin, database: database))
            try SampleDepartment.populate(admin)
            _ = try Store(connection: admin).setDatabaseLogin(SampleDepartment.unitLogin, to: people.unit)
            try body(layout, database, people)
        }

        @Test("setup-roles.sql prepares a UTF8 / C.UTF-8 database owned by cchc_owner, and running it again changes nothing")
        func preparesDatabase() throws {
            let layout = try DeployLayout()
            defer { layout.tearDown() }
            let database = try layout.prepareDatabase()
            let again = try layout.runSetup(database: database)
            #expect(again.status == 0, "\(again)")

            let c = try layout.superuser(database)
            let row = try c.query(
                """
                SELECT pg_encoding_to_char(encoding), datcollate::text, datctype::text, pg_get_userbyid(datdba)::text
                  FROM pg_database WHERE datname = current_database()
                """
            ).singleRow()
            #expect(try row.decode(String.self, at: 0) == "UTF8")
            #expect(try row.decode(String.self, at: 1) == "C.UTF-8")
            #expect(try row.decode(String.self, at: 2) == "C.UTF-8")
            #expect(try row.decode(String.self, at: 3) == "cchc_owner")
            #expect(try c.query("SELECT count(*) FROM pg_extension WHERE extname = 'btree_gist'").scalar(Int.self) == 1)

            for group in ["cchc_admin", "cchc_unit", "cchc_viewer"] {
                let rights = try c.query(
                    """
                    SELECT has_schema_privilege(\(group), 'public', 'CREATE'),
                           has_database_privilege(\(group), current_database(), 'TEMPORARY'),
                           has_database_privilege(\(group), current_database(), 'CONNECT'),
                           pg_has_role(\(group), 'cchc_owner', 'MEMBER')
                    """
                ).singleRow()
                #expect(try rights.decode(Bool.self, at: 0) == false, "\(group) may create objects in public")
                #expect(try rights.decode(Bool.self, at: 1) == false, "\(group) may create temporary tables")
                #expect(try rights.decode(Bool.self, at: 2) == true, "\(group) cannot connect")
                #expect(try rights.decode(Bool.self, at: 3) == false, "\(group) is a member of the owner")
            }
            let layoutRights = try c.query(
                """
                SELECT pg_has_role('cchc_migrator', 'cchc_owner', 'MEMBER'),
                       pg_has_role('cchc_admin', 'cchc_unit', 'MEMBER'),
                       (SELECT bool_and(m.admin_option) FROM pg_auth_members m
                         WHERE m.member = 'cchc_owner'::regrole
                           AND m.roleid IN ('cchc_admin'::regrole, 'cchc_unit'::regrole, 'cchc_viewer'::regrole)),
                       has_database_privilege('public', current_database(), 'CONNECT')
                """
            ).singleRow()
            #expect(try layoutRights.decode(Bool.self, at: 0) == true, "cchc_migrator cannot act as the owner")
            #expect(try layoutRights.decode(Bool.self, at: 1) == true, "an administrator cannot act for a unit member")
            #expect(try layoutRights.decode(Bool?.self, at: 2) == true, "the owner cannot grant the group roles")
            #expect(try layoutRights.decode(Bool.self, at: 3) == false, "anyone may connect")

            let attributes = try c.query(
                """
                SELECT rolname::text || ': login=' || rolcanlogin || ' super=' || rolsuper || ' createdb=' || rolcreatedb
                       || ' createrole=' || rolcreaterole || ' bypassrls=' || rolbypassrls
                  FROM pg_roles WHERE rolname IN ('cchc_owner', 'cchc_migrator', 'cchc_backup')
                 ORDER BY rolname
                """
            ).map { try $0.decode(String.self, at: 0) }
            #expect(
                attributes == [
                    "cchc_backup: login=true super=false createdb=false createrole=false bypassrls=true",
                    "cchc_migrator: login=true super=false createdb=false createrole=false bypassrls=false",
                    "cchc_owner: login=false super=false createdb=false createrole=false bypassrls=false",
                ])
        }

        @Test("setup-roles.sql refuses to run without superuser rights")
        func refusesNonSuperuser() throws {
            let layout = try DeployLayout()
            defer { layout.tearDown() }
            let database = try layout.prepareDatabase()
            let run = try layout.runSetup(database: database, as: "cchc_migrator")
            #expect(run.status != 0, "\(run)")
            #expect(run.standardError.contains("must be run by a superuser"), "\(run)")
        }

        @Test("Migrations run as cchc_migrator and every object belongs to cchc_owner; people's logins cannot change the schema")
        func migrationsAsMigrator() throws {
            try withMigratedLayout { layout, database, people in
                let migrator = try Connection(layout.configuration("cchc_migrator", database: database))
                let who = try migrator.query("SELECT session_user::text, current_user::text").singleRow()
                #expect(try who.decode(String.self, at: 0) == "cchc_migrator")
                #expect(try who.decode(String.self, at: 1) == "cchc_owner")

                let c = try layout.superuser(database)
                let owners = try c.query(
                    """
                    SELECT DISTINCT pg_get_userbyid(relowner)::text FROM pg_class
                     WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S', 'i', 'v')
                    UNION
                    SELECT DISTINCT pg_get_userbyid(proowner)::text FROM pg_proc
                     WHERE pronamespace = 'public'::regnamespace AND proname LIKE 'cchc%'
                    """
                ).map { try $0.decode(String.self, at: 0) }
                #expect(owners == ["cchc_owner"])
                let appliedBy = try c.query("SELECT DISTINCT applied_by FROM schema_migrations").map {
                    try $0.decode(String.self, at: 0)
                }
                #expect(appliedBy == ["cchc_migrator"])

                let app = try Connection(layout.configuration(people.admin, database: database))
                try Migrator(connection: app).requireCurrent()
                let next = Migration(version: 9_999, name: "thu_nghiem", sql: "CREATE TABLE thu_nghiem (x int);")
                #expect(throws: MigrationError.self) {
                    try Migrator(connection: app, migrations: Migration.all + [next]).migrate()
                }
                #expect(throws: PostgresError.self) {
                    try app.execute(unsafeSQL: "SET ROLE cchc_admin; DELETE FROM schema_migrations")
                }
                #expect(try c.query("SELECT to_regclass('thu_nghiem') IS NULL").scalar(Bool.self))
            }
        }

        /// Statements a person's login must never get through, whatever it does.
        static let forbidden = [
            "DROP TABLE activities",
            "TRUNCATE audit_log",
            "DELETE FROM audit_log",
            "UPDATE audit_log SET actor = 'ai đó'",
            "INSERT INTO audit_log (actor, table_name, action, after) VALUES ('giả mạo', 'units', 'insert', '{}')",
            "ALTER TABLE progress_entries DISABLE ROW LEVEL SECURITY",
            "ALTER TABLE units DISABLE TRIGGER audit",
            "SET ROLE cchc_owner",
            "SET session_replication_role = replica",
            "CREATE TABLE public.thu_nghiem (x int)",
            "CREATE TEMPORARY TABLE thu_nghiem (x int)",
            "CREATE TEMPORARY TABLE users (id bigint, login text, role text, unit_id bigint, active boolean)",
            "CREATE ROLE ke_la LOGIN SUPERUSER",
            "CREATE DATABASE cchc_khac",
            "SET ROLE cchc_admin; UPDATE schema_migrations SET sha256 = repeat('0', 64)",
            "SET ROLE cchc_admin; DELETE FROM report_snapshots",
            "SET ROLE cchc_admin; UPDATE report_outlines SET source = '[báo cáo]'",
            "SET ROLE cchc_admin; DELETE FROM report_outlines",
        ]

        @Test("Through people's own logins the store works, but no login can drop tables, write the audit log or switch security off")
        func appLoginLimits() throws {
            try withMigratedLayout { layout, database, people in
                let c = try layout.superuser(database)
                let audit = try c.query("SELECT count(*), max(id) FROM audit_log").singleRow()
                #expect(try audit.decode(Int.self, at: 0) > 0)
                // Every change was made on the administrator's login; what the administrator did for the unit
                // member is recorded as done by the member, with the administrator as operator.
                let actors = try c.query("SELECT DISTINCT db_login FROM audit_log").map { try $0.decode(String.self, at: 0) }
                #expect(actors == [people.admin])
                let acting = try c.query(
                    "SELECT DISTINCT actor || ' / ' || coalesce(operator, '-') FROM audit_log ORDER BY 1"
                ).map { try $0.decode(String.self, at: 0) }
                #expect(acting == ["\(SampleDepartment.unitLogin) / \(SampleDepartment.adminLogin)", "\(SampleDepartment.adminLogin) / -"])

                for login in [people.admin, people.unit] {
                    let session = try Connection(layout.configuration(login, database: database))
                    for statement in Self.forbidden {
                        let error = #expect(throws: PostgresError.self, "\(login): \(statement)") {
                            try session.execute(unsafeSQL: statement)
                        }
                        #expect(
                            ["42501", "P0001"].contains(error?.sqlState ?? ""), "\(login): \(statement): \(String(describing: error))")
                        if session.isInTransaction { try session.execute(unsafeSQL: "ROLLBACK") }
                    }
                }
                // Not even as the admin group role inside a tool's transaction.
                let admin = try Store(connection: Connection(layout.configuration(people.admin, database: database)))
                #expect(admin.user.login == SampleDepartment.adminLogin && admin.operatorLogin == nil)
                #expect(throws: StoreError.self) {
                    try admin.transaction { c in try c.execute(unsafeSQL: "DELETE FROM audit_log") }
                }
                let after = try c.query("SELECT count(*), max(id) FROM audit_log").singleRow()
                #expect(try after.decode(Int.self, at: 0) == (try audit.decode(Int.self, at: 0)))
                #expect(try c.query("SELECT to_regclass('activities') IS NOT NULL").scalar(Bool.self))
                #expect(try c.query("SELECT count(*) FROM report_snapshots").scalar(Int.self) > 0)
            }
        }

        @Test("A unit member is who their login says: no --as, no cchc.user, no other role, no other unit's activity")
        func rowLevelSecurityHolds() throws {
            try withMigratedLayout { layout, database, people in
                let c = try layout.superuser(database)
                let entries = try c.query("SELECT count(*) FROM progress_entries").scalar(Int.self)
                let unit = try Connection(layout.configuration(people.unit, database: database))

                // The login is the member, with the unit role the mapping granted and nothing else.
                let member = try Store(connection: unit)
                #expect(member.user.login == SampleDepartment.unitLogin && member.user.role == .unit)
                let memberships = try c.query(
                    """
                    SELECT string_agg(g.rolname, ',' ORDER BY g.rolname) FROM pg_auth_members m
                      JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = \(people.unit)::regrole
                    """
                ).scalar(String?.self)
                #expect(memberships == "cchc_unit")
                // Asking to be somebody else is refused before anything runs.
                let asAdmin = #expect(throws: StoreError.self) {
                    try Store(connection: unit, actingAs: SampleDepartment.adminLogin)
                }
                if case .actingForbidden = asAdmin {} else { Issue.record("expected .actingForbidden, got \(String(describing: asAdmin))") }

                // PL.1 is led by Văn phòng Sở; the member belongs to Phòng Hành chính tư pháp, which does not take part.
                let refused = #expect(throws: StoreError.self) {
                    try member.transaction("ghi tiến độ cho hoạt động PL.1") { c in
                        try c.query(
                            """
                            INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                            SELECT a.id, u.unit_id, '2024-05-02', 'Ghi hộ đơn vị khác'
                              FROM activities a, users u
                             WHERE a.ref = 'PL.1' AND a.removed_in_revision IS NULL AND u.login = \(SampleDepartment.unitLogin)
                            """)
                    }
                }
                if case .forbidden = refused {
                } else {
                    Issue.record("expected .forbidden, got \(String(describing: refused))")
                }

                // The same write issued by hand: claiming to be the administrator, switching row-level security
                // off, taking the admin role, or shadowing `users` with a temporary table.
                let attempts = [
                    """
                    SET LOCAL ROLE cchc_unit;
                    SELECT set_config('cchc.user', '\(SampleDepartment.adminLogin)', true);
                    INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                    SELECT a.id, a_lead.unit_id, '2024-05-02', 'Ghi hộ đơn vị khác'
                      FROM activities a JOIN activity_assignments a_lead ON a_lead.activity_id = a.id
                     WHERE a.ref = 'PL.1' AND a_lead.role = 'lead'
                    """,
                    """
                    SET LOCAL row_security = off;
                    INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                    SELECT a.id, a_lead.unit_id, '2024-05-02', 'Ghi hộ đơn vị khác'
                      FROM activities a JOIN activity_assignments a_lead ON a_lead.activity_id = a.id
                     WHERE a.ref = 'PL.1' AND a_lead.role = 'lead'
                    """,
                    "SET LOCAL ROLE cchc_admin",
                    "CREATE TEMPORARY TABLE users AS SELECT * FROM public.users",
                ]
                for attempt in attempts {
                    let direct = #expect(throws: PostgresError.self, "\(attempt)") {
                        try unit.withTransaction { c in try c.execute(unsafeSQL: attempt) }
                    }
                    #expect(direct?.sqlState == "42501", "\(attempt): \(String(describing: direct))")
                }
                #expect(try c.query("SELECT count(*) FROM progress_entries").scalar(Int.self) == entries)

                // Disabled, the person's login loses its role at once; enabled, it gets it back.
                let admin = try Store(connection: Connection(layout.configuration(people.admin, database: database)))
                _ = try admin.setUserActive(SampleDepartment.unitLogin, active: false)
                #expect(try c.query("SELECT pg_has_role(\(people.unit), 'cchc_unit', 'MEMBER')").scalar(Bool.self) == false)
                #expect(throws: StoreError.self) { try Store(connection: unit) }
                _ = try admin.setUserActive(SampleDepartment.unitLogin, active: true)
                #expect(try c.query("SELECT pg_has_role(\(people.unit), 'cchc_unit', 'MEMBER')").scalar(Bool.self))
            }
        }

        @Test("Moving to a server: a backup of a database owned by another login restores with --no-owner as cchc_migrator")
        func moveToServer() throws {
            // The embedded cluster's database belongs to the person's own login (here: the test superuser),
            // a role the server does not have; --no-owner gives everything to cchc_owner instead.
            try BackupRestore.withSampleDatabase { source, before in
                let layout = try DeployLayout()
                defer { layout.tearDown() }
                let directory = try ScratchDirectory()
                defer { directory.remove() }
                let backup = try BackupRestore.backup(source, into: directory)
                try #require(backup.status == 0, "\(backup)")

                let target = try layout.prepareDatabase()
                let restore = try runProgram(
                    "deploy/restore.sh", ["--no-owner", backup.archivePath, target],
                    environment: scriptEnvironment(
                        conninfo: layout.configuration("cchc_migrator", database: target).conninfo))
                try #require(restore.status == 0, "\(restore)")

                let c = try layout.superuser(target)
                let after = try DatabaseFingerprint(c)
                #expect(after.tables == before.tables)
                #expect(after.auditLog == before.auditLog)
                #expect(after.policies == before.policies && after.triggers == before.triggers)
                let owners = try c.query(
                    """
                    SELECT DISTINCT pg_get_userbyid(relowner)::text FROM pg_class WHERE relnamespace = 'public'::regnamespace
                    UNION SELECT DISTINCT pg_get_userbyid(defaclrole)::text FROM pg_default_acl
                    """
                ).map { try $0.decode(String.self, at: 0) }
                #expect(owners == ["cchc_owner"])
                let rights = try c.query(
                    """
                    SELECT has_table_privilege('cchc_admin', 'audit_log', 'INSERT'),
                           has_table_privilege('cchc_admin', 'activities', 'UPDATE'),
                           has_table_privilege('cchc_unit', 'progress_entries', 'INSERT')
                    """
                ).singleRow()
                #expect(try rights.decode(Bool.self, at: 0) == false)
                #expect(try rights.decode(Bool.self, at: 1) == true)
                #expect(try rights.decode(Bool.self, at: 2) == true)

                // The administrator maps the unit member to a login of the server; the member carries on there,
                // and a migration added later grants its tables as before.
                let login = try layout.createLogin("nv")
                _ = try Store(connection: c, actingAs: SampleDepartment.adminLogin)
                    .setDatabaseLogin(SampleDepartment.unitLogin, to: login)
                let app = try Connection(layout.configuration(login, database: target))
                let member = try Store(connection: app)
                try member.transaction { c in
                    try c.query(
                        """
                        INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                        SELECT a.id, u.unit_id, '2024-06-03', 'Đăng 01 tin trên Trang thông tin điện tử'
                          FROM activities a, users u
                         WHERE a.ref = 'PL.2' AND a.removed_in_revision IS NULL AND u.login = \(SampleDepartment.unitLogin)
                        """)
                }
                let migrator = try Connection(layout.configuration("cchc_migrator", database: target))
                try migrator.execute(unsafeSQL: "CREATE TABLE thu_nghiem (x int)")
                #expect(try c.query("SELECT has_table_privilege('cchc_viewer', 'thu_nghiem', 'SELECT')").scalar(Bool.self))
            }
        }

        @Test("backup.sh as cchc_backup and restore.sh as cchc_migrator into a database prepared by setup-roles.sql")
        func backupAndRestoreWithLeastPrivilege() throws {
            try withMigratedLayout { layout, database, people in
                let before = try DatabaseFingerprint(layout.superuser(database))
                let directory = try ScratchDirectory()
                defer { directory.remove() }

                // A person's login cannot dump: pg_dump refuses tables whose rows a policy would hide.
                let asApp = try runProgram(
                    "deploy/backup.sh", ["--dir", directory.url.path],
                    environment: scriptEnvironment(conninfo: layout.configuration(people.unit, database: database).conninfo))
                #expect(asApp.status == 1, "\(asApp)")
                #expect(try directory.fileNames().isEmpty)

                let backup = try runProgram(
                    "deploy/backup.sh", ["--dir", directory.url.path],
                    environment: scriptEnvironment(
                        conninfo: layout.configuration("cchc_backup", database: database).conninfo))
                try #require(backup.status == 0, "\(backup)")

                let target = try layout.prepareDatabase()
                let restore = try runProgram(
                    "deploy/restore.sh", [backup.archivePath, target],
                    environment: scriptEnvironment(
                        conninfo: layout.configuration("cchc_migrator", database: target).conninfo))
                try #require(restore.status == 0, "\(restore)")

                let differences = try DatabaseFingerprint(layout.superuser(target)).differences(from: before)
                #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")

                // A restore drill repeated over the same database: --force, still as the migrator.
                let again = try runProgram(
                    "deploy/restore.sh", ["--force", backup.archivePath, target],
                    environment: scriptEnvironment(
                        conninfo: layout.configuration("cchc_migrator", database: target).conninfo))
                try #require(again.status == 0, "\(again)")
                let forced = try DatabaseFingerprint(layout.superuser(target)).differences(from: before)
                #expect(forced.isEmpty, "\(forced.joined(separator: "\n"))")

                // The tools carry on against the restored database on the administrator's login.
                let app = try Connection(layout.configuration(people.admin, database: target))
                try Migrator(connection: app).requireCurrent()
                let store = try Store(connection: app)
                #expect(store.user.login == SampleDepartment.adminLogin)
                try store.transaction { c in
                    try c.query("INSERT INTO units (name, name_key, kind) VALUES ('Thanh tra Sở', 'thanh tra so', 'division')")
                }
            }
        }
    }
}
