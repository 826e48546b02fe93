import Foundation
import Postgres

extension TestDatabase {
    /// Runs `body` with a new PostgreSQL login (a cluster-wide role with a name unique to this run, e.g.
    /// `nv_3f9a0c7e`), no rights of its own, allowed to connect to this database; dropped afterwards. The
    /// configuration reaches this database as that login (the test server trusts local connections).
    public func withLogin<T>(
        _ stem: String, _ body: (_ login: String, _ configuration: ConnectionConfiguration) throws -> T
    ) throws -> T {
        let login = "\(stem)_" + String(format: "%08x", UInt32.random(in: .min ... .max))
        let admin = try TestDatabase.serverConnection()
        let quoted = try admin.quoteIdentifier(login)
        try admin.execute(unsafeSQL: "CREATE ROLE \(quoted) LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE")
        defer { _ = try? admin.execute(unsafeSQL: "DROP ROLE IF EXISTS \(quoted)") }
        var values = configuration.settings()
        values["user"] = login
        let rendered = values.sorted { $0.key < $1.key }.map { key, value in
            "\(key)='\(value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'"))'"
        }.joined(separator: " ")
        return try body(login, try ConnectionConfiguration(conninfo: rendered, applicationName: "cchc-tests"))
    }
}
