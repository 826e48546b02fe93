import Foundation
import Postgres

/// Applies the embedded migrations in version order, each with its record in `schema_migrations` in one
/// transaction, under a session advisory lock so that two migrators serialise.
public struct Migrator {
    /// `pg_advisory_lock` key: "cchcmigr" in ASCII.
    static let lockKey: Int64 = 0x6363_6863_6D69_6772

    public let connection: Connection
    public let migrations: [Migration]

    public init(connection: Connection, migrations: [Migration] = Migration.all) {
        self.connection = connection
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// One row of `schema_migrations`.
    public struct AppliedMigration: Hashable, Sendable {
        public var version: Int
        public var name: String
        public var sha256: String
        public var appliedAt: Date
    }

    /// What the database holds compared with this build.
    public struct Status: Sendable {
        public var applied: [AppliedMigration]
        public var pending: [Migration]
        /// Applied migrations whose SQL this build carries differently.
        public var changed: [AppliedMigration]
        /// Applied migrations this build does not know (a newer cchc migrated the database).
        public var unknown: [AppliedMigration]

        public var isCurrent: Bool { pending.isEmpty && changed.isEmpty && unknown.isEmpty }
    }

    /// Reads the state without changing anything.
    public func status() throws(MigrationError) -> Status {
        let applied = try appliedMigrations()
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        let appliedVersions = Set(applied.map(\.version))
        return Status(
            applied: applied,
            pending: migrations.filter { !appliedVersions.contains($0.version) },
            changed: applied.filter { applied in known[applied.version].map { $0.sha256 != applied.sha256 } ?? false },
            unknown: applied.filter { known[$0.version] == nil })
    }

    /// Throws unless the schema is exactly what this build expects (used before every command).
    public func requireCurrent() throws(MigrationError) {
        let status = try status()
        try Self.refuseIncompatible(status, knownVersion: migrations.last?.version ?? 0)
        if !status.pending.isEmpty { throw .notMigrated(pending: status.pending.map(\.version)) }
    }

    /// Applies every pending migration; returns those applied now (empty when already current).
    @discardableResult
    public func migrate() throws(MigrationError) -> [Migration] {
        do {
            try connection.query("SELECT pg_advisory_lock(\(Self.lockKey))")
        } catch {
            throw .database(error)
        }
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))") }

        do {
            try connection.execute(
                unsafeSQL: """
                    SET client_min_messages = warning;
                    CREATE TABLE IF NOT EXISTS public.schema_migrations (
                        version     integer PRIMARY KEY CHECK (version > 0),
                        name        text        NOT NULL,
                        sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                        applied_at  timestamptz NOT NULL DEFAULT now(),
                        applied_by  text        NOT NULL DEFAULT session_user
                    );
                    RESET client_min_messages;
                    """)
        } catch {
            throw .database(error)
        }

        let status = try status()
        try Self.refuseIncompatible(status, knownVersion: migrations.last?.version ?? 0)
        var appliedNow: [Migration] = []
        for migration in status.pending {
            do {
                try connection.withTransaction { connection in
                    try connection.execute(unsafeSQL: migration.sql)
                    try connection.query(
                        """
                        INSERT INTO public.schema_migrations (version, name, sha256)
                        VALUES (\(migration.version), \(migration.name), \(migration.sha256))
                        """)
                }
            } catch let error as PostgresError {
                throw .failed(version: migration.version, name: migration.name, error)
            } catch {
                throw .failed(
                    version: migration.version, name: migration.name,
                    PostgresError(.queryFailed, message: String(describing: error)))
            }
            appliedNow.append(migration)
        }
        do {
            try Self.hardenDatabase(connection)
        } catch {
            throw .database(error)
        }
        return appliedNow
    }

    /// Takes from PUBLIC what no application role needs: creating temporary objects in the database (a
    /// temporary table would shadow the schema's own for that session) and creating objects in `public`.
    /// Database privileges are not copied from a template or kept by a dump, so this runs after every
    /// migration and restore; it changes nothing when already done. Needs the database's owner.
    public static func hardenDatabase(_ connection: Connection) throws(PostgresError) {
        let open = try connection.query(
            """
            SELECT d.datacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(d.datacl) a
                                                WHERE a.grantee = 0 AND a.privilege_type = 'TEMPORARY'),
                   has_schema_privilege('public', 'public', 'CREATE')
              FROM pg_database d WHERE d.datname = current_database()
            """
        ).first
        guard let open else { return }
        if try open.decode(Bool.self, at: 0) {
            let name = try connection.query("SELECT current_database()").scalar(String.self)
            try connection.execute(unsafeSQL: "REVOKE TEMPORARY ON DATABASE \(try connection.quoteIdentifier(name)) FROM PUBLIC")
        }
        if try open.decode(Bool.self, at: 1) {
            try connection.execute(unsafeSQL: "REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        }
    }

    private static func refuseIncompatible(_ status: Status, knownVersion: Int) throws(MigrationError) {
        if let newest = status.unknown.map(\.version).max(), newest > knownVersion {
            throw .newerSchema(databaseVersion: newest, knownVersion: knownVersion)
        }
        if let changed = status.changed.first {
            let embedded = Migration.all.first { $0.version == changed.version }?.sha256 ?? ""
            throw .changed(version: changed.version, name: changed.name, applied: changed.sha256, embedded: embedded)
        }
    }

    private func appliedMigrations() throws(MigrationError) -> [AppliedMigration] {
        do {
            let exists = try connection.query("SELECT to_regclass('public.schema_migrations') IS NOT NULL").scalar(Bool.self)
            guard exists else { return [] }
            return try connection.query("SELECT version, name, sha256, applied_at FROM public.schema_migrations ORDER BY version")
                .map { row throws(PostgresError) in
                    AppliedMigration(
                        version: try row.decode(Int.self, at: 0), name: try row.decode(String.self, at: 1),
                        sha256: try row.decode(String.self, at: 2), appliedAt: try row.decode(Date.self, at: 3))
                }
        } catch {
            throw .database(error)
        }
    }
}
