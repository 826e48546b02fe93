import Foundation

extension LocalCluster {
    /// Creates the application database, owned by the connecting role, unless it exists. Uses `psql`
    /// and `createdb` from the server's directory through the socket, as the cluster's superuser.
    func ensureDatabase(_ target: ConnectionTarget, binaries: PostgresBinaries) throws(LocalClusterError) {
        let connection = ["-h", target.socketDirectory, "-p", String(target.port), "-U", target.user]
        let literal = "'" + target.database.replacingOccurrences(of: "'", with: "''") + "'"
        let query = try CommandRunner.run(
            try binaries.path(of: "psql"),
            connection + [
                "-d", "postgres", "-X", "-A", "-t", "-q", "-c", "SELECT 1 FROM pg_database WHERE datname = \(literal)",
            ],
            environment: environment)
        guard query.status == 0 else {
            throw .databaseFailed(database: target.database, logFile: paths.logFile.path, output: query.output)
        }
        if query.output.trimmingCharacters(in: .whitespacesAndNewlines) == "1" { return }
        let create = try CommandRunner.run(
            try binaries.path(of: "createdb"), connection + ["-O", target.user, "--", target.database],
            environment: environment)
        guard create.status == 0 else {
            throw .databaseFailed(database: target.database, logFile: paths.logFile.path, output: create.output)
        }
    }
}
