import Foundation
import Postgres
import TestSupport
import Testing

@Suite("TestSupport: a fresh database per test")
struct TestDatabaseTests {
    private func exists(_ name: String) throws -> Bool {
        try TestDatabase.serverConnection().query("SELECT count(*) FROM pg_database WHERE datname = \(name)")
            .scalar(Int.self) == 1
    }

    @Test("Each test database is new, empty, UTF-8 and dropped afterwards")
    func freshAndDropped() throws {
        let name = try withTestDatabase { database throws in
            #expect(try exists(database.name))
            let db = database.connection
            #expect(try db.query("SELECT current_database()").scalar(String.self) == database.name)
            #expect(try db.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").scalar(Int.self) == 0)
            #expect(try db.query("SHOW server_encoding").scalar(String.self) == "UTF8")
            return database.name
        }
        #expect(try !exists(name))
    }

    @Test("Two databases get different names")
    func distinctNames() throws {
        let first = try TestDatabase()
        let second = try TestDatabase()
        #expect(first.name != second.name)
    }

    @Test("The database is dropped when the body throws, and when the object goes away")
    func droppedOnErrorAndDeinit() throws {
        struct Boom: Error {}
        var name = ""
        #expect(throws: Boom.self) {
            try withTestDatabase { database in
                name = database.name
                throw Boom()
            }
        }
        #expect(try !exists(name))

        var database: TestDatabase? = try TestDatabase()
        let other = database!.name
        database = nil
        #expect(try !exists(other))
    }

    @Test("The prepare hook runs first; if it fails the database is dropped and the error surfaces")
    func prepareHook() async throws {
        let createUnits: (Connection) throws -> Void = { db in
            try db.execute(unsafeSQL: "CREATE TABLE units (code text)")
        }
        let count = try await withTestDatabase(prepare: createUnits) { database async throws in
            await Task.yield()
            return try database.connection.query("SELECT count(*) FROM units").scalar(Int.self)
        }
        #expect(count == 0)

        var name = ""
        let error = try #require(throws: PostgresError.self) {
            _ = try TestDatabase(prepare: { db in
                name = try db.query("SELECT current_database()").scalar(String.self)
                try db.execute(unsafeSQL: "CREATE TABLE broken (")
            })
        }
        #expect(error.sqlState == "42601")
        #expect(name.hasPrefix("cchc_test_"))
        #expect(try !exists(name))
    }

    @Test("The conninfo reaches the same database from another connection (as an executable would)")
    func conninfoForExecutables() throws {
        let database = try TestDatabase()
        try database.connection.execute(unsafeSQL: "CREATE TABLE marker (x int); INSERT INTO marker VALUES (7)")
        let other = try Connection(ConnectionConfiguration(conninfo: database.conninfo))
        #expect(try other.query("SELECT x FROM marker").scalar(Int.self) == 7)
        #expect(database.childEnvironment["DATABASE_URL"] == database.conninfo)
    }

    @Test("No reachable server fails loudly and says to run .ci/run")
    func unreachable() throws {
        let environment = ["DATABASE_URL": "host=/nonexistent/cchc port=1 dbname=x connect_timeout=2"]
        let error = try #require(throws: TestDatabaseError.self) {
            _ = try TestDatabase(environment: environment)
        }
        #expect(error.description.contains(".ci/run"))
        #expect(error.description.contains("/nonexistent/cchc"))
    }
}
