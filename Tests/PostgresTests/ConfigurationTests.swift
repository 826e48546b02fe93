import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Connection configuration")
struct ConfigurationTests {
    @Test(
        "A malformed conninfo or URL is an invalidConfiguration error, not a crash",
        arguments: [
            "postgresql://[::1",
            "not a conninfo",
            "host=localhost port",
            "postgresql://host/db?nosuchoption=1",
            "host='unterminated",
        ])
    func invalidConninfo(_ text: String) {
        #expect {
            try ConnectionConfiguration(conninfo: text)
        } throws: { error in
            let error = try #require(error as? PostgresError)
            return error.code == .invalidConfiguration && error.description.contains("không hợp lệ")
        }
    }

    @Test("An invalid --database-url is reported before any connection attempt")
    func invalidURLThroughResolve() {
        #expect(throws: PostgresError.self) {
            try ConnectionConfiguration.resolve(databaseURL: "postgresql://[::1", environment: [:])
        }
    }

    @Test("--database-url wins over DATABASE_URL, which wins over the PG* variables")
    func precedence() throws {
        let environment = ["DATABASE_URL": "postgresql://envhost/envdb"]
        let explicit = try ConnectionConfiguration.resolve(
            databaseURL: "host=arghost dbname=argdb", environment: environment)
        #expect(explicit.source == .argument)
        #expect(explicit.settings()["host"] == "arghost")

        let fromVariable = try ConnectionConfiguration.resolve(databaseURL: nil, environment: environment)
        #expect(fromVariable.source == .databaseURL)
        #expect(fromVariable.settings()["dbname"] == "envdb")

        let fromLibpq = try ConnectionConfiguration.resolve(databaseURL: "", environment: ["DATABASE_URL": " "])
        #expect(fromLibpq.source == .libpqEnvironment)
        #expect(fromLibpq.conninfo.isEmpty)
    }

    @Test("The printable form masks the password")
    func descriptionMasksPassword() throws {
        let configuration = try ConnectionConfiguration(conninfo: "postgresql://anna:s3cret@db.example/cchc")
        #expect(!configuration.description.contains("s3cret"))
        #expect(configuration.description.contains("password='***'"))
        #expect(configuration.settings()["password"] == "s3cret")
    }

    @Test("replacingDatabase keeps the other settings and quotes values safely")
    func replacingDatabase() throws {
        let configuration = try ConnectionConfiguration(conninfo: "postgresql://anna@db.example:6543/cchc")
        let other = configuration.replacingDatabase("it's a \\ test")
        #expect(other.settings() == ["user": "anna", "host": "db.example", "port": "6543", "dbname": "it's a \\ test"])
    }

    /// The `PG*` variables of this process, when they name the test server (as `.ci/run` exports them).
    static let pgVariables = ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("PG") }

    @Test(
        "With no URL, libpq's PG* environment variables pick the server",
        .enabled(if: pgVariables["PGHOST"] != nil, "PGHOST is not set: the test server is given by DATABASE_URL"))
    func libpqEnvironment() throws {
        let configuration = try ConnectionConfiguration.resolve(environment: Self.pgVariables)
        #expect(configuration.conninfo.isEmpty)
        let connection = try Connection(configuration)
        #expect(connection.target.host == Self.pgVariables["PGHOST"])
        if let port = Self.pgVariables["PGPORT"] { #expect(connection.target.port == port) }
        if let user = Self.pgVariables["PGUSER"] { #expect(connection.target.user == user) }
        if let database = Self.pgVariables["PGDATABASE"] {
            #expect(try connection.query("SELECT current_database()").scalar(String.self) == database)
        }
    }

    @Test("A postgresql:// URL connects to the server and database it names")
    func urlConnects() throws {
        let database = try TestDatabase()
        let target = database.connection.target
        let url =
            target.isUnixSocket
            ? "postgresql://\(target.user)@/\(database.name)?host=\(target.host)&port=\(target.port)"
            : "postgresql://\(target.user)@\(target.host):\(target.port)/\(database.name)"
        let connection = try Connection(databaseURL: url)
        #expect(connection.configuration.source == .argument)
        #expect(try connection.query("SELECT current_database()").scalar(String.self) == database.name)
        #expect(connection.target.database == database.name)
    }

    @Test("DATABASE_URL is used when no --database-url is given")
    func databaseURLVariable() throws {
        let database = try TestDatabase()
        let configuration = try ConnectionConfiguration.resolve(environment: ["DATABASE_URL": database.conninfo])
        #expect(configuration.source == .databaseURL)
        let connection = try Connection(configuration)
        #expect(try connection.query("SELECT current_database()").scalar(String.self) == database.name)
    }
}
