import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LocalCluster {
    /// Creates `home` (and, when relocated, the server root). As root, a home that holds the server
    /// files gets mode 0711 so `postgres` can traverse it without listing it; otherwise 0700.
    func prepareHome(for account: ServerAccount) throws(LocalClusterError) {
        guard account.switchesUser else { return try FileSystem.createDirectories(home.path, mode: 0o700) }
        if paths.isRelocated {
            try FileSystem.createDirectories(home.path, mode: 0o700)
            try FileSystem.createDirectories(paths.serverRoot.deletingLastPathComponent().path, mode: 0o755)
            try FileSystem.createDirectories(paths.serverRoot.path, mode: 0o755)
        } else {
            try FileSystem.createDirectories(home.deletingLastPathComponent().path, mode: 0o755)
            try FileSystem.createDirectories(home.path, mode: 0o711)
        }
    }

    /// The socket and log directories and the log file, owned by the server account, private.
    func prepareServerDirectories(for account: ServerAccount) throws(LocalClusterError) {
        try FileSystem.ensureDirectory(paths.socketDirectory.path, mode: 0o700, owner: account.entry)
        try FileSystem.ensureDirectory(paths.logDirectory.path, mode: 0o700, owner: account.entry)
        try FileSystem.ensureFile(paths.logFile.path, mode: 0o600, owner: account.entry)
    }

    /// Runs `initdb` into a fresh temporary directory beside `pgdata` and renames it into place on
    /// success, so an interrupted `initdb` never leaves a directory that looks like a cluster.
    /// Leftovers of earlier interrupted runs are removed first (we hold the lock, so none is live).
    func initialise(binaries: PostgresBinaries, account: ServerAccount) throws(LocalClusterError) {
        let root = paths.serverRoot.path
        for name in FileSystem.names(in: root) where name.hasPrefix(Paths.temporaryDataPrefix) {
            try FileSystem.removeTree(root + "/" + name)
        }
        let temporary = root + "/" + Paths.temporaryDataPrefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileSystem.ensureDirectory(temporary, mode: 0o700, owner: account.entry)
        let arguments = [
            "-D", temporary, "-E", "UTF8", "--locale=C.UTF-8", "-U", account.name,
            "--auth-local=trust", "--auth-host=reject",
        ]
        let result = try CommandRunner.run(
            try binaries.path(of: "initdb"), arguments, environment: environment, prefix: account.switchPrefix)
        try? FileSystem.append(
            "\(Date()) cchc: initdb \(paths.dataDirectory.path) (exit \(result.status))\n\(result.output)\n",
            to: paths.logFile.path)
        guard result.status == 0 else {
            try? FileSystem.removeTree(temporary)
            throw .initialisationFailed(
                dataDirectory: paths.dataDirectory.path, logFile: paths.logFile.path, output: result.output)
        }
        try FileSystem.append(configuration, to: temporary + "/postgresql.conf")
        try FileSystem.rename(temporary, to: paths.dataDirectory.path)
        let directory = open(root, O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    /// Settings appended to `postgresql.conf`, so that even a server started by hand with
    /// `pg_ctl -D …/pgdata start` listens on no TCP address and puts its socket in `run`.
    var configuration: String {
        """

        # Added by cchc (LocalCluster): a private cluster reached only through its unix socket.
        listen_addresses = ''
        unix_socket_directories = '\(Self.socketDirectoryList(paths.socketDirectory.path).replacingOccurrences(of: "'", with: "''"))'
        port = \(port)

        """
    }

    /// A directory as a one-element `unix_socket_directories` list: double-quoted when it holds a
    /// comma, a double quote or surrounding spaces (`""` inside quotes stands for `"`).
    static func socketDirectoryList(_ path: String) -> String {
        let plain = !path.contains(",") && !path.contains("\"") && path.trimmingCharacters(in: .whitespaces) == path
        return plain ? path : "\"" + path.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
