import Foundation
import LocalCluster
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Recovery after a crash")
struct CrashRecoveryTests {
    @Test("a killed postmaster leaves a stale postmaster.pid; the next call starts a new server")
    func stalePidFileAfterKill() async throws {
        try await withScratchCluster { cluster, _ in
            let target = try await cluster.ensureRunning()
            _ = try psql("CREATE TABLE survived (n int); INSERT INTO survived VALUES (7)", target: target)
            guard case .running(let crashed) = try cluster.status() else { throw ScratchError(message: "not running") }

            #expect(kill(crashed, SIGKILL) == 0)
            #expect(eventually { (try? cluster.status()) == .stopped })
            #expect(
                FileManager.default.fileExists(
                    atPath: cluster.paths.dataDirectory.appendingPathComponent("postmaster.pid").path))

            let again = try await cluster.ensureRunning()
            guard case .running(let restarted) = try cluster.status() else {
                throw ScratchError(message: "not running")
            }
            #expect(restarted != crashed)
            #expect(try psql("SELECT n FROM survived", target: again) == "7")
        }
    }

    @Test("a server that cannot start names the data directory and the log file to read")
    func startFailureNamesTheLog() async throws {
        try await withScratchCluster { cluster, _ in
            try await cluster.ensureRunning()
            try await cluster.stop()
            let configuration = cluster.paths.dataDirectory.appendingPathComponent("postgresql.conf")
            let handle = try FileHandle(forWritingTo: configuration)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("cchc_no_such_setting_at_all = on\n".utf8))
            try handle.close()

            do {
                try await cluster.ensureRunning()
                Issue.record("ensureRunning succeeded with a broken postgresql.conf")
            } catch let error as LocalClusterError {
                #expect(error.code == "start-failed")
                #expect(
                    error.description.hasPrefix(
                        "Không khởi động được PostgreSQL cục bộ tại \(cluster.paths.dataDirectory.path)"))
                #expect(error.description.contains("xem nhật ký \(cluster.paths.logFile.path)"))
                let log = try String(contentsOf: cluster.paths.logFile, encoding: .utf8)
                #expect(log.contains("cchc_no_such_setting_at_all"))
            }
        }
    }

    @Test("a deleted socket file is noticed: the next call restarts the server instead of waiting for it")
    func deletedSocket() async throws {
        try await withScratchCluster { cluster, _ in
            let target = try await cluster.ensureRunning()
            _ = try psql("CREATE TABLE kept (n int); INSERT INTO kept VALUES (3)", target: target)
            guard case .running(let before) = try cluster.status() else { throw ScratchError(message: "not running") }
            #expect(unlink(target.socketFile) == 0)

            let started = Date()
            let again = try await cluster.ensureRunning()
            #expect(Date().timeIntervalSince(started) < 30)
            guard case .running(let after) = try cluster.status() else { throw ScratchError(message: "not running") }
            #expect(after != before)
            #expect(FileManager.default.fileExists(atPath: again.socketFile))
            #expect(try psql("SELECT n FROM kept", target: again) == "3")
            let log = try String(contentsOf: cluster.paths.logFile, encoding: .utf8)
            #expect(log.contains("missing while the server runs; restarting it"))
        }
    }
}
