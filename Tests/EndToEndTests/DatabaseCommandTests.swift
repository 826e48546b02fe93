import Foundation
import Postgres
import TestSupport
import Testing

@Suite("cchc-admin db: the embedded default and unreachable servers", .serialized)
struct DatabaseCommandTests {
    /// The environment of a newcomer: no DATABASE_URL, no PG*, a private CCHC_HOME.
    static func embeddedEnvironment(home: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("PG") && key != "DATABASE_URL"
        }
        environment["CCHC_HOME"] = home.path
        environment["CCHC_USER"] = "vanphong"
        return environment
    }

    static func temporaryHome() throws -> URL {
        // Short: the socket path must fit in 107 bytes.
        let home = URL(fileURLWithPath: "/tmp/cchc-e2e-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        return home
    }

    @Test("With no settings the tools create, start, migrate and reuse a private cluster; two starting at once share it")
    func embeddedDefault() throws {
        let home = try Self.temporaryHome()
        let tool = ToolRunner(environment: Self.embeddedEnvironment(home: home))
        defer {
            _ = try? tool.run("cchc-admin", ["db", "stop"])
            try? FileManager.default.removeItem(at: home)
        }
        let starts = ConcurrentOutcomes()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            starts.append(Result { try tool.run("cchc-admin", ["db", "start"]) })
        }
        for result in starts.all {
            let outcome = try result.get()
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.stdout.contains("Cụm PostgreSQL cục bộ đang chạy"))
        }
        let status = try tool.run("cchc-admin", ["db", "status", "--format", "json"])
        #expect(status.status == 0, "\(status)")
        #expect(status.stdout.contains("\"state\": \"đã áp dụng\""))
        #expect(!status.stdout.contains("chưa áp dụng"))
        let path = try tool.run("cchc-admin", ["db", "path"])
        #expect(path.stdout.contains("đang chạy (pid"), "\(path)")
        // The import tool uses the same cluster without any setting.
        let imported = try tool.run("cchc-import", ["plan", ToolRunner.fixture("45-KH-STP-2024.txt").path])
        #expect(imported.status == 0, "\(imported)")
        let stop = try tool.run("cchc-admin", ["db", "stop"])
        #expect(stop.status == 0, "\(stop)")
        #expect(try tool.run("cchc-admin", ["db", "path"]).stdout.contains("đã dừng"))
        // Reused afterwards: started again on use, with the data kept.
        let again = try tool.run("cchc-import", ["plan", ToolRunner.fixture("45-KH-STP-2024.txt").path])
        #expect(again.stdout.contains("không có gì thay đổi"), "\(again)")
    }

    @Test("An unreachable server: exit 3, naming the socket and how to use the local cluster")
    func unreachable() throws {
        let tool = ToolRunner()
        let outcome = try tool.run("cchc-admin", ["db", "status", "--database-url", "postgresql:///cchc?host=/tmp/khong-co-may-chu&port=5999"])
        #expect(outcome.status == 3, "\(outcome)")
        #expect(outcome.stderr.contains("/tmp/khong-co-may-chu"))
        #expect(outcome.stderr.contains("cchc-admin db start"))
        #expect(outcome.stdout.isEmpty)
    }

    @Test("A server whose schema is not migrated is refused with exit 3 until `db migrate`")
    func notMigrated() throws {
        try withTestDatabase { db in
            let tool = ToolRunner(environment: db.childEnvironment)
            let refused = try tool.run("cchc-import", ["plan", ToolRunner.fixture("45-KH-STP-2024.txt").path])
            #expect(refused.status == 3, "\(refused)")
            #expect(refused.stderr.contains("cchc-admin db migrate"))
            let migrate = try tool.run("cchc-admin", ["db", "migrate"])
            #expect(migrate.status == 0, "\(migrate)")
            #expect(migrate.stdout.contains("Đã áp dụng 0001_foundation"))
            let again = try tool.run("cchc-admin", ["db", "migrate"])
            #expect(again.stdout.contains("không có gì thay đổi"))
        }
    }

    @Test("A database migrated by a newer version is refused, saying so")
    func newerSchema() throws {
        try withMigratedDatabase { db in
            try db.connection.query(
                "INSERT INTO schema_migrations (version, name, sha256) VALUES (9999, 'future', \(String(repeating: "0", count: 64)))")
            let outcome = try ToolRunner(environment: db.childEnvironment).run("cchc-admin", ["db", "migrate"])
            #expect(outcome.status == 3, "\(outcome)")
            #expect(outcome.stderr.contains("phiên bản cchc mới hơn"))
        }
    }
}
