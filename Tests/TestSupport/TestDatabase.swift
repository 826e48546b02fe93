import Foundation
import Postgres
import Testing

/// A fresh, uniquely named database on the test server (`DATABASE_URL` or the `PG*` variables), with an
/// open connection to it; dropped by `drop()` or, failing that, when the object goes away.
///
/// Tests running in parallel each get their own database (random name). When no server is reachable the
/// initialiser throws `TestDatabaseError.serverUnreachable`, which fails the test and says to run `.ci/run`.
public final class TestDatabase {
    /// The database name, e.g. `cchc_test_3f9a0c7e12b4d865`.
    public let name: String
    /// How to reach this database (explicit settings plus `dbname`; the rest from the inherited `PG*` variables).
    public let configuration: ConnectionConfiguration
    /// An open connection to the database.
    public let connection: Connection
    /// How to reach the server itself (its maintenance database), e.g. to create roles.
    public let serverConfiguration: ConnectionConfiguration
    private var dropped = false

    /// The conninfo string of this database, for executables under test (`--database-url`).
    public var conninfo: String { configuration.conninfo }

    /// The environment for a child process: this process's, with `DATABASE_URL` naming this database.
    public var childEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = conninfo
        return environment
    }

    /// Creates the database, connects, then runs `prepare` (e.g. migrations); drops it again if that fails.
    public init(
        prepare: ((Connection) throws -> Void)? = nil,
        template: String = "template0",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let server = try ConnectionConfiguration.resolve(environment: environment, applicationName: "cchc-tests")
        let name = "cchc_test_" + String(format: "%016llx", UInt64.random(in: .min ... .max))
        let admin = try Self.connectToServer(server)
        try admin.execute(
            unsafeSQL: "CREATE DATABASE \(try admin.quoteIdentifier(name)) TEMPLATE \(try admin.quoteIdentifier(template)) ENCODING 'UTF8'")

        self.name = name
        self.serverConfiguration = server
        self.configuration = server.replacingDatabase(name)
        do {
            self.connection = try Connection(configuration)
            try prepare?(connection)
        } catch {
            // `self` is not fully initialised when connecting fails, so drop through the admin connection.
            _ = try? admin.execute(unsafeSQL: "DROP DATABASE IF EXISTS \(try admin.quoteIdentifier(name)) WITH (FORCE)")
            throw error
        }
    }

    /// Drops the database (terminating any session still connected to it). Safe to call twice.
    public func drop() throws {
        guard !dropped else { return }
        let admin = try Self.connectToServer(serverConfiguration)
        try admin.execute(unsafeSQL: "DROP DATABASE IF EXISTS \(try admin.quoteIdentifier(name)) WITH (FORCE)")
        dropped = true
    }

    deinit {
        do {
            try drop()
        } catch {
            Issue.record("Không xóa được cơ sở dữ liệu kiểm thử \(name): \(error)")
        }
    }

    /// A connection to the test server's own database, for tests that create nothing (cheaper than a fresh
    /// database); throws `TestDatabaseError.serverUnreachable` like `init` does.
    public static func serverConnection(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Connection {
        try connectToServer(ConnectionConfiguration.resolve(environment: environment, applicationName: "cchc-tests"))
    }

    static func connectToServer(_ server: ConnectionConfiguration) throws -> Connection {
        do {
            return try Connection(server)
        } catch  where error.isConnectionProblem {
            throw TestDatabaseError.serverUnreachable(configuration: server, underlying: error)
        }
    }
}

/// Runs `body` with a fresh database that is dropped afterwards, whether `body` succeeds or throws.
public func withTestDatabase<T>(
    prepare: ((Connection) throws -> Void)? = nil, _ body: (TestDatabase) throws -> T
) throws -> T {
    try TestDatabase(prepare: prepare).use(body)
}

extension TestDatabase {
    /// Runs `body` with this database, then drops it, whether `body` succeeds or throws.
    public func use<T>(_ body: (TestDatabase) throws -> T) throws -> T {
        let value: T
        do {
            value = try body(self)
        } catch {
            try? drop()
            throw error
        }
        try drop()
        return value
    }

    /// Runs an async `body` with this database, then drops it, whether `body` succeeds or throws.
    public func use<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        let value: T
        do {
            value = try await body(self)
        } catch {
            try? drop()
            throw error
        }
        try drop()
        return value
    }
}

/// Runs an async `body` with a fresh database that is dropped afterwards, whether `body` succeeds or throws.
public func withTestDatabase<T>(
    prepare: ((Connection) throws -> Void)? = nil, _ body: (TestDatabase) async throws -> T
) async throws -> T {
    try await TestDatabase(prepare: prepare).use(body)
}

/// Why a test database could not be provided.
public enum TestDatabaseError: Error, CustomStringConvertible {
    /// No PostgreSQL server answered at the configured place.
    case serverUnreachable(configuration: ConnectionConfiguration, underlying: PostgresError)

    public var description: String {
        switch self {
        case .serverUnreachable(let configuration, let underlying):
            """
            Không kết nối được máy chủ PostgreSQL dùng cho kiểm thử (cấu hình: \(configuration), \
            nguồn: \(configuration.source.rawValue)).
            Các bài kiểm thử cơ sở dữ liệu cần một PostgreSQL thật: hãy chạy chúng qua `.ci/run` \
            (script này khởi động một cụm PostgreSQL tạm và đặt các biến PG*), hoặc đặt DATABASE_URL / PGHOST, \
            PGPORT, PGUSER tới một máy chủ đang chạy.
            \(underlying)
            """
        }
    }
}
