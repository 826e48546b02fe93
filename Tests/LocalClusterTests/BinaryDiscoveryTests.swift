import Foundation
import LocalCluster
import Testing

@Suite("Finding the PostgreSQL binaries")
struct BinaryDiscoveryTests {
    /// A fake `<root>/<version>/bin` tree; `complete` versions get executable `initdb` and `pg_ctl`.
    private func fakeDebianRoot(complete: [String], incomplete: [String], in scratch: ScratchDirectory) throws -> URL {
        let root = scratch.url.appendingPathComponent("usr-lib-postgresql", isDirectory: true)
        for version in complete + incomplete {
            let bin = root.appendingPathComponent("\(version)/bin", isDirectory: true)
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            guard complete.contains(version) else { continue }
            for tool in PostgresBinaries.serverTools {
                let file = bin.appendingPathComponent(tool).path
                _ = FileManager.default.createFile(atPath: file, contents: Data("#!/bin/sh\n".utf8))
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file)
            }
        }
        return root
    }

    @Test("nothing installed: a Vietnamese message that says how to install PostgreSQL")
    func noPostgresAnywhere() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let empty = scratch.url.appendingPathComponent("nothing").path
        do {
            _ = try PostgresBinaries.locate(environment: ["PATH": empty], debianRoot: empty)
            Issue.record("binaries found where there are none")
        } catch {
            #expect(error.code == "postgres-not-found")
            #expect(
                error.description.hasPrefix(
                    "Không tìm thấy PostgreSQL (initdb, pg_ctl). Cài đặt: apt-get install postgresql"))
            #expect(error.description.contains(empty))
        }
    }

    @Test("a PG_BINDIR without initdb and pg_ctl is an error, even when PostgreSQL is installed elsewhere")
    func badOverride() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let environment = ProcessInfo.processInfo.environment.merging(["PG_BINDIR": scratch.url.path]) { $1 }
        #expect(throws: LocalClusterError.invalidBinDirectory(scratch.url.path)) {
            try PostgresBinaries.locate(environment: environment)
        }
        let cluster = LocalCluster(home: scratch.url.appendingPathComponent("home"), environment: environment)
        do {
            try cluster.ensureRunning()
            Issue.record("ensureRunning succeeded without binaries")
        } catch {
            #expect(error == .invalidBinDirectory(scratch.url.path))
            #expect(
                error.description.contains(
                    "Không tìm thấy PostgreSQL (initdb, pg_ctl) trong PG_BINDIR=\(scratch.url.path)"))
        }
        #expect(try cluster.status() == .notInitialised)
    }

    @Test("the newest Debian version directory that holds the server programs is chosen")
    func newestDebianVersion() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let root = try fakeDebianRoot(complete: ["9.6", "13", "15"], incomplete: ["16"], in: scratch)
        let found = try PostgresBinaries.locate(environment: ["PATH": "/nonexistent"], debianRoot: root.path)
        #expect(found.directory == root.path + "/15/bin")
    }

    @Test("PG_BINDIR wins over every other place")
    func overrideWins() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let root = try fakeDebianRoot(complete: ["14", "15"], incomplete: [], in: scratch)
        let chosen = root.path + "/14/bin"
        let found = try PostgresBinaries.locate(environment: ["PG_BINDIR": chosen, "PATH": ""], debianRoot: root.path)
        #expect(found.directory == chosen)
    }

    @Test("the machine's own installation is found, with its client programs")
    func realInstallation() throws {
        let binaries = try PostgresBinaries.locate()
        for tool in PostgresBinaries.serverTools + ["psql", "pg_isready", "createdb"] {
            #expect(FileManager.default.isExecutableFile(atPath: try binaries.path(of: tool)), "\(tool)")
        }
    }

    @Test("a missing client program is named")
    func missingClientProgram() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let root = try fakeDebianRoot(complete: ["15"], incomplete: [], in: scratch)
        let binaries = try PostgresBinaries(directory: root.path + "/15/bin", searchPath: [])
        #expect(throws: LocalClusterError.toolNotFound(tool: "psql", directory: root.path + "/15/bin")) {
            try binaries.path(of: "psql")
        }
    }
}
