import CLibPQ
import Foundation

/// Where and how to connect: a libpq conninfo string (`host=… dbname=…`) or a `postgresql://` URL, or empty
/// to let libpq apply the standard `PG*` environment variables (`PGHOST`, `PGPORT`, `PGDATABASE`, `PGUSER`, …).
///
/// The string is validated with `PQconninfoParse` when the configuration is made, so a malformed URL is a
/// `PostgresError(.invalidConfiguration)` here rather than a surprise at connect time.
public struct ConnectionConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// Where a configuration came from, so messages can say which setting to fix.
    public enum Source: String, Sendable, Hashable {
        /// `--database-url` (or any string passed explicitly).
        case argument
        /// The `DATABASE_URL` environment variable.
        case databaseURL
        /// libpq's own defaults and `PG*` environment variables (empty conninfo).
        case libpqEnvironment
    }

    /// The conninfo string or URL; empty means "libpq defaults and `PG*` variables".
    public private(set) var conninfo: String
    /// Where `conninfo` came from.
    public let source: Source
    /// Sent as libpq's `fallback_application_name`: used unless the conninfo or `PGAPPNAME` names one.
    public var applicationName: String
    /// Seconds to wait for the server (`connect_timeout`), 10 by default so a batch tool facing an unreachable
    /// host fails promptly; a `connect_timeout` in the conninfo wins; nil waits as long as the OS does.
    public var connectTimeout: Int?

    /// Validates `conninfo` (a `key=value` string or a `postgresql://` URL; empty for the environment).
    public init(
        conninfo: String, source: Source = .argument, applicationName: String = "cchc", connectTimeout: Int? = 10
    ) throws(PostgresError) {
        let trimmed = conninfo.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try ConnInfo.parse(trimmed)
        self.conninfo = trimmed
        self.source = trimmed.isEmpty ? .libpqEnvironment : source
        self.applicationName = applicationName
        self.connectTimeout = connectTimeout
    }

    /// libpq defaults and the `PG*` environment variables.
    public static func libpqEnvironment(applicationName: String = "cchc") -> ConnectionConfiguration {
        ConnectionConfiguration(validated: "", source: .libpqEnvironment, applicationName: applicationName)
    }

    /// For a conninfo already known to parse (the empty one).
    private init(validated conninfo: String, source: Source, applicationName: String) {
        self.conninfo = conninfo
        self.source = source
        self.applicationName = applicationName
        self.connectTimeout = 10
    }

    /// The CLI rule: `--database-url` if given, else `DATABASE_URL` if set and non-empty, else `PG*` variables.
    public static func resolve(
        databaseURL: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        applicationName: String = "cchc"
    ) throws(PostgresError) -> ConnectionConfiguration {
        if let databaseURL, !databaseURL.isEmpty {
            return try ConnectionConfiguration(
                conninfo: databaseURL, source: .argument, applicationName: applicationName)
        }
        if let url = environment["DATABASE_URL"], !url.trimmingCharacters(in: .whitespaces).isEmpty {
            return try ConnectionConfiguration(conninfo: url, source: .databaseURL, applicationName: applicationName)
        }
        return .libpqEnvironment(applicationName: applicationName)
    }

    /// The explicitly given settings (`host`, `port`, `dbname`, …), as libpq parsed them; passwords included.
    public func settings() -> [String: String] {
        (try? ConnInfo.parse(conninfo)) ?? [:]
    }

    /// The same settings with `dbname` replaced, as a `key='value'` conninfo string; settings not given here
    /// still come from the `PG*` environment (so a child process inheriting the environment sees the same server).
    public func replacingDatabase(_ database: String) -> ConnectionConfiguration {
        var values = settings()
        values["dbname"] = database
        var copy = self
        copy.conninfo = ConnInfo.render(values)
        return copy
    }

    /// The conninfo with any password masked, safe to print.
    public var description: String {
        var values = settings()
        guard !values.isEmpty else { return "(biến môi trường PG*)" }
        if values["password"] != nil { values["password"] = "***" }
        return ConnInfo.render(values)
    }

    /// The keyword/value pairs handed to `PQconnectdbParams` / `PQpingParams`, in libpq's precedence order:
    /// later entries win, and the conninfo (`dbname`, expanded) may override the fallback name and timeout.
    var connectParameters: [(String, String)] {
        var pairs: [(String, String)] = [("fallback_application_name", applicationName)]
        if let connectTimeout { pairs.append(("connect_timeout", String(connectTimeout))) }
        if !conninfo.isEmpty { pairs.append(("dbname", conninfo)) }
        pairs.append(("client_encoding", "UTF8"))
        return pairs
    }
}
