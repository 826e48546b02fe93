import Foundation

/// The embedded default PostgreSQL (cụm PostgreSQL cục bộ): a private cluster under `$CCHC_HOME`,
/// created with `initdb` and started with `pg_ctl` on first use, reached only through a unix socket
/// (no TCP port), reused by every later tool run. It knows nothing of SQL: it hands back the
/// `ConnectionTarget` a client connects to.
///
/// As root the server runs as the `postgres` account (PostgreSQL refuses root) and clients connect
/// as role `postgres`; as any other user the server runs as, and clients connect as, that user.
/// Authentication is `trust` on the socket only; the socket directory is mode 0700, so only the
/// server account (and root) can reach it.
public struct LocalCluster: Sendable {
    /// `$CCHC_HOME`.
    public let home: URL
    /// Port used when starting the server; it names the socket file `.s.PGSQL.<port>`.
    public let port: Int
    /// Database created on first start, owned by the connecting role.
    public let database: String
    /// Where the files live.
    public let paths: Paths
    /// Seconds `pg_ctl` and the readiness probe wait for the server to start or stop.
    public let startTimeout: Int
    /// Seconds to wait for another process holding `cluster.lock`.
    public let lockTimeout: Double

    let environment: [String: String]
    let account: Result<ServerAccount, LocalClusterError>
    let givenBinaries: PostgresBinaries?

    /// The account that runs the server when the tools run as root.
    public static let rootServerAccount = "postgres"
    /// As root, where server files go when `postgres` cannot reach `home`; see `Paths`.
    public static let defaultServerBase = URL(fileURLWithPath: "/var/lib/cchc", isDirectory: true)

    /// A cluster for `home` (default: `Paths.defaultHome(environment:)`). `environment` supplies
    /// `CCHC_HOME`, `XDG_DATA_HOME`, `HOME`, `PG_BINDIR` and `PATH`; `binaries` skips the search.
    public init(
        home: URL? = nil, port: Int = 5432, database: String = "cchc",
        environment: [String: String] = ProcessInfo.processInfo.environment,
        binaries: PostgresBinaries? = nil, serverBase: URL = LocalCluster.defaultServerBase,
        startTimeout: Int = 60, lockTimeout: Double = 300
    ) {
        let home = (home ?? Paths.defaultHome(environment: environment)).standardizedFileURL
        let account = ServerAccount.resolve(
            rootAccount: Self.rootServerAccount, searchPath: ExecutableSearch.directories(inPath: environment["PATH"]))
        self.home = home
        self.port = port
        self.database = database
        self.environment = environment
        self.account = account
        self.givenBinaries = binaries
        self.startTimeout = startTimeout
        self.lockTimeout = lockTimeout
        self.paths = Paths.resolve(home: home, account: try? account.get(), serverBase: serverBase)
    }

    /// Whether the cluster exists and whether its postmaster is alive (from `postmaster.pid`).
    public func status() throws(LocalClusterError) -> Status {
        let data = paths.dataDirectory.path
        guard FileSystem.exists(data + "/PG_VERSION") else {
            if FileSystem.exists(data) { throw .invalidDataDirectory(data) }
            return .notInitialised
        }
        guard let pidFile = try PostmasterPidFile.read(inDataDirectory: data), pidFile.processState == .live else {
            return .stopped
        }
        return .running(pid: pidFile.pid)
    }

    /// Creates, initialises and starts the cluster as needed, creates the database on first start,
    /// and returns where to connect. Idempotent, and safe when several tools call it at once.
    @discardableResult
    public func ensureRunning() throws(LocalClusterError) -> ConnectionTarget {
        let binaries = try self.binaries()
        let account = try self.account.get()
        try checkSocketPathLength()
        try prepareHome(for: account)
        return try ClusterLock.withLock(at: paths.lockFile.path, timeout: lockTimeout) {
            () throws(LocalClusterError) -> ConnectionTarget in
            try prepareServerDirectories(for: account)
            if try status() == .notInitialised { try initialise(binaries: binaries, account: account) }
            let target: ConnectionTarget
            if case .running = try status() {
                let running = try runningTarget(account: account)
                if FileSystem.exists(running.socketFile) {
                    target = running
                } else {
                    // The server runs but its socket file is gone (a cleaner emptied the directory): nobody can
                    // reach it and PostgreSQL never recreates the socket. Restart the server this cluster owns.
                    try? FileSystem.append(
                        "\(Date()) cchc: socket \(running.socketFile) missing while the server runs; restarting it\n",
                        to: paths.logFile.path)
                    try stopServer(mode: .fast, binaries: binaries, account: account)
                    target = try startServer(binaries: binaries, account: account)
                }
            } else {
                target = try startServer(binaries: binaries, account: account)
            }
            try waitUntilReady(target, binaries: binaries)
            try ensureDatabase(target, binaries: binaries)
            return target
        }
    }

    /// Stops the server if it runs (`pg_ctl stop -m <mode> -w`); a stopped cluster is left as is.
    public func stop(mode: StopMode = .fast) throws(LocalClusterError) {
        guard case .running = try status() else { return }
        let binaries = try self.binaries()
        let account = try self.account.get()
        try ClusterLock.withLock(at: paths.lockFile.path, timeout: lockTimeout) { () throws(LocalClusterError) in
            guard case .running = try status() else { return }
            try stopServer(mode: mode, binaries: binaries, account: account)
        }
    }

    func binaries() throws(LocalClusterError) -> PostgresBinaries {
        if let givenBinaries { return givenBinaries }
        return try PostgresBinaries.locate(environment: environment)
    }
}
