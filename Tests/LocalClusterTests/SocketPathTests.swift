import Foundation
import LocalCluster
import Testing

@Suite("Socket path length")
struct SocketPathTests {
    @Test("a home too deep for a unix socket path is refused before anything is created")
    func tooLong() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let home = scratch.url.appendingPathComponent(String(repeating: "sâu/", count: 20), isDirectory: true)
        let cluster = LocalCluster(home: home)
        do {
            try cluster.ensureRunning()
            Issue.record("a \(cluster.paths.socketDirectory.path.utf8.count)-byte socket directory was accepted")
        } catch {
            #expect(error.code == "socket-path-too-long")
            #expect(error.description.contains(cluster.paths.socketDirectory.path + "/.s.PGSQL.5432"))
            #expect(error.description.contains("CCHC_HOME"))
        }
        #expect(!FileManager.default.fileExists(atPath: home.path))
    }
}
