import Foundation
import LocalCluster
import Testing

@Suite("Where CCHC_HOME is")
struct HomeResolutionTests {
    @Test(
        "CCHC_HOME, then XDG_DATA_HOME/cchc, then HOME/.local/share/cchc",
        arguments: [
            (["CCHC_HOME": "/srv/cchc", "XDG_DATA_HOME": "/x", "HOME": "/home/an"], "/srv/cchc"),
            (["XDG_DATA_HOME": "/data/an", "HOME": "/home/an"], "/data/an/cchc"),
            (["XDG_DATA_HOME": "relative/ignored", "HOME": "/home/an"], "/home/an/.local/share/cchc"),
            (["CCHC_HOME": "", "HOME": "/home/an"], "/home/an/.local/share/cchc"),
            (["HOME": "/home/an/"], "/home/an/.local/share/cchc"),
        ])
    func precedence(environment: [String: String], expected: String) {
        #expect(LocalCluster.Paths.defaultHome(environment: environment).path == expected)
    }

    @Test("the layout under a home that the server account can reach")
    func layout() {
        let cluster = LocalCluster(home: URL(fileURLWithPath: "/tmp/cchc-layout-example"), environment: [:])
        #expect(cluster.paths.lockFile.path == "/tmp/cchc-layout-example/cluster.lock")
        #expect(cluster.paths.dataDirectory.path == "/tmp/cchc-layout-example/pgdata")
        #expect(cluster.paths.socketDirectory.path == "/tmp/cchc-layout-example/run")
        #expect(cluster.paths.logFile.path == "/tmp/cchc-layout-example/log/postgresql.log")
        #expect(!cluster.paths.isRelocated)
    }
}
