import Foundation
import LocalCluster
import Testing

@Suite("An interrupted initdb never leaves a cluster that looks valid")
struct InterruptedInitialisationTests {
    /// What a killed `initdb` leaves behind: a half-filled temporary directory beside `pgdata`.
    private func leaveHalfInitialisedDirectory(in cluster: LocalCluster) throws -> URL {
        let leftover = cluster.paths.serverRoot
            .appendingPathComponent(LocalCluster.Paths.temporaryDataPrefix + "4242-1", isDirectory: true)
        try FileManager.default.createDirectory(
            at: leftover.appendingPathComponent("base/1"), withIntermediateDirectories: true)
        try "15\n".write(to: leftover.appendingPathComponent("PG_VERSION"), atomically: true, encoding: .utf8)
        return leftover
    }

    @Test("a leftover temporary directory does not count as a cluster and is removed by the next start")
    func leftoverIsCleanedUp() async throws {
        try await withScratchCluster { cluster, _ in
            let leftover = try leaveHalfInitialisedDirectory(in: cluster)
            #expect(try cluster.status() == .notInitialised)

            let target = try await cluster.ensureRunning()

            #expect(!FileManager.default.fileExists(atPath: leftover.path))
            let names = try FileManager.default.contentsOfDirectory(atPath: cluster.paths.serverRoot.path)
            #expect(!names.contains { $0.hasPrefix(LocalCluster.Paths.temporaryDataPrefix) })
            #expect(try psql("SELECT 1", target: target) == "1")
        }
    }

    @Test("a data directory without PG_VERSION is reported, never overwritten")
    func invalidDataDirectoryIsReported() async throws {
        try await withScratchCluster { cluster, _ in
            try FileManager.default.createDirectory(at: cluster.paths.dataDirectory, withIntermediateDirectories: true)
            let stray = cluster.paths.dataDirectory.appendingPathComponent("do-not-delete")
            try "dữ liệu".write(to: stray, atomically: true, encoding: .utf8)

            #expect(throws: LocalClusterError.invalidDataDirectory(cluster.paths.dataDirectory.path)) {
                try cluster.status()
            }
            await #expect(throws: LocalClusterError.invalidDataDirectory(cluster.paths.dataDirectory.path)) {
                try await cluster.ensureRunning()
            }
            #expect(FileManager.default.fileExists(atPath: stray.path))
        }
    }
}
