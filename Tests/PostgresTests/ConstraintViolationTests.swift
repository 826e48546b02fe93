import Foundation
import Postgres
import TestSupport
import Testing

/// The server's diagnostic fields reach the caller, so the store can say which rule a change broke.
@Suite("Constraint violations carry the server's fields")
struct ConstraintViolationTests {
    private func schema() throws -> TestDatabase {
        let database = try TestDatabase()
        try database.connection.execute(
            unsafeSQL: """
                CREATE TABLE units (
                    id serial PRIMARY KEY,
                    code text NOT NULL CONSTRAINT units_code_key UNIQUE,
                    year int NOT NULL CONSTRAINT units_year_check CHECK (year BETWEEN 2000 AND 2100));
                CREATE TABLE activities (
                    id serial PRIMARY KEY,
                    unit_id int NOT NULL CONSTRAINT activities_unit_fkey REFERENCES units (id));
                CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'Kế hoạch đã khóa' USING DETAIL = 'năm 2024', HINT = 'mở khóa trước'; END $$;
                CREATE TABLE locked (id int);
                CREATE TRIGGER locked_refuse BEFORE INSERT ON locked FOR EACH ROW EXECUTE FUNCTION refuse();
                INSERT INTO units (code, year) VALUES ('STP', 2024);
                """)
        return database
    }

    @Test("Unique violation: 23505, constraint, table and the duplicated key")
    func unique() throws {
        let database = try schema()
        let error = try #require(throws: PostgresError.self) {
            try database.connection.query("INSERT INTO units (code, year) VALUES (\("STP"), \(2024))")
        }
        #expect(error.code == .queryFailed)
        #expect(error.isUniqueViolation)
        #expect(error.sqlState == "23505")
        #expect(error.constraint == "units_code_key")
        #expect(error.table == "units")
        #expect(error.schema == "public")
        #expect(error.detail == "Key (code)=(STP) already exists.")
        #expect(error.severity == "ERROR")
        #expect(error.description.contains("[SQLSTATE 23505]"))
        #expect(error.description.contains("Chi tiết: Key (code)=(STP) already exists."))
        #expect(error.description.contains("ràng buộc units_code_key"))
    }

    @Test("Foreign key violation: 23503 with the missing key")
    func foreignKey() throws {
        let database = try schema()
        let error = try #require(throws: PostgresError.self) {
            try database.connection.query("INSERT INTO activities (unit_id) VALUES (\(999))")
        }
        #expect(error.isForeignKeyViolation)
        #expect(error.constraint == "activities_unit_fkey")
        #expect(error.table == "activities")
        #expect(error.detail == "Key (unit_id)=(999) is not present in table \"units\".")
    }

    @Test("Check violation: 23514 naming the check")
    func check() throws {
        let database = try schema()
        let error = try #require(throws: PostgresError.self) {
            try database.connection.query("INSERT INTO units (code, year) VALUES (\("X"), \(1990))")
        }
        #expect(error.isCheckViolation)
        #expect(error.constraint == "units_year_check")
        #expect(error.detail?.contains("1990") == true)
    }

    @Test("Not-null violation: 23502 naming the column")
    func notNull() throws {
        let database = try schema()
        let error = try #require(throws: PostgresError.self) {
            try database.connection.query("INSERT INTO units (code, year) VALUES (\(String?.none), \(2024))")
        }
        #expect(error.isNotNullViolation)
        #expect(error.column == "code")
        #expect(error.table == "units")
    }

    @Test("An exception raised by a trigger: P0001 with its message, detail and hint")
    func raisedByTrigger() throws {
        let database = try schema()
        let error = try #require(throws: PostgresError.self) {
            try database.connection.query("INSERT INTO locked VALUES (1)")
        }
        #expect(error.isRaisedException)
        #expect(error.message == "Kế hoạch đã khóa")
        #expect(error.detail == "năm 2024")
        #expect(error.hint == "mở khóa trước")
        #expect(error.context?.contains("refuse") == true)
    }

    @Test("A syntax error reports where in the statement it is")
    func syntaxPosition() throws {
        let database = try schema()
        let error = try #require(throws: PostgresError.self) {
            try database.connection.query("SELECT id FROM units WHER id = 1")
        }
        #expect(error.sqlState == "42601")
        #expect(error.position == 27)
        #expect(error.description.contains("vị trí ký tự 27"))
    }

    @Test("A missing table is recognisable (schema not migrated)")
    func undefinedTable() throws {
        let database = try schema()
        let error = try #require(throws: PostgresError.self) {
            try database.connection.query("SELECT * FROM plans")
        }
        #expect(error.isUndefinedTable)
    }

    @Test("Insufficient privilege: 42501")
    func privilege() throws {
        let database = try schema()
        let db = database.connection
        let role = "cchc_reader_" + database.name.suffix(8)
        try db.execute(unsafeSQL: "CREATE ROLE \(try db.quoteIdentifier(role))")
        defer { _ = try? db.execute(unsafeSQL: "RESET ROLE; DROP ROLE \(role)") }
        try db.execute(unsafeSQL: "SET ROLE \(try db.quoteIdentifier(role))")
        let error = try #require(throws: PostgresError.self) { try db.query("SELECT * FROM units") }
        #expect(error.isInsufficientPrivilege)
    }

    @Test("After a failed statement the connection keeps working")
    func connectionSurvives() throws {
        let database = try schema()
        _ = try? database.connection.query("INSERT INTO units (code, year) VALUES (\("STP"), \(2024))")
        #expect(try database.connection.query("SELECT count(*) FROM units").scalar(Int.self) == 1)
    }
}
