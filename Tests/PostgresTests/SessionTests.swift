import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Session settings")
struct SessionTests {
    @Test("Every session runs in UTF8, UTC, ISO dates and hex bytea")
    func sessionSettings() throws {
        let connection = try TestDatabase.serverConnection()
        #expect(try connection.query("SHOW client_encoding").scalar(String.self) == "UTF8")
        #expect(try connection.query("SHOW TimeZone").scalar(String.self) == "UTC")
        #expect(try connection.query("SHOW DateStyle").scalar(String.self) == "ISO, YMD")
        #expect(try connection.query("SHOW bytea_output").scalar(String.self) == "hex")
    }

    @Test("The application name is configurable")
    func applicationName() throws {
        let server = try TestDatabase.serverConnection().configuration
        var configuration = server
        configuration.applicationName = "cchc-import"
        let connection = try Connection(configuration)
        #expect(try connection.query("SHOW application_name").scalar(String.self) == "cchc-import")
    }

    @Test("The server version is known")
    func serverVersion() throws {
        let connection = try TestDatabase.serverConnection()
        #expect(connection.serverVersion >= 130_000)
        #expect(connection.serverVersionString.hasPrefix("\(connection.serverVersion / 10_000)."))
    }

    @Test("Server notices are collected, not printed")
    func notices() throws {
        let connection = try TestDatabase.serverConnection()
        try connection.execute(
            unsafeSQL: "DO $$ BEGIN RAISE NOTICE 'xin chào %', 2024; RAISE WARNING 'cẩn thận'; END $$")
        let notices = connection.drainNotices()
        #expect(notices.map(\.message) == ["xin chào 2024", "cẩn thận"])
        #expect(notices.map(\.severity) == ["NOTICE", "WARNING"])
        #expect(connection.notices.isEmpty)
    }

    @Test("quoteIdentifier doubles embedded quotes")
    func quoteIdentifier() throws {
        let connection = try TestDatabase.serverConnection()
        #expect(try connection.quoteIdentifier("plans") == "\"plans\"")
        #expect(try connection.quoteIdentifier("a\"b; DROP") == "\"a\"\"b; DROP\"")
        #expect(throws: PostgresError.self) { try connection.quoteIdentifier("a\u{0}b") }
    }
}
