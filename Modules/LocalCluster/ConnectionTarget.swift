/// What a PostgreSQL client needs to reach the local cluster: a unix socket directory, the port
/// that names the socket file, the role and the database.
public struct ConnectionTarget: Sendable, Hashable {
    /// Directory holding the `.s.PGSQL.<port>` socket (libpq `host`).
    public var socketDirectory: String
    /// Port number; with no TCP listener it only names the socket file.
    public var port: Int
    /// Role to connect as: the cluster's superuser (`postgres` when the tools run as root).
    public var user: String
    /// Database name (`cchc` by default).
    public var database: String

    public init(socketDirectory: String, port: Int, user: String, database: String) {
        self.socketDirectory = socketDirectory
        self.port = port
        self.user = user
        self.database = database
    }

    /// A libpq keyword/value connection string, values quoted where libpq requires it:
    /// `host=/home/a/.local/share/cchc/run port=5432 user=a dbname=cchc`.
    public var conninfo: String {
        [("host", socketDirectory), ("port", String(port)), ("user", user), ("dbname", database)]
            .map { "\($0.0)=\(Self.quoted($0.1))" }
            .joined(separator: " ")
    }

    /// The same target as libpq environment variables, for `psql` and other child programs.
    public var environment: [String: String] {
        ["PGHOST": socketDirectory, "PGPORT": String(port), "PGUSER": user, "PGDATABASE": database]
    }

    /// The socket file the server creates inside `socketDirectory`.
    public var socketFile: String {
        socketDirectory + "/.s.PGSQL.\(port)"
    }

    /// A conninfo value: bare when safe; otherwise in single quotes with `'` and `\` escaped by a backslash.
    static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0.isWhitespace || $0 == "'" || $0 == "\\" }
        guard needsQuotes else { return value }
        var result = "'"
        for character in value {
            if character == "'" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "'"
    }
}
