import Foundation
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("Migrations on a real PostgreSQL")
struct MigratorTests {
    @Test("Migrating a fresh database applies every migration, migrating again changes nothing")
    func migrateTwice() throws {
        try withTestDatabase { db in
            let migrator = Migrator(connection: db.connection)
            let first = try migrator.migrate()
            #expect(first.map(\.version) == Migration.all.map(\.version))
            let tables = try db.connection.query(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            ).scalar(Int.self)
            let second = try migrator.migrate()
            #expect(second.isEmpty)
            let tablesAfter = try db.connection.query(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            ).scalar(Int.self)
            #expect(tables == tablesAfter)
            let status = try migrator.status()
            #expect(status.isCurrent)
            #expect(status.applied.map(\.sha256) == Migration.all.map(\.sha256))
        }
    }

    @Test("Two migrators at once serialise: each migration is applied exactly once")
    func concurrentMigrators() throws {
        try withTestDatabase { db in
            let configuration = db.configuration
            let results = ResultsBox()
            let group = DispatchGroup()
            for _ in 0..<2 {
                group.enter()
                Thread.detachNewThread {
                    defer { group.leave() }
                    do {
                        let connection = try Connection(configuration)
                        let applied = try Migrator(connection: connection).migrate()
                        results.append(.success(applied.count))
                    } catch {
                        results.append(.failure(String(describing: error)))
                    }
                }
            }
            group.wait()
            let counts = results.values.compactMap { if case .success(let n) = $0 { n } else { nil } }
            #expect(counts.sorted() == [0, Migration.all.count], "\(results.values)")
            let recorded = try db.connection.query("SELECT count(*) FROM schema_migrations").scalar(Int.self)
            #expect(recorded == Migration.all.count)
        }
    }

    @Test("An applied migration whose file changed is refused")
    func editedMigrationRefused() throws {
        try withTestDatabase { db in
            try Migrator(connection: db.connection).migrate()
            var edited = Migration.all
            let first = edited[0]
            edited[0] = Migration(version: first.version, name: first.name, sql: first.sql + "\n-- edited\n")
            #expect {
                try Migrator(connection: db.connection, migrations: edited).migrate()
            } throws: { error in
                guard case MigrationError.changed(let version, _, _, _) = error else { return false }
                return version == first.version
            }
            #expect(throws: MigrationError.self) {
                try Migrator(connection: db.connection, migrations: edited).requireCurrent()
            }
        }
    }

    @Test("A database migrated by a newer version is refused, saying so")
    func newerSchemaRefused() throws {
        try withTestDatabase { db in
            let migrator = Migrator(connection: db.connection)
            try migrator.migrate()
            try db.connection.query(
                "INSERT INTO schema_migrations (version, name, sha256) VALUES (9999, 'future', \(String(repeating: "a", count: 64)))"
            )
            #expect {
                try migrator.migrate()
            } throws: { error in
                guard case MigrationError.newerSchema(9999, let known) = error else { return false }
                return known == Migration.all.last?.version && "\(error)".contains("phiên bản cchc mới hơn")
            }
        }
    }

    @Test("A failing migration leaves nothing behind, not even its record")
    func failingMigrationRollsBack() throws {
        try withTestDatabase { db in
            let broken = Migration.all + [
                Migration(version: 9000, name: "broken", sql: "CREATE TABLE half_done (id int); SELECT 1/0;")
            ]
            #expect(throws: MigrationError.self) { try Migrator(connection: db.connection, migrations: broken).migrate() }
            let table = try db.connection.query("SELECT to_regclass('half_done') IS NULL").scalar(Bool.self)
            #expect(table)
            let recorded = try db.connection.query("SELECT max(version) FROM schema_migrations").scalar(Int.self)
            #expect(recorded == Migration.all.last?.version)
        }
    }

    @Test("An unmigrated database is reported as such")
    func requireCurrentOnEmptyDatabase() throws {
        _ = try withTestDatabase { db in
            #expect {
                try Migrator(connection: db.connection).requireCurrent()
            } throws: { error in
                guard case MigrationError.notMigrated(let pending) = error else { return false }
                return pending == Migration.all.map(\.version) && "\(error)".contains("cchc-admin db migrate")
            }
        }
    }
}

/// Collects results from threads.
final class ResultsBox: @unchecked Sendable {
    enum Outcome: Sendable { case success(Int), failure(String) }
    private let lock = NSLock()
    private var storage: [Outcome] = []
    func append(_ outcome: Outcome) { lock.withLock { storage.append(outcome) } }
    var values: [Outcome] { lock.withLock { storage } }
}
