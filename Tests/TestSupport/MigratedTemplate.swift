import Crypto
import Foundation
import PlanStore
import Postgres

/// A database migrated once per schema version and copied for each test (`CREATE DATABASE … TEMPLATE`),
/// so that tests needing the schema do not each pay for running every migration.
public enum MigratedTemplate {
    /// `cchc_template_<hash of the embedded migrations>`: a new schema gets a new template.
    public static var name: String {
        let digest = SHA256.hash(data: Data(Migration.all.map(\.sha256).joined(separator: ",").utf8))
        return "cchc_template_" + digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// Creates the template when missing; concurrent test processes wait for one another.
    public static func ensure(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let server = try ConnectionConfiguration.resolve(environment: environment, applicationName: "cchc-tests")
        let admin = try TestDatabase.connectToServer(server)
        let name = Self.name
        try admin.query("SELECT pg_advisory_lock(hashtext('cchc.test-template'))")
        defer { _ = try? admin.query("SELECT pg_advisory_unlock(hashtext('cchc.test-template'))") }
        let exists = try admin.query("SELECT count(*) FROM pg_database WHERE datname = \(name)").scalar(Int.self) == 1
        if exists { return name }
        let building = name + "_building"
        try admin.execute(unsafeSQL: "DROP DATABASE IF EXISTS \(try admin.quoteIdentifier(building))")
        try admin.execute(
            unsafeSQL: "CREATE DATABASE \(try admin.quoteIdentifier(building)) TEMPLATE template0 ENCODING 'UTF8'")
        do {
            let connection = try Connection(server.replacingDatabase(building))
            try Migrator(connection: connection).migrate()
        }
        // Renaming only when complete: a half-built template is never used.
        try admin.execute(
            unsafeSQL: "ALTER DATABASE \(try admin.quoteIdentifier(building)) RENAME TO \(try admin.quoteIdentifier(name))")
        return name
    }
}

/// Runs `body` with a fresh database holding the current schema, dropped afterwards. Database privileges
/// are not copied from the template, so the copy is hardened as `Migrator.migrate` hardens a database.
public func withMigratedDatabase<T>(_ body: (TestDatabase) throws -> T) throws -> T {
    let database = try TestDatabase(template: try MigratedTemplate.ensure())
    return try database.use { database in
        try Migrator.hardenDatabase(database.connection)
        return try body(database)
    }
}

/// Runs an async `body` with a fresh database holding the current schema, dropped afterwards.
public func withMigratedDatabase<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
    let database = try TestDatabase(template: try MigratedTemplate.ensure())
    return try await database.use { database in
        try Migrator.hardenDatabase(database.connection)
        return try await body(database)
    }
}
