import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing
@testable import WebApp

@Suite("The read-model cache: one computation per key and data version, even when requests come together")
struct ReadModelCacheTests {
    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    @Test("Requests arriving together for one key wait for a single computation; a write makes the next compute again and lets the old values go")
    func singleFlight() async throws {
        try await withMigratedDatabase { db in
            let pool = DatabasePool(configuration: db.configuration, size: 4)
            defer { pool.close() }
            let cache = ReadModelCache<String>()
            let computed = Counter()
            @Sendable func ask(_ key: String) async throws -> String {
                try await pool.run { connection in
                    try cache.value(key, on: connection) { c in
                        computed.value.add(1, ordering: .relaxed)
                        Thread.sleep(forTimeInterval: 0.3)
                        return try c.query("SELECT 'tính lúc phiên bản ' || version FROM data_version").scalar(String.self)
                    }
                }
            }
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<4 { group.addTask { try await ask("bảng") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(answers) == ["tính lúc phiên bản 0"] && answers.count == 4)
            #expect(computed.value.load(ordering: .relaxed) == 1)
            #expect(cache.statistics.misses == 1 && cache.statistics.hits == 3)

            _ = try await ask("bảng")
            _ = try await ask("việc")
            #expect(computed.value.load(ordering: .relaxed) == 2, "another key computes; the same key does not")

            try db.connection.query("INSERT INTO settings (key, value) VALUES ('web.require_totp_for_admin', 'true')")
            #expect(cache.count == 2)
            #expect(try await ask("bảng") == "tính lúc phiên bản 1")
            #expect(computed.value.load(ordering: .relaxed) == 3)
            #expect(cache.count == 1, "the value of the other key, computed at version 0, is let go")
        }
    }
}
