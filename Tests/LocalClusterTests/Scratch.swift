import Foundation
import LocalCluster

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// True when the tests run as root (the server then runs as `postgres`).
let runningAsRoot = geteuid() == 0

/// A fresh directory under `/tmp`, mode 0755 so that the `postgres` account can reach a cluster
/// inside it when the tests run as root; removed by `remove()`. `/tmp` rather than `$TMPDIR`:
/// a short path (unix socket paths are limited to 107 bytes) that every account can traverse.
struct ScratchDirectory: Sendable {
    let url: URL

    init() throws {
        let parent =
            FileManager.default.fileExists(atPath: "/tmp") ? "/tmp" : FileManager.default.temporaryDirectory.path
        var template = Array((parent + "/cchc-lc-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ScratchError(message: "mkdtemp: \(String(cString: strerror(errno)))")
        }
        url = URL(fileURLWithPath: String(cString: made), isDirectory: true)
        chmod(url.path, 0o755)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A failure of the test scaffolding itself.
struct ScratchError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Runs `body` with a cluster whose home is a new scratch directory, then stops the cluster
/// (immediately) and removes every file, whatever `body` did.
func withScratchCluster(
    port: Int = 5432, environment: [String: String] = ProcessInfo.processInfo.environment,
    _ body: (LocalCluster, ScratchDirectory) async throws -> Void
) async throws {
    let scratch = try ScratchDirectory()
    let cluster = LocalCluster(
        home: scratch.url.appendingPathComponent("home", isDirectory: true), port: port, environment: environment,
        serverBase: scratch.url.appendingPathComponent("server-base", isDirectory: true))
    do {
        try await body(cluster, scratch)
    } catch {
        try? await cluster.stop(mode: .immediate)
        scratch.remove()
        throw error
    }
    try? await cluster.stop(mode: .immediate)
    scratch.remove()
}
