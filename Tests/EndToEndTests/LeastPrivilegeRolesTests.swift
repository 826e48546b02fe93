import Foundation
import PlanStore
import Postgres
import TestSupport
import Testing

extension DeploymentTests {
    /// deploy/postgres/setup-roles.sql on a real server: migrations as cchc_migrator, the tools as cchc_app.
    @Suite("The least-privilege layout of deploy/postgres/setup-roles.sql")
    struct LeastPrivilegeRoles {
        /// A database prepared by setup-roles.sql and migrated as cchc_migrator; everything dropped afterwards.
        func withMigratedLayout(_ body: (DeployLayout, String) throws -> Void) throws {
            let layout = try DeployLayout()
            defer { layout.tearDown() }
            let database = try layout.prepareDatabase()
            try Migrator(connection: Connection(layout.configuration("cchc_migrator", database: database))).migrate()
            try body(layout, database)
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

            let rights = try c.query(
                """
                SELECT has_schema_privilege('cchc_app', 'public', 'CREATE'),
                       has_database_privilege('cchc_app', current_database(), 'TEMPORARY'),
                       has_database_privilege('cchc_app', current_database(), 'CONNECT'),
                       pg_has_role('cchc_app', 'cchc_owner', 'MEMBER'),
                       pg_has_role('cchc_app', 'cchc_unit', 'MEMBER'),
                       pg_has_role('cchc_migrator', 'cchc_owner', 'MEMBER')
                """
            ).singleRow()
            #expect(try rights.decode(Bool.self, at: 0) == false, "cchc_app may create objects in public")
            #expect(try rights.decode(Bool.self, at: 1) == false, "cchc_app may create temporary tables")
            #expect(try rights.decode(Bool.self, at: 2) == true, "cchc_app cannot connect")
            #expect(try rights.decode(Bool.self, at: 3) == false, "cchc_app is a member of the owner")
            #expect(try rights.decode(Bool.self, at: 4) == true, "cchc_app cannot switch to cchc_unit")
            #expect(try rights.decode(Bool.self, at: 5) == true, "cchc_migrator cannot act as the owner")

            let attributes = try c.query(
                """
                SELECT rolname::text || ': login=' || rolcanlogin || ' super=' || rolsuper || ' createdb=' || rolcreatedb
                       || ' createrole=' || rolcreaterole || ' bypassrls=' || rolbypassrls
                  FROM pg_roles WHERE rolname IN ('cchc_owner', 'cchc_migrator', 'cchc_app', 'cchc_backup')
                 ORDER BY rolname
                """
            ).map { try $0.decode(String.self, at: 0) }
            #expect(
                attributes == [
                    "cchc_app: login=true super=false createdb=false createrole=false bypassrls=false",
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
            let run = try layout.runSetup(database: database, as: "cchc_app")
            #expect(run.status != 0, "\(run)")
            #expect(run.standardError.contains("must be run by a superuser"), "\(run)")
        }

        @Test("Migrations run as cchc_migrator and every object belongs to cchc_owner; cchc_app cannot change the schema")
        func migrationsAsMigrator() throws {
            try withMigratedLayout { layout, database in
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

                let app = try Connection(layout.configuration("cchc_app", database: database))
                try Migrator(connection: app).requireCurrent()
                let next = Migration(version: 9_999, name: "thu_nghiem", sql: "CREATE TABLE thu_nghiem (x int);")
                #expect(throws: MigrationError.self) {
                    try Migrator(connection: app, migrations: Migration.all + [next]).migrate()
                }
                #expect(try c.query("SELECT to_regclass('thu_nghiem') IS NULL").scalar(Bool.self))
            }
        }

        /// Statements a session of cchc_app must never get through, whatever it does.
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
            "CREATE ROLE ke_la LOGIN SUPERUSER",
            "CREATE DATABASE cchc_khac",
        ]

        @Test("Through cchc_app the store works, but the login cannot drop tables, write the audit log or switch security off")
        func appLoginLimits() throws {
            try withMigratedLayout { layout, database in
                let app = try Connection(layout.configuration("cchc_app", database: database))
                // The tools' whole path as the app login: bootstrap admin, import, unit member's progress.
                try SampleDepartment.populate(app)

                let c = try layout.superuser(database)
                let audit = try c.query("SELECT count(*), max(id) FROM audit_log").singleRow()
                #expect(try audit.decode(Int.self, at: 0) > 0)
                let actors = try c.query("SELECT DISTINCT db_login FROM audit_log").map { try $0.decode(String.self, at: 0) }
                #expect(actors == ["cchc_app"])

                for statement in Self.forbidden {
                    let error = #expect(throws: PostgresError.self, "\(statement)") {
                        try app.execute(unsafeSQL: statement)
                    }
                    #expect(error?.sqlState == "42501", "\(statement): \(String(describing: error))")
                }
                // Not even as the admin group role inside a tool's transaction.
                let admin = try Store(connection: app, login: SampleDepartment.adminLogin)
                #expect(throws: StoreError.self) {
                    try admin.transaction { c in try c.execute(unsafeSQL: "DELETE FROM audit_log") }
                }
                let after = try c.query("SELECT count(*), max(id) FROM audit_log").singleRow()
                #expect(try after.decode(Int.self, at: 0) == (try audit.decode(Int.self, at: 0)))
                #expect(try c.query("SELECT to_regclass('activities') IS NOT NULL").scalar(Bool.self))
            }
        }

        @Test("A unit member cannot record progress for another unit's activity, even with direct SQL through cchc_app")
        func rowLevelSecurityHolds() throws {
            try withMigratedLayout { layout, database in
                let app = try Connection(layout.configuration("cchc_app", database: database))
                try SampleDepartment.populate(app)
                let c = try layout.superuser(database)
                let entries = try c.query("SELECT count(*) FROM progress_entries").scalar(Int.self)

                // PL.1 is led by Văn phòng Sở; the member belongs to Phòng Hành chính tư pháp, which does not take part.
                let member = try Store(connection: app, login: SampleDepartment.unitLogin)
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

                // The same write issued by hand, with the row-level security switch turned off first.
                let direct = #expect(throws: PostgresError.self) {
                    try app.withTransaction { c in
                        try c.execute(unsafeSQL: "SET LOCAL ROLE cchc_unit")
                        try c.query("SELECT set_config('cchc.user', \(SampleDepartment.unitLogin), true)")
                        try c.execute(unsafeSQL: "SET LOCAL row_security = off")
                        try c.execute(
                            unsafeSQL: """
                                INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                                SELECT a.id, a_lead.unit_id, '2024-05-02', 'Ghi hộ đơn vị khác'
                                  FROM activities a JOIN activity_assignments a_lead ON a_lead.activity_id = a.id
                                 WHERE a.ref = 'PL.1' AND a_lead.role = 'lead'
                                """)
                    }
                }
                #expect(direct?.sqlState == "42501", "\(String(describing: direct))")
                #expect(try c.query("SELECT count(*) FROM progress_entries").scalar(Int.self) == entries)
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

                // The tools carry on as cchc_app, and a migration added later grants its tables as before.
                let app = try Connection(layout.configuration("cchc_app", database: target))
                let member = try Store(connection: app, login: SampleDepartment.unitLogin)
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
            try withMigratedLayout { layout, database in
                try SampleDepartment.populate(Connection(layout.configuration("cchc_app", database: database)))
                let before = try DatabaseFingerprint(layout.superuser(database))
                let directory = try ScratchDirectory()
                defer { directory.remove() }

                // The app login cannot dump: pg_dump refuses tables whose rows a policy would hide.
                let asApp = try runProgram(
                    "deploy/backup.sh", ["--dir", directory.url.path],
                    environment: scriptEnvironment(conninfo: layout.configuration("cchc_app", database: database).conninfo))
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

                // The tools carry on against the restored database as the app login.
                let app = try Connection(layout.configuration("cchc_app", database: target))
                try Migrator(connection: app).requireCurrent()
                let store = try Store(connection: app, login: SampleDepartment.adminLogin)
                try store.transaction { c in
                    try c.query("INSERT INTO units (name, name_key, kind) VALUES ('Thanh tra Sở', 'thanh tra so', 'division')")
                }
            }
        }
    }
}
