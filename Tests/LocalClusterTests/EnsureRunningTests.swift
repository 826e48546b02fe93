import Foundation
import LocalCluster
import Testing

@Suite("ensureRunning creates, starts and reuses the private cluster")
struct EnsureRunningTests {
    @Test("the first call initialises and starts a server reachable only through its socket")
    func firstCallCreatesAndStarts() async throws {
        try await withScratchCluster { cluster, _ in
            #expect(try cluster.status() == .notInitialised)

            let target = try await cluster.ensureRunning()

            guard case .running(let pid) = try cluster.status() else {
                Issue.record("status is \(try cluster.status()), expected running")
                return
            }
            #expect(pid > 0)
            #expect(target.socketDirectory == cluster.paths.socketDirectory.path)
            #expect(target.port == 5432)
            #expect(target.database == "cchc")
            #expect(FileManager.default.fileExists(atPath: target.socketFile))
            #expect(
                FileManager.default.fileExists(
                    atPath: cluster.paths.dataDirectory.appendingPathComponent("PG_VERSION").path))
            #expect(try runClient("pg_isready", ["-d", target.conninfo], target: target).status == 0)
            #expect(
                try psql("SELECT current_database() || '|' || current_user", target: target) == "cchc|\(target.user)")
            #expect(try psql("SHOW listen_addresses", target: target) == "")
            #expect(
                try psql(
                    "SELECT pg_encoding_to_char(encoding) || '|' || datcollate FROM pg_database WHERE datname = current_database()",
                    target: target) == "UTF8|C.UTF-8")
            #expect(
                try psql("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'cchc'", target: target)
                    == target.user)
        }
    }

    @Test("the data and socket directories belong to the server account and are private")
    func directoriesArePrivate() async throws {
        try await withScratchCluster { cluster, _ in
            let target = try await cluster.ensureRunning()
            let expectedOwner = runningAsRoot ? "postgres" : target.user
            for directory in [cluster.paths.dataDirectory, cluster.paths.socketDirectory] {
                let (owner, mode) = try ownerAndMode(directory)
                #expect(owner == expectedOwner, "\(directory.path)")
                #expect(mode == 0o700, "\(directory.path)")
            }
            #expect(target.user == (runningAsRoot ? "postgres" : expectedOwner))
        }
    }

    @Test("a second call reuses the running server")
    func secondCallReuses() async throws {
        try await withScratchCluster { cluster, _ in
            let first = try await cluster.ensureRunning()
            let firstStatus = try cluster.status()
            let second = try await cluster.ensureRunning()
            #expect(second == first)
            #expect(try cluster.status() == firstStatus)
        }
    }

    @Test("stop ends the server and the next call starts it again with the data kept")
    func stopThenRestart() async throws {
        try await withScratchCluster { cluster, _ in
            let target = try await cluster.ensureRunning()
            _ = try psql("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('còn đây')", target: target)
            guard case .running(let before) = try cluster.status() else { throw ScratchError(message: "not running") }

            try await cluster.stop()
            #expect(try cluster.status() == .stopped)
            #expect(!FileManager.default.fileExists(atPath: target.socketFile))
            try await cluster.stop()  // stopping a stopped cluster is a no-op

            let again = try await cluster.ensureRunning()
            guard case .running(let after) = try cluster.status() else { throw ScratchError(message: "not running") }
            #expect(after != before)
            #expect(again == target)
            #expect(try psql("SELECT note FROM kept", target: again) == "còn đây")
        }
    }

    @Test("after an immediate stop (no shutdown checkpoint) the next call recovers and starts")
    func restartAfterImmediateStop() async throws {
        try await withScratchCluster { cluster, _ in
            try await cluster.ensureRunning()
            try await cluster.stop(mode: .immediate)
            #expect(try cluster.status() == .stopped)
            try await cluster.ensureRunning()
            guard case .running = try cluster.status() else { throw ScratchError(message: "not running") }
        }
    }
}
