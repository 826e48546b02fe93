import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Unreachable servers and lost connections")
struct ConnectionFailureTests {
    @Test("No server at a socket directory: connectionFailed naming that directory and port")
    func noServerAtSocket() throws {
        let configuration = try ConnectionConfiguration(
            conninfo: "host=/nonexistent/cchc-socket port=54999 dbname=cchc user=cchc connect_timeout=2")
        #expect(Connection.ping(configuration) == .noResponse)
        let error = try #require(throws: PostgresError.self) { try Connection(configuration) }
        #expect(error.code == .connectionFailed)
        #expect(error.isConnectionProblem)
        #expect(
            error.target
                == ConnectionTarget(host: "/nonexistent/cchc-socket", port: "54999", database: "cchc", user: "cchc"))
        #expect(error.description.contains("socket /nonexistent/cchc-socket, cổng 54999, cơ sở dữ liệu cchc"))
        #expect(error.description.hasPrefix("Không kết nối được tới cơ sở dữ liệu PostgreSQL"))
    }

    @Test("Connection refused on TCP: connectionFailed naming host and port")
    func refusedOnTCP() throws {
        let configuration = try ConnectionConfiguration(
            conninfo: "postgresql://cchc@127.0.0.1:1/cchc?connect_timeout=2")
        #expect(Connection.ping(configuration) == .noResponse)
        let error = try #require(throws: PostgresError.self) { try Connection(configuration) }
        #expect(error.code == .connectionFailed)
        #expect(error.target?.host == "127.0.0.1")
        #expect(error.target?.port == "1")
        #expect(error.description.contains("máy chủ 127.0.0.1, cổng 1"))
    }

    @Test("A running server answers ping")
    func pingRunningServer() throws {
        let connection = try TestDatabase.serverConnection()
        #expect(Connection.ping(connection.configuration) == .reachable)
    }

    @Test("A database that does not exist fails with the server's reason")
    func missingDatabase() throws {
        let server = try TestDatabase.serverConnection().configuration
        let error = try #require(throws: PostgresError.self) {
            try Connection(server.replacingDatabase("cchc_no_such_database"))
        }
        #expect(error.code == .connectionFailed)
        #expect(error.message.contains("cchc_no_such_database"))
        #expect(error.target?.database == "cchc_no_such_database")
    }

    @Test("A terminated backend turns the next failure into connectionLost")
    func terminatedBackend() throws {
        let connection = try TestDatabase.serverConnection()
        let error = try #require(throws: PostgresError.self) {
            try connection.query("SELECT pg_terminate_backend(pg_backend_pid())")
        }
        #expect(error.code == .connectionLost)
        #expect(error.isConnectionProblem)
        #expect(!connection.isOpen)
        let next = try #require(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(next.code == .connectionLost)
    }
}
