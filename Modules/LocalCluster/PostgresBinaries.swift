import Foundation

/// The PostgreSQL programs the local cluster uses: `initdb` and `pg_ctl` for the server, and the
/// clients `pg_isready`, `psql`, `createdb`, looked up in the same directory first, then in `PATH`.
public struct PostgresBinaries: Sendable, Hashable {
    /// The directory holding `initdb` and `pg_ctl` (for Debian, `/usr/lib/postgresql/<version>/bin`).
    public let directory: String
    /// `PATH` directories searched for a client program missing from `directory`.
    public let searchPath: [String]

    /// The server programs every usable directory must hold.
    public static let serverTools = ["initdb", "pg_ctl"]

    /// Uses `directory`, which must hold `initdb` and `pg_ctl`.
    public init(directory: String, searchPath: [String] = []) throws(LocalClusterError) {
        guard Self.holdsServerTools(directory) else { throw .invalidBinDirectory(directory) }
        self.directory = directory
        self.searchPath = searchPath
    }

    /// Finds the binaries: `PG_BINDIR` if set (and then nothing else); else `pg_config --bindir`;
    /// else the newest `<debianRoot>/<version>/bin`; else the directory `initdb` resolves to in `PATH`.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        debianRoot: String = "/usr/lib/postgresql"
    ) throws(LocalClusterError) -> PostgresBinaries {
        let path = ExecutableSearch.directories(inPath: environment["PATH"])
        if let override = environment["PG_BINDIR"], !override.isEmpty {
            return try PostgresBinaries(directory: override, searchPath: path)
        }
        var searched: [String] = []
        if let pgConfig = ExecutableSearch.find("pg_config", in: path) {
            searched.append("\(pgConfig) --bindir")
            if let reported = bindirReported(by: pgConfig, environment: environment), holdsServerTools(reported) {
                return PostgresBinaries(checked: reported, searchPath: path)
            }
        }
        searched.append("\(debianRoot)/*/bin")
        for version in installedVersions(under: debianRoot) {
            let candidate = "\(debianRoot)/\(version)/bin"
            if holdsServerTools(candidate) { return PostgresBinaries(checked: candidate, searchPath: path) }
        }
        searched.append("PATH")
        if let initdb = ExecutableSearch.find("initdb", in: path) {
            let real = URL(fileURLWithPath: initdb).resolvingSymlinksInPath().deletingLastPathComponent().path
            for candidate in [real, URL(fileURLWithPath: initdb).deletingLastPathComponent().path]
            where holdsServerTools(candidate) {
                return PostgresBinaries(checked: candidate, searchPath: path)
            }
        }
        throw .binariesNotFound(searched: searched)
    }

    /// The full path of `tool`: in `directory`, else in `searchPath`.
    public func path(of tool: String) throws(LocalClusterError) -> String {
        let own = directory + "/" + tool
        if ExecutableSearch.isExecutableFile(own) { return own }
        if let found = ExecutableSearch.find(tool, in: searchPath) { return found }
        throw .toolNotFound(tool: tool, directory: directory)
    }

    private init(checked directory: String, searchPath: [String]) {
        self.directory = directory
        self.searchPath = searchPath
    }

    private static func holdsServerTools(_ directory: String) -> Bool {
        serverTools.allSatisfy { ExecutableSearch.isExecutableFile(directory + "/" + $0) }
    }

    private static func bindirReported(by pgConfig: String, environment: [String: String]) -> String? {
        guard let result = try? CommandRunner.run(pgConfig, ["--bindir"], environment: environment),
            result.status == 0
        else { return nil }
        let directory = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return directory.isEmpty ? nil : directory
    }

    /// Version directory names under `root`, newest first ("17", "16", "9.6").
    static func installedVersions(under root: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        let versions = names.compactMap { name -> (String, [Int])? in
            let parts = name.split(separator: ".").map { Int($0) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
            return (name, parts.compactMap { $0 })
        }
        return versions.sorted { $0.1.lexicographicallyPrecedes($1.1) }.reversed().map(\.0)
    }
}
