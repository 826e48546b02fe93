import ArgumentParser
import Foundation
import LocalCluster
import PlanStore
import Postgres

/// `--database-url`: where the tools find PostgreSQL. Without it, and without `DATABASE_URL` or `PG*`
/// variables, every tool uses the embedded default: a private cluster under `$CCHC_HOME` that it creates,
/// starts and migrates itself.
public struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "Chuỗi kết nối PostgreSQL (postgresql://… hoặc host=… dbname=…); mặc định DATABASE_URL, các biến PG*, hoặc cụm PostgreSQL cục bộ."
    )
    public var databaseURL: String?

    public init() {}

    /// The `PG*` variables that choose a server (a password alone does not).
    static let serverVariables = ["DATABASE_URL", "PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"]

    /// Where this run connects.
    public enum Target {
        /// A server named by `--database-url`, `DATABASE_URL` or `PG*`.
        case server(ConnectionConfiguration)
        /// The embedded local cluster.
        case embedded(LocalCluster)
    }

    public func target(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Target {
        let explicit =
            databaseURL != nil || Self.serverVariables.contains { !(environment[$0] ?? "").isEmpty }
        guard explicit else { return .embedded(LocalCluster(environment: environment)) }
        do {
            return .server(
                try ConnectionConfiguration.resolve(
                    databaseURL: databaseURL, environment: environment, applicationName: Self.applicationName))
        } catch {
            throw ToolError.argument("--database-url", error.description)
        }
    }

    static var applicationName: String {
        URL(fileURLWithPath: CommandLine.arguments.first ?? "cchc").lastPathComponent
    }

    /// Connects; on the embedded cluster, starts it and brings its schema up to date first.
    /// With `requireSchema`, refuses a server whose schema is missing or newer (exit 3).
    public func connect(requireSchema: Bool = true) throws -> Connection {
        switch try target() {
        case .server(let configuration):
            let connection = try open(configuration, hint: Self.serverHint)
            if requireSchema { try Migrator(connection: connection).requireCurrent() }
            return connection
        case .embedded(let cluster):
            let where_ = try start(cluster)
            let configuration = try ConnectionConfiguration(
                conninfo: where_.conninfo, source: .argument, applicationName: Self.applicationName)
            let connection = try open(configuration, hint: Self.embeddedHint(cluster))
            try Migrator(connection: connection).migrate()
            return connection
        }
    }

    /// Where to connect, checked by connecting once (the embedded cluster started and migrated first), for a
    /// program that opens its own connections (the web server's pool).
    public func configuration(requireSchema: Bool = true) throws -> ConnectionConfiguration {
        switch try target() {
        case .server(let configuration):
            let connection = try open(configuration, hint: Self.serverHint)
            if requireSchema { try Migrator(connection: connection).requireCurrent() }
            return configuration
        case .embedded(let cluster):
            let where_ = try start(cluster)
            let configuration = try ConnectionConfiguration(
                conninfo: where_.conninfo, source: .argument, applicationName: Self.applicationName)
            try Migrator(connection: try open(configuration, hint: Self.embeddedHint(cluster))).migrate()
            return configuration
        }
    }

    /// Connects and opens a session for the person acting.
    public func openStore(_ identity: IdentityOption) throws -> Store {
        try Store(
            connection: connect(), actingAs: identity.requested, bootstrapLogin: IdentityOption.operatingSystemUser)
    }

    func start(_ cluster: LocalCluster) throws -> (conninfo: String, socket: String) {
        do {
            let target = try cluster.ensureRunning()
            return (target.conninfo, target.socketDirectory)
        } catch {
            throw ToolError(
                "Không khởi động được cụm PostgreSQL cục bộ (\(cluster.home.path)): \(error.description)",
                exitCode: ExitStatus.database)
        }
    }

    func open(_ configuration: ConnectionConfiguration, hint: String) throws -> Connection {
        do {
            return try Connection(configuration)
        } catch where error.isConnectionProblem {
            let place = error.target.map { "\($0)" } ?? configuration.description
            throw ToolError(
                "Không kết nối được tới PostgreSQL (\(place)).\n\(error.message)\n\(hint)", exitCode: ExitStatus.database)
        } catch {
            throw ToolError(error.description, exitCode: ExitStatus.database)
        }
    }

    static let serverHint =
        "Kiểm tra máy chủ PostgreSQL đang chạy và thiết lập kết nối (--database-url, DATABASE_URL, PGHOST…). "
        + "Muốn dùng cụm PostgreSQL cục bộ thì bỏ các thiết lập đó; khởi động nó bằng: cchc-admin db start"

    static func embeddedHint(_ cluster: LocalCluster) -> String {
        "Cụm PostgreSQL cục bộ: khởi động bằng `cchc-admin db start`; nhật ký: \(cluster.paths.logFile.path)"
    }
}
