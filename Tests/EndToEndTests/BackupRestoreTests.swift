import Foundation
import PlanStore
import Postgres
import TestSupport
import Testing

extension DeploymentTests {
    /// deploy/backup.sh and deploy/restore.sh against a real server, on a database filled through the store.
    @Suite("Backup and restore with deploy/backup.sh and deploy/restore.sh")
    struct BackupRestore {
        /// A migrated database holding `SampleDepartment`, with its fingerprint.
        static func withSampleDatabase(_ body: (TestDatabase, DatabaseFingerprint) throws -> Void) throws {
            try withTestDatabase(prepare: { try Migrator(connection: $0).migrate() }) { source in
                try SampleDepartment.populate(source.connection)
                try body(source, try DatabaseFingerprint(source.connection))
            }
        }

        static func backup(_ source: TestDatabase, into directory: ScratchDirectory, keepDays: Int = 14) throws
            -> ScriptRun
        {
            try runProgram(
                "deploy/backup.sh", ["--dir", directory.url.path, "--keep-days", String(keepDays)],
                environment: scriptEnvironment(conninfo: source.conninfo))
        }

        static let schemaLine = "Lược đồ: phiên bản " + String(format: "%04d", Migration.all.last?.version ?? 0)

        @Test("A backup restored into a new database brings back every row, the audit trail, the migrations, the policies and the triggers")
        func roundTrip() throws {
            try Self.withSampleDatabase { source, before in
                // data_write_marks holds rows only inside a writing transaction, until it commits.
                for table in before.tables.keys.sorted() where table != "data_write_marks" {
                    #expect((before.rowCount(table) ?? 0) > 0, "the sample leaves \(table) empty")
                }
                #expect(before.policies.count >= 9 && before.triggers.count >= 30 && before.rowSecurity.count == 5)

                let directory = try ScratchDirectory()
                defer { directory.remove() }
                let backup = try Self.backup(source, into: directory)
                try #require(backup.status == 0, "\(backup)")
                let archive = URL(fileURLWithPath: backup.archivePath)
                #expect(archive.lastPathComponent.wholeMatch(of: /cchc-cchc_test_[0-9a-f]{16}-\d{8}T\d{6}Z\.dump/) != nil)
                #expect(try directory.fileNames() == [archive.lastPathComponent, archive.lastPathComponent + ".sha256"])
                let checksum = try runProgram(
                    "sha256sum", ["--check", archive.lastPathComponent + ".sha256"],
                    environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                    directory: directory.url)
                #expect(checksum.status == 0, "\(checksum)")

                let target = ScratchDatabase()
                defer { target.drop() }
                let restore = try runProgram(
                    "deploy/restore.sh", [archive.path, target.name],
                    environment: scriptEnvironment(conninfo: source.conninfo))
                try #require(restore.status == 0, "\(restore)")
                #expect(restore.standardOutput.contains(Self.schemaLine), "\(restore)")

                let restored = try Connection(source.configuration.replacingDatabase(target.name))
                let differences = try DatabaseFingerprint(restored).differences(from: before)
                #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
                // A new database from a dump gets default privileges: restore.sh takes TEMPORARY back.
                #expect(
                    try restored.query("SELECT has_database_privilege('public', current_database(), 'TEMPORARY')")
                        .scalar(Bool.self) == false)

                // The restored database is live: current for this build, and a new write gets a fresh id
                // and its audit row through the restored triggers.
                try Migrator(connection: restored).requireCurrent()
                let store = try Store(connection: restored, actingAs: SampleDepartment.adminLogin)
                let newUnit = try store.transaction { c in
                    try c.query(
                        "INSERT INTO units (name, name_key, kind) VALUES ('Phòng Công chứng', 'phong cong chung', 'division') RETURNING id"
                    ).scalar(Int64.self)
                }
                let audited = try restored.query(
                    "SELECT actor FROM audit_log WHERE table_name = 'units' AND row_id = \(String(newUnit))"
                ).scalar(String.self)
                #expect(audited == SampleDepartment.adminLogin)
            }
        }

        @Test("restore.sh accepts an existing empty database but refuses a non-empty one, leaving it untouched")
        func refusesNonEmptyTarget() throws {
            try Self.withSampleDatabase { source, before in
                let directory = try ScratchDirectory()
                defer { directory.remove() }
                let backup = try Self.backup(source, into: directory)
                try #require(backup.status == 0, "\(backup)")

                let refused = try runProgram(
                    "deploy/restore.sh", [backup.archivePath, source.name],
                    environment: scriptEnvironment(conninfo: source.conninfo))
                #expect(refused.status == 1, "\(refused)")
                #expect(refused.standardError.contains("không rỗng"), "\(refused)")
                #expect(try DatabaseFingerprint(source.connection).differences(from: before).isEmpty)

                try withTestDatabase { empty in
                    let restore = try runProgram(
                        "deploy/restore.sh", [backup.archivePath, empty.name],
                        environment: scriptEnvironment(conninfo: source.conninfo))
                    #expect(restore.status == 0, "\(restore)")
                    let differences = try DatabaseFingerprint(empty.connection).differences(from: before)
                    #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
                }
            }
        }

        @Test("restore.sh --force replaces the content of a database that already has the schema")
        func forceReplacesContent() throws {
            try Self.withSampleDatabase { source, before in
                let directory = try ScratchDirectory()
                defer { directory.remove() }
                let backup = try Self.backup(source, into: directory)
                try #require(backup.status == 0, "\(backup)")

                try withTestDatabase(prepare: { try Migrator(connection: $0).migrate() }) { other in
                    _ = try Store(connection: other.connection, actingAs: "nguoi.khac")
                    let restore = try runProgram(
                        "deploy/restore.sh", ["--force", backup.archivePath, other.name],
                        environment: scriptEnvironment(conninfo: source.conninfo))
                    #expect(restore.status == 0, "\(restore)")
                    let differences = try DatabaseFingerprint(other.connection).differences(from: before)
                    #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
                    // The target's own default privileges must not leak onto the recreated tables.
                    #expect(
                        try other.connection.query("SELECT has_table_privilege('cchc_admin', 'audit_log', 'INSERT')")
                            .scalar(Bool.self) == false)
                }
            }
        }

        @Test("A damaged archive is refused before anything is created on the server")
        func damagedArchiveRefused() throws {
            try Self.withSampleDatabase { source, _ in
                let directory = try ScratchDirectory()
                defer { directory.remove() }
                let backup = try Self.backup(source, into: directory)
                try #require(backup.status == 0, "\(backup)")
                let original = try Data(contentsOf: URL(fileURLWithPath: backup.archivePath))

                // One flipped byte: the sha256 written beside the archive no longer matches.
                var flipped = original
                flipped[flipped.count / 2] ^= 0xFF
                try flipped.write(to: URL(fileURLWithPath: backup.archivePath))
                let target = ScratchDatabase()
                defer { target.drop() }
                let mismatch = try runProgram(
                    "deploy/restore.sh", [backup.archivePath, target.name],
                    environment: scriptEnvironment(conninfo: source.conninfo))
                #expect(mismatch.status == 1, "\(mismatch)")
                #expect(mismatch.standardError.contains("sha256"), "\(mismatch)")
                #expect(try !target.exists())

                // Cut short, with no checksum file to compare against: pg_restore itself notices.
                try original.prefix(original.count * 2 / 3).write(to: URL(fileURLWithPath: backup.archivePath))
                try FileManager.default.removeItem(atPath: backup.archivePath + ".sha256")
                let truncated = try runProgram(
                    "deploy/restore.sh", [backup.archivePath, target.name],
                    environment: scriptEnvironment(conninfo: source.conninfo))
                #expect(truncated.status == 1, "\(truncated)")
                #expect(try !target.exists())
            }
        }

        @Test("An unreachable database makes backup.sh exit 3 and leave no file behind")
        func unreachableDatabase() throws {
            try withTestDatabase { db in
                let directory = try ScratchDirectory()
                defer { directory.remove() }
                let missing = db.configuration.replacingDatabase("cchc_khong_ton_tai")
                let run = try runProgram(
                    "deploy/backup.sh", ["--dir", directory.url.path],
                    environment: scriptEnvironment(conninfo: missing.conninfo))
                #expect(run.status == 3, "\(run)")
                #expect(run.standardError.contains("Không kết nối được"), "\(run)")
                #expect(try directory.fileNames().isEmpty)
            }
        }

        @Test("Retention removes this database's backups older than --keep-days, and nothing else")
        func retention() throws {
            try withTestDatabase(prepare: { try Migrator(connection: $0).migrate() }) { db in
                let directory = try ScratchDirectory()
                defer { directory.remove() }
                let files = FileManager.default
                func plant(_ name: String, daysOld: Double) throws {
                    for file in [name, name + ".sha256"] {
                        let path = directory.url.appendingPathComponent(file).path
                        _ = files.createFile(atPath: path, contents: Data("x".utf8))
                        try files.setAttributes(
                            [.modificationDate: Date(timeIntervalSinceNow: -daysOld * 86_400)], ofItemAtPath: path)
                    }
                }
                let expired = "cchc-\(db.name)-20240101T000000Z.dump"
                let recent = "cchc-\(db.name)-20240601T000000Z.dump"
                let otherDatabase = "cchc-cchc_khac-20240101T000000Z.dump"
                try plant(expired, daysOld: 30)
                try plant(recent, daysOld: 2)
                try plant(otherDatabase, daysOld: 30)

                let run = try runProgram(
                    "deploy/backup.sh", ["--dir", directory.url.path, "--keep-days", "7"],
                    environment: scriptEnvironment(conninfo: db.conninfo))
                try #require(run.status == 0, "\(run)")
                let made = URL(fileURLWithPath: run.archivePath).lastPathComponent
                #expect(
                    try directory.fileNames()
                        == [otherDatabase, otherDatabase + ".sha256", made, made + ".sha256", recent, recent + ".sha256"]
                        .sorted())
                #expect(run.standardError.contains("Đã xóa 1 bản sao lưu"), "\(run)")
            }
        }

        @Test(
            "Wrong usage exits 2 with a message",
            arguments: [
                ("deploy/backup.sh", ["--keep-days", "mười"]),
                ("deploy/backup.sh", ["--khong-co"]),
                ("deploy/restore.sh", ["chi-mot-tham-so.dump"]),
                ("deploy/restore.sh", ["/dev/null", "Tên-Sai"]),
                ("deploy/restore.sh", ["/dev/null", "cchc; DROP DATABASE cchc"]),
            ])
        func wrongUsage(script: String, arguments: [String]) throws {
            let run = try runProgram(script, arguments, environment: ProcessInfo.processInfo.environment)
            #expect(run.status == 2, "\(run)")
            #expect(!run.standardError.isEmpty)
        }
    }
}
