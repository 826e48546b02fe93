import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LocalCluster {
    /// The longest unix socket path the operating system accepts (`sizeof(sun_path) - 1`).
    static var socketPathLimit: Int {
        #if os(Linux)
            107
        #else
            103
        #endif
    }

    func checkSocketPathLength() throws(LocalClusterError) {
        let socket = paths.socketDirectory.path + "/.s.PGSQL.\(port)"
        if socket.utf8.count > Self.socketPathLimit {
            throw .socketPathTooLong(path: socket, limit: Self.socketPathLimit)
        }
    }

    /// `pg_ctl start -w`: the server's output goes to the log file; the socket goes to `run`;
    /// no TCP address is listened on. A stale `postmaster.pid` left by a crash is handled by
    /// `pg_ctl` and the postmaster themselves (they check whether its process is alive).
    func startServer(binaries: PostgresBinaries, account: ServerAccount) throws(LocalClusterError) -> ConnectionTarget {
        try waitForCrashedPostmasterToBeReaped()
        let socketDirectory = paths.socketDirectory.path
        let options = [
            "-p", String(port), "-k", Self.shellQuoted(Self.socketDirectoryList(socketDirectory)), "-h", "''",
        ].joined(separator: " ")
        let arguments = [
            "start", "-D", paths.dataDirectory.path, "-l", paths.logFile.path, "-w", "-t", String(startTimeout),
            "-s", "-o", options,
        ]
        let result = try CommandRunner.run(
            try binaries.path(of: "pg_ctl"), arguments, environment: environment, prefix: account.switchPrefix)
        guard result.status == 0 else {
            throw .startFailed(
                dataDirectory: paths.dataDirectory.path, logFile: paths.logFile.path, output: result.output)
        }
        return ConnectionTarget(socketDirectory: socketDirectory, port: port, user: account.name, database: database)
    }

    /// A postmaster that crashed stays a zombie until init reaps it (at once with systemd; some
    /// container inits take a second or two), and PostgreSQL refuses to start while the pid in
    /// `postmaster.pid` exists. Wait for it, up to the start timeout.
    private func waitForCrashedPostmasterToBeReaped() throws(LocalClusterError) {
        guard let pidFile = try PostmasterPidFile.read(inDataDirectory: paths.dataDirectory.path) else { return }
        let deadline = Date().addingTimeInterval(Double(startTimeout))
        while pidFile.processState == .zombie && Date() < deadline { usleep(100_000) }
    }

    /// Where an already running server listens, as its `postmaster.pid` records it.
    func runningTarget(account: ServerAccount) throws(LocalClusterError) -> ConnectionTarget {
        let pidFile = try PostmasterPidFile.read(inDataDirectory: paths.dataDirectory.path)
        return ConnectionTarget(
            socketDirectory: pidFile?.socketDirectory ?? paths.socketDirectory.path, port: pidFile?.port ?? port,
            user: account.name, database: database)
    }

    /// Probes the socket with `pg_isready` until the server accepts connections or the timeout passes.
    func waitUntilReady(_ target: ConnectionTarget, binaries: PostgresBinaries) throws(LocalClusterError) {
        let probe = try binaries.path(of: "pg_isready")
        let arguments = [
            "-q", "-h", target.socketDirectory, "-p", String(target.port), "-U", target.user, "-d", "postgres",
            "-t", "5",
        ]
        let deadline = Date().addingTimeInterval(Double(startTimeout))
        while true {
            let result = try CommandRunner.run(probe, arguments, environment: environment)
            if result.status == 0 { return }
            guard result.status != 3, Date() < deadline else {
                throw .notReady(
                    socketDirectory: target.socketDirectory, port: target.port, seconds: startTimeout,
                    logFile: paths.logFile.path)
            }
            usleep(100_000)
        }
    }

    /// `pg_ctl stop -m <mode> -w`.
    func stopServer(mode: StopMode, binaries: PostgresBinaries, account: ServerAccount) throws(LocalClusterError) {
        let arguments = [
            "stop", "-D", paths.dataDirectory.path, "-m", mode.rawValue, "-w", "-t", String(startTimeout), "-s",
        ]
        let result = try CommandRunner.run(
            try binaries.path(of: "pg_ctl"), arguments, environment: environment, prefix: account.switchPrefix)
        guard result.status == 0 else {
            throw .stopFailed(
                dataDirectory: paths.dataDirectory.path, logFile: paths.logFile.path, output: result.output)
        }
    }

    /// A word for `/bin/sh` (pg_ctl hands `-o` options to the shell): single quotes, `'` as `'\''`.
    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
