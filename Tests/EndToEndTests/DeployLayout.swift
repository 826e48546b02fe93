import Foundation
import Postgres
import TestSupport
import Testing

/// deploy/postgres/setup-roles.sql applied to the test server, with connections as its login roles.
///
/// Roles are cluster-wide. Login roles that do not exist yet are created with random passwords and
/// dropped again by `tearDown()`; roles that already exist (a server also hosting a real cchc) keep
/// their passwords and are never dropped. The group roles cchc_admin/unit/viewer are never dropped:
/// every migrated database relies on them.
final class DeployLayout {
    static let ownedRoles = ["cchc_owner", "cchc_migrator", "cchc_backup", "cchc_web"]

    /// The test server as a superuser sees it (`DATABASE_URL` or `PG*`).
    let server: ConnectionConfiguration
    /// Passwords of the login roles created by this layout.
    private var passwords: [String: String]
    private let createdRoles: [String]
    /// People's logins made by `createLogin`, dropped by `tearDown()`.
    private var personLogins: [String] = []
    private var databases: [String] = []

    init() throws {
        server = try ConnectionConfiguration.resolve(applicationName: "cchc-tests")
        let existing = Set(
            try TestDatabase.serverConnection().query(
                "SELECT rolname::text FROM pg_roles WHERE rolname::text = ANY(\(Self.ownedRoles))"
            ).map { try $0.decode(String.self, at: 0) })
        createdRoles = Self.ownedRoles.filter { !existing.contains($0) }
        var passwords: [String: String] = [:]
        for role in ["cchc_migrator", "cchc_backup", "cchc_web"] where !existing.contains(role) {
            passwords[role] = (0 ..< 4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max)) }.joined()
        }
        self.passwords = passwords
    }

    /// Runs setup-roles.sql for a new database and returns its name.
    func prepareDatabase() throws -> String {
        let name = ScratchDatabase(prefix: "cchc_roles").name
        databases.append(name)
        let run = try runSetup(database: name)
        guard run.status == 0 else {
            throw DeployLayoutError.setupFailed(run)
        }
        return name
    }

    /// Runs setup-roles.sql for `database`, connected as `role` (nil: the test server's superuser).
    func runSetup(database: String, as role: String? = nil) throws -> ScriptRun {
        var arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "deploy/postgres/setup-roles.sql", "-v", "dbname=\(database)"]
        for (role, password) in passwords.sorted(by: { $0.key < $1.key }) {
            arguments += ["-v", "\(role.dropFirst("cchc_".count))_password=\(password)"]
        }
        let connection = try role.map { try configuration($0, database: "postgres") } ?? server
        if !connection.conninfo.isEmpty { arguments += ["--dbname", connection.conninfo] }
        return try runProgram("psql", arguments, environment: ProcessInfo.processInfo.environment)
    }

    /// A person's login made with deploy/postgres/create-login.sql, under a name unique to this test run
    /// (`nv_a1b2c3d4`) with a random password; returns the name.
    func createLogin(_ stem: String) throws -> String {
        let name = "\(stem)_" + String(format: "%08x", UInt32.random(in: .min ... .max))
        let password = (0 ..< 4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max)) }.joined()
        var arguments = ["-X", "-q", "-f", "deploy/postgres/create-login.sql", "-v", "login=\(name)", "-v", "password=\(password)"]
        if !server.conninfo.isEmpty { arguments += ["--dbname", server.conninfo] }
        let run = try runProgram("psql", arguments, environment: ProcessInfo.processInfo.environment)
        guard run.status == 0 else { throw DeployLayoutError.setupFailed(run) }
        personLogins.append(name)
        passwords[name] = password
        return name
    }

    /// How to reach `database` as `role` (the password set by this layout, if it created the role).
    func configuration(_ role: String, database: String) throws -> ConnectionConfiguration {
        var values = server.settings()
        values["user"] = role
        values["dbname"] = database
        values["password"] = passwords[role]
        return try ConnectionConfiguration(conninfo: Self.render(values), applicationName: "cchc-tests")
    }

    /// A superuser's connection to `database`, which sees every row whatever the policies say.
    func superuser(_ database: String) throws -> Connection {
        try Connection(server.replacingDatabase(database))
    }

    /// Drops the databases, then the login roles this layout created.
    func tearDown() {
        for database in databases {
            ScratchDatabase(name: database).drop()
        }
        guard let server = try? TestDatabase.serverConnection() else { return }
        for role in personLogins + createdRoles.reversed() {
            do {
                try server.execute(unsafeSQL: "DROP ROLE IF EXISTS \(try server.quoteIdentifier(role))")
            } catch {
                Issue.record("Không xóa được vai trò \(role): \(error)")
            }
        }
    }

    /// `key='value' …` as libpq reads it.
    static func render(_ values: [String: String]) -> String {
        values.sorted { $0.key < $1.key }.map { key, value in
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            return "\(key)='\(escaped)'"
        }.joined(separator: " ")
    }
}

/// Why the layout could not be prepared.
enum DeployLayoutError: Error, CustomStringConvertible {
    case setupFailed(ScriptRun)

    var description: String {
        switch self {
        case .setupFailed(let run):
            "deploy/postgres/setup-roles.sql thất bại (cần quyền superuser trên máy chủ kiểm thử):\n\(run)"
        }
    }
}

extension ScratchDatabase {
    init(name: String) {
        self.name = name
    }
}
