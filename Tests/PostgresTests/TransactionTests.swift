import Foundation
import Postgres
import TestSupport
import Testing

@Suite("withTransaction")
struct TransactionTests {
    struct Abandon: Error, Equatable {}

    private func database() throws -> TestDatabase {
        let database = try TestDatabase()
        try database.connection.execute(
            unsafeSQL: """
                CREATE TABLE items (name text PRIMARY KEY);
                CREATE TABLE parents (id int PRIMARY KEY);
                CREATE TABLE children (parent_id int REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);
                """)
        return database
    }

    private func names(_ db: Connection) throws -> [String] {
        try db.query("SELECT name FROM items ORDER BY name").map { try $0.decode(String.self, at: 0) }
    }

    @Test("Commits when the body returns, and returns the body's value")
    func commits() throws {
        let database = try database()
        let db = database.connection
        let count = try db.withTransaction { tx in
            try tx.query("INSERT INTO items VALUES (\("một")), (\("hai"))")
            return try tx.query("SELECT count(*) FROM items").scalar(Int.self)
        }
        #expect(count == 2)
        #expect(!db.isInTransaction)
        #expect(try names(db) == ["hai", "một"])
    }

    @Test("Rolls back on a thrown Swift error and rethrows that very error")
    func rollsBackOnSwiftError() throws {
        let database = try database()
        let db = database.connection
        #expect(throws: Abandon()) {
            try db.withTransaction { tx in
                try tx.query("INSERT INTO items VALUES (\("ba"))")
                throw Abandon()
            }
        }
        #expect(!db.isInTransaction)
        #expect(try names(db).isEmpty)
    }

    @Test("Rolls back on a server error and rethrows it with its SQLSTATE")
    func rollsBackOnServerError() throws {
        let database = try database()
        let db = database.connection
        let error = try #require(throws: PostgresError.self) {
            try db.withTransaction { tx in
                try tx.query("INSERT INTO items VALUES (\("bốn"))")
                try tx.query("INSERT INTO items VALUES (\("bốn"))")
            }
        }
        #expect(error.code == .queryFailed)
        #expect(error.isUniqueViolation)
        #expect(!db.isInTransaction)
        #expect(try names(db).isEmpty)
    }

    @Test("A nested call is a savepoint: its failure undoes only its own work")
    func nestedSavepoint() throws {
        let database = try database()
        let db = database.connection
        try db.withTransaction { outer in
            try outer.query("INSERT INTO items VALUES (\("ngoài"))")
            #expect(throws: Abandon()) {
                try outer.withTransaction { inner in
                    try inner.query("INSERT INTO items VALUES (\("trong"))")
                    throw Abandon()
                }
            }
            try outer.withTransaction { inner in
                try inner.query("INSERT INTO items VALUES (\("trong 2"))")
            }
            _ = try? outer.withTransaction { inner in
                try inner.query("INSERT INTO items VALUES (\("ngoài"))")  // unique violation inside the savepoint
            }
            try outer.query("INSERT INTO items VALUES (\("sau"))")  // the outer transaction is still usable
        }
        #expect(try names(db) == ["ngoài", "sau", "trong 2"])
    }

    @Test("The outer rollback also undoes committed savepoints")
    func outerRollbackUndoesInner() throws {
        let database = try database()
        let db = database.connection
        #expect(throws: Abandon()) {
            try db.withTransaction { outer in
                try outer.withTransaction { inner in try inner.query("INSERT INTO items VALUES (\("x"))") }
                throw Abandon()
            }
        }
        #expect(try names(db).isEmpty)
    }

    @Test("A deferred constraint failing at COMMIT is a commit failure with the server's SQLSTATE")
    func commitFailure() throws {
        let database = try database()
        let db = database.connection
        let error = try #require(throws: PostgresError.self) {
            try db.withTransaction { tx in
                try tx.query("INSERT INTO children VALUES (\(42))")
            }
        }
        #expect(error.code == .transactionCommitFailed)
        #expect(error.isForeignKeyViolation)
        #expect(!db.isInTransaction)
        #expect(try db.query("SELECT count(*) FROM children").scalar(Int.self) == 0)
    }

    @Test("A body that swallows a server error cannot commit: nothing is kept")
    func swallowedError() throws {
        let database = try database()
        let db = database.connection
        let error = try #require(throws: PostgresError.self) {
            try db.withTransaction { tx in
                try tx.query("INSERT INTO items VALUES (\("năm"))")
                _ = try? tx.query("SELECT 1/0")
            }
        }
        #expect(error.code == .transactionCommitFailed)
        #expect(!db.isInTransaction)
        #expect(try names(db).isEmpty)
    }

    @Test("BEGIN failing is a begin failure, and the body never runs")
    func beginFailure() throws {
        let database = try database()
        let db = database.connection
        _ = try? db.execute(unsafeSQL: "BEGIN; SELECT 1/0")
        #expect(db.isInTransaction)
        var ran = false
        let error = try #require(throws: PostgresError.self) {
            try db.withTransaction { _ in ran = true }
        }
        #expect(error.code == .transactionBeginFailed)
        #expect(error.sqlState == "25P02")
        #expect(!ran)
        try db.execute(unsafeSQL: "ROLLBACK")
    }

    @Test("A failed ROLLBACK is reported with the body's error underneath")
    func rollbackFailure() throws {
        let database = try database()
        let db = database.connection
        let error = try #require(throws: PostgresError.self) {
            try db.withTransaction { tx in
                _ = try? tx.query("SELECT pg_terminate_backend(pg_backend_pid())")
                throw Abandon()
            }
        }
        #expect(error.code == .transactionRollbackFailed)
        #expect(error.underlying is Abandon)
        #expect(error.isConnectionProblem)
    }

    @Test("Isolation level and read-only mode apply to the transaction", arguments: IsolationLevel.allCases)
    func isolation(_ level: IsolationLevel) throws {
        let database = try database()
        let db = database.connection
        let shown = try db.withTransaction(isolation: level, readOnly: true) { tx in
            try tx.query("SHOW transaction_isolation").scalar(String.self)
        }
        #expect(shown == level.rawValue.lowercased())
        let error = try #require(throws: PostgresError.self) {
            try db.withTransaction(readOnly: true) { tx in try tx.query("INSERT INTO items VALUES (\("y"))") }
        }
        #expect(error.sqlState == "25006")
    }
}
