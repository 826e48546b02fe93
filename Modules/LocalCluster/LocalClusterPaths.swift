import Foundation

extension LocalCluster {
    /// Where the cluster's files live.
    ///
    /// `home` is `$CCHC_HOME` and holds the lock file. The server's own files (`pgdata`, `run`, `log`)
    /// live in `serverRoot`, which is `home` itself unless the tools run as root and the `postgres`
    /// account cannot reach `home` (the default `/root/.local/share/cchc` lies under the 0700 `/root`):
    /// then they live in `<serverBase>/<home path with "/" as "-">`, `/var/lib/cchc/root-.local-share-cchc`
    /// by default, next to where Debian keeps its own clusters, and `/root` keeps its permissions.
    public struct Paths: Sendable, Hashable {
        /// `$CCHC_HOME`.
        public let home: URL
        /// The directory holding `pgdata`, `run` and `log`.
        public let serverRoot: URL

        /// Prefix of the temporary directories `initdb` fills before they are renamed to `pgdata`.
        public static let temporaryDataPrefix = "pgdata.initdb-"

        public init(home: URL, serverRoot: URL) {
            self.home = home
            self.serverRoot = serverRoot
        }

        /// `home/cluster.lock`: held (flock) while the cluster is checked, created or started.
        public var lockFile: URL { home.appendingPathComponent("cluster.lock") }
        /// `serverRoot/pgdata`: the data directory, owned by the server account, mode 0700.
        public var dataDirectory: URL { serverRoot.appendingPathComponent("pgdata", isDirectory: true) }
        /// `serverRoot/run`: the unix socket directory, owned by the server account, mode 0700.
        public var socketDirectory: URL { serverRoot.appendingPathComponent("run", isDirectory: true) }
        /// `serverRoot/log`.
        public var logDirectory: URL { serverRoot.appendingPathComponent("log", isDirectory: true) }
        /// `serverRoot/log/postgresql.log`: server output and `initdb` output.
        public var logFile: URL { logDirectory.appendingPathComponent("postgresql.log") }
        /// True when the server files are kept outside `home` (root, unreachable home).
        public var isRelocated: Bool { serverRoot.path != home.path }

        /// `$CCHC_HOME`; else `$XDG_DATA_HOME/cchc` (absolute only); else `$HOME/.local/share/cchc`.
        public static func defaultHome(environment: [String: String]) -> URL {
            if let home = environment["CCHC_HOME"], !home.isEmpty {
                return URL(fileURLWithPath: home, isDirectory: true).standardizedFileURL
            }
            if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
                return URL(fileURLWithPath: data, isDirectory: true).appendingPathComponent("cchc", isDirectory: true)
                    .standardizedFileURL
            }
            let user =
                environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? PasswdEntry.withID(geteuid())?.home ?? NSHomeDirectory()
            return URL(fileURLWithPath: user, isDirectory: true)
                .appendingPathComponent(".local/share/cchc", isDirectory: true).standardizedFileURL
        }

        /// The directory name under `serverBase` for a relocated `home`: path components joined by
        /// `-`, bytes other than letters, digits, `.` and `_` written `%XX` (so the name is unambiguous).
        static func relocatedName(for home: URL) -> String {
            home.path.split(separator: "/").map { component in
                component.utf8.map { byte -> String in
                    let scalar = Unicode.Scalar(byte)
                    let plain =
                        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                        || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_"
                    return plain ? String(scalar) : String(format: "%%%02X", byte)
                }.joined()
            }.joined(separator: "-")
        }
    }
}
