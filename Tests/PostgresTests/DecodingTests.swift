import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Decoding result values")
struct DecodingTests {
    let connection: Connection

    init() throws {
        connection = try TestDatabase.serverConnection()
    }

    @Test("timestamptz decodes to the instant, whatever offset the text carries")
    func timestamptz() throws {
        let row = try connection.query(
            """
            SELECT '2024-12-15 08:30:00.123456+07'::timestamptz AS hanoi,
                   '2024-12-15 01:30:00.123456Z'::timestamptz AS utc,
                   '2024-12-15 01:30:00.123456'::timestamp AS naive
            """
        ).singleRow()
        let expected = Date(timeIntervalSince1970: 1_734_226_200.123456)
        #expect(try row.decode(Date.self, column: "hanoi") == expected)
        #expect(try row.decode(Date.self, column: "utc") == expected)
        #expect(try row.decode(Date.self, column: "naive") == expected)
        #expect(row.values[0] == "2024-12-15 01:30:00.123456+00")
    }

    @Test(
        "The timestamp parser reads every ISO form the server can produce",
        arguments: [
            ("2024-12-15 08:30:00+00", 1_734_251_400.0),
            ("2024-12-15 14:00:00+05:30", 1_734_251_400.0),
            ("2024-12-15 05:00:00-03:30", 1_734_251_400.0),
            ("2024-12-15 08:30:15-00:00:15", 1_734_251_430.0),
            ("2024-12-15T08:30:00Z", 1_734_251_400.0),
            ("2024-12-15 08:30:00.5+00", 1_734_251_400.5),
            ("2024-12-15 08:30:00.1234567+00", 1_734_251_400.123456),
            ("2024-12-15 08:30", 1_734_251_400.0),
            ("2024-12-15", 1_734_220_800.0),
            ("1969-12-31 23:59:59+00", -1.0),
            ("0001-01-01 00:00:00+00 BC", -62_167_219_200.0),
            ("12024-01-01 00:00:00+00", 317_273_587_200.0),
        ])
    func timestampParser(_ text: String, _ seconds: Double) throws {
        let date = try #require(PostgresTimestamp.date(from: text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_000_5)
    }

    @Test(
        "Texts that are not timestamps are refused",
        arguments: [
            "infinity", "-infinity", "2024-13-01", "2023-02-29", "2024-12-15 25:00", "2024-12-15 08:30:00+0",
            "15/12/2024",
            "",
        ])
    func notTimestamps(_ text: String) {
        #expect(PostgresTimestamp.date(from: text) == nil)
    }

    @Test("A date column decodes to PostgresDate, to text, and to midnight UTC")
    func dates() throws {
        let row = try connection.query("SELECT DATE '2024-02-29' AS d").singleRow()
        #expect(try row.decode(PostgresDate.self, at: 0) == PostgresDate(year: 2024, month: 2, day: 29))
        #expect(try row.decode(String.self, at: 0) == "2024-02-29")
        #expect(try row.decode(Date.self, at: 0) == Date(timeIntervalSince1970: 1_709_164_800))
    }

    @Test("PostgresDate refuses days that do not exist")
    func impossibleDates() {
        #expect(PostgresDate(year: 2023, month: 2, day: 29) == nil)
        #expect(PostgresDate(year: 2024, month: 4, day: 31) == nil)
        #expect(PostgresDate(iso: "2024-2-1") == nil)
        #expect(PostgresDate(iso: "2024-12-15")?.iso == "2024-12-15")
    }

    @Test("jsonb comes back as its JSON text for the caller to parse")
    func jsonb() throws {
        let json = #"{"năm": 2024, "đơn vị": ["Sở Tư pháp"], "xong": true}"#
        let text = try connection.query("SELECT \(PostgresBind.jsonb(json)) AS doc").scalar(String.self)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["năm"] as? Int == 2024)
        #expect(object?["đơn vị"] as? [String] == ["Sở Tư pháp"])
        #expect(try connection.query("SELECT \(json)::jsonb ->> 'năm'").scalar(String.self) == "2024")
    }

    @Test("numeric decodes to Double and to its exact text")
    func numeric() throws {
        let row = try connection.query("SELECT 12.50::numeric(6,2) AS amount").singleRow()
        #expect(try row.decode(Double.self, at: 0) == 12.5)
        #expect(try row.decode(String.self, at: 0) == "12.50")
    }

    @Test("A whole numeric (e.g. sum of bigint) decodes to Int; a fractional one does not")
    func numericIntegers() throws {
        let row = try connection.query(
            "SELECT sum(x) AS total, 2.5::numeric AS half FROM (VALUES (1::int8), (2)) v (x)"
        )
        .singleRow()
        #expect(try row.decode(Int.self, column: "total") == 3)
        #expect(throws: PostgresError.self) { try row.decode(Int.self, column: "half") }
    }

    @Test("NULL into a non-optional type is a decoding error naming the column")
    func nullIntoNonOptional() throws {
        let row = try connection.query("SELECT 1 AS id, NULL::text AS title").singleRow()
        let error = try #require(throws: PostgresError.self) { try row.decode(String.self, column: "title") }
        #expect(error.code == .decoding)
        #expect(error.column == "title")
        #expect(error.description.contains("NULL"))
        #expect(error.description.contains("\"title\""))
    }

    @Test("A value of the wrong type is a decoding error with the column's type")
    func wrongType() throws {
        let row = try connection.query("SELECT 'abc'::text AS code, 5000000000::int8 AS big").singleRow()
        let mismatch = try #require(throws: PostgresError.self) { try row.decode(Int.self, column: "code") }
        #expect(mismatch.code == .decoding)
        #expect(mismatch.dataType == "text")
        let overflow = try #require(throws: PostgresError.self) { try row.decode(Int32.self, column: "big") }
        #expect(overflow.code == .decoding)
        #expect(try row.decode(Int64.self, column: "big") == 5_000_000_000)
    }

    @Test("An unknown column name or position is a decoding error listing the columns")
    func unknownColumn() throws {
        let row = try connection.query("SELECT 1 AS id").singleRow()
        let byName = try #require(throws: PostgresError.self) { try row.decode(Int.self, column: "ma") }
        #expect(byName.message.contains("id"))
        #expect(throws: PostgresError.self) { try row.decode(Int.self, at: 3) }
    }

    @Test("scalar needs exactly one row")
    func scalarNeedsOneRow() throws {
        #expect(throws: PostgresError.self) { try connection.query("SELECT 1 WHERE false").scalar(Int.self) }
        #expect(throws: PostgresError.self) { try connection.query("SELECT generate_series(1, 2)").scalar(Int.self) }
    }

    struct Unit: PostgresRowDecodable, Equatable {
        let code: String
        let name: String
        let parent: String?

        init(code: String, name: String, parent: String?) {
            self.code = code
            self.name = name
            self.parent = parent
        }

        init(row: PostgresRow) throws(PostgresError) {
            code = try row.decode(column: "code")
            name = try row.decode(column: "name")
            parent = try row.decode(column: "parent")
        }
    }

    @Test("Rows decode into a PostgresRowDecodable type")
    func rowDecodable() throws {
        let units = try connection.query(
            """
            SELECT * FROM (VALUES ('STP', 'Sở Tư pháp', NULL), ('PBGDPL', 'Phòng Phổ biến', 'STP'))
                AS u (code, name, parent)
            """, as: Unit.self)
        #expect(
            units == [
                Unit(code: "STP", name: "Sở Tư pháp", parent: nil),
                Unit(code: "PBGDPL", name: "Phòng Phổ biến", parent: "STP"),
            ])
    }

    @Test("Command results report their tag and affected rows")
    func commandTag() throws {
        let database = try TestDatabase()
        let db = database.connection
        try db.execute(unsafeSQL: "CREATE TABLE t (n int)")
        let insert = try db.query("INSERT INTO t SELECT generate_series(1, \(3))")
        #expect(insert.commandTag == "INSERT 0 3")
        #expect(insert.affectedRows == 3)
        #expect(insert.isEmpty)
        let update = try db.query("UPDATE t SET n = n + 1 WHERE n > \(1)")
        #expect(update.affectedRows == 2)
        let create = try db.execute(unsafeSQL: "CREATE INDEX ON t (n)")
        #expect(create.affectedRows == nil)
    }
}
