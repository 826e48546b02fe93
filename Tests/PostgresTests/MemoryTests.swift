import Foundation
import Postgres
import TestSupport
import Testing

/// Every `PGresult` is cleared and every `PGconn` finished: resident memory stays flat over many round trips.
/// (A leaked `PGresult` costs at least 2 KiB and a leaked `PGconn` well over 16 KiB, so leaks would show
/// as tens of megabytes here.) Each check runs in a process of its own (an exit test), so that tests
/// running in parallel in the test process do not move its resident memory.
@Suite("Memory", .serialized)
struct MemoryTests {
    /// Resident set size of this process, from `/proc/self/statm` (Linux).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    @Test("10,000 queries (rows, errors, commands) leave resident memory flat")
    func queries() async {
        await #expect(processExitsWith: .success) {
            do {
                try MemoryTests.queryLoop()
            } catch {
                print("MemoryTests.queries: \(error)")
                exit(2)
            }
        }
    }

    static func queryLoop() throws {
        let db = try TestDatabase.serverConnection()
        func round(_ i: Int) throws {
            _ = try db.query("SELECT \(i) AS n, repeat('x', 1000) AS filler, \(["a", "b"]) AS list")
            _ = try? db.query("SELECT 1/0")
            try db.withTransaction { tx in _ = try tx.query("SELECT \(Date())") }
        }
        for i in 0..<1_000 { try round(i) }  // warm up allocator pools and caches
        let before = Self.residentBytes()
        for i in 0..<10_000 { try round(i) }
        let growth = Self.residentBytes() - before
        print("MemoryTests.queries: resident before \(before / 1024) KiB, growth \(growth / 1024) KiB")
        if growth >= 8 * 1024 * 1024 { exit(1) }
    }

    @Test("300 connections opened and closed leave resident memory flat")
    func connections() async {
        await #expect(processExitsWith: .success) {
            do {
                try MemoryTests.connectionLoop()
            } catch {
                print("MemoryTests.connections: \(error)")
                exit(2)
            }
        }
    }

    static func connectionLoop() throws {
        let configuration = try TestDatabase.serverConnection().configuration
        for _ in 0..<30 { _ = try Connection(configuration) }
        let before = Self.residentBytes()
        for _ in 0..<300 {
            let connection = try Connection(configuration)
            _ = try connection.query("SELECT 1")
        }
        for _ in 0..<300 { _ = try? Connection(ConnectionConfiguration(conninfo: "host=/nonexistent port=1")) }
        let growth = Self.residentBytes() - before
        print("MemoryTests.connections: resident before \(before / 1024) KiB, growth \(growth / 1024) KiB")
        if growth >= 4 * 1024 * 1024 { exit(1) }
    }
}
