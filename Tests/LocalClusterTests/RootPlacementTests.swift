import Foundation
import LocalCluster
import Testing

@Suite("As root, the server runs as postgres in a directory postgres can reach", .enabled(if: runningAsRoot))
struct RootPlacementTests {
    @Test("a home behind a 0700 directory (like /root) keeps its permissions; the server files move to the server base")
    func unreachableHomeIsRelocated() async throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let privateParent = scratch.url.appendingPathComponent("private", isDirectory: true)
        try FileManager.default.createDirectory(
            at: privateParent, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let home = privateParent.appendingPathComponent(".local/share/cchc", isDirectory: true)
        let base = scratch.url.appendingPathComponent("var-lib-cchc", isDirectory: true)
        let cluster = LocalCluster(home: home, serverBase: base)
        defer { try? cluster.stop(mode: .immediate) }  // synchronous: defer cannot await

        #expect(cluster.paths.isRelocated)
        #expect(cluster.paths.serverRoot.deletingLastPathComponent().path == base.path)
        #expect(cluster.paths.serverRoot.lastPathComponent.hasSuffix("private-.local-share-cchc"))
        #expect(cluster.paths.lockFile.path == home.appendingPathComponent("cluster.lock").path)

        let target = try await cluster.ensureRunning()
        #expect(try psql("SELECT current_user", target: target) == "postgres")
        #expect(try ownerAndMode(privateParent).mode == 0o700)
        #expect(try ownerAndMode(home).owner == "root")
        #expect(FileManager.default.fileExists(atPath: cluster.paths.lockFile.path))
        #expect(try ownerAndMode(cluster.paths.dataDirectory) == ("postgres", 0o700))

        let sameHomeLater = LocalCluster(home: home, serverBase: base)
        #expect(sameHomeLater.paths == cluster.paths)
        #expect(try await sameHomeLater.ensureRunning() == target)
    }

    @Test("a home postgres can reach holds the server files itself, mode 0711")
    func reachableHomeIsUsedDirectly() async throws {
        try await withScratchCluster { cluster, _ in
            #expect(!cluster.paths.isRelocated)
            try await cluster.ensureRunning()
            #expect(try ownerAndMode(cluster.home) == ("root", 0o711))
            #expect(try ownerAndMode(cluster.paths.logFile).owner == "postgres")
        }
    }
}
