import Foundation
import Postgres
import TestSupport
import Testing

/// Every supported Swift type goes to the server as a `$1` bind and comes back unchanged, NULL included.
@Suite("Binding round trips")
struct BindingRoundTripTests {
    let connection: Connection

    init() throws {
        connection = try TestDatabase.serverConnection()
    }

    private func roundTrip<T: PostgresBindable & PostgresDecodable>(_ value: T) throws -> T {
        try connection.query("SELECT \(value) AS value").scalar(T.self)
    }

    @Test(
        "Strings, including empty, quotes, backslashes and emoji",
        arguments: [
            "", "plain", "it's \"quoted\"", "back\\slash", "tab\tnew\nline\rcr", "Đề án 06 — 🇻🇳", " padded  ",
        ])
    func strings(_ value: String) throws {
        #expect(try roundTrip(value) == value)
    }

    @Test("Int at its limits", arguments: [0, 1, -1, Int.max, Int.min, 2024])
    func ints(_ value: Int) throws {
        #expect(try roundTrip(value) == value)
    }

    @Test("Int32 and Int64 at their limits")
    func fixedWidthInts() throws {
        for value in [Int32.min, -1, 0, Int32.max] { #expect(try roundTrip(value) == value) }
        for value in [Int64.min, 0, Int64.max] { #expect(try roundTrip(value) == value) }
    }

    @Test(
        "Doubles, including infinities and the smallest subnormal",
        arguments: [
            0.0, -0.0, 0.1, -2.5e-300, 1.7976931348623157e308, Double.leastNonzeroMagnitude, Double.infinity,
            -Double.infinity, 3.141592653589793,
        ])
    func doubles(_ value: Double) throws {
        let back = try roundTrip(value)
        #expect(back == value)
        #expect(back.sign == value.sign)
    }

    @Test("NaN comes back as NaN")
    func nan() throws {
        #expect(try roundTrip(Double.nan).isNaN)
    }

    @Test("Bools", arguments: [true, false])
    func bools(_ value: Bool) throws {
        #expect(try roundTrip(value) == value)
    }

    @Test(
        "Dates at microsecond precision, before and after 1970",
        arguments: [
            0, 1_734_251_400.123456, -86_400.5, 978_307_200, 4_102_444_799.999999, -2_208_988_800,
        ])
    func dates(_ secondsSince1970: Double) throws {
        let date = Date(timeIntervalSince1970: secondsSince1970)
        let back = try roundTrip(date)
        #expect(abs(back.timeIntervalSince(date)) < 0.000_000_5)
    }

    @Test("Dates before the common era and at the far end of the calendar")
    func extremeDates() throws {
        for date in [Date.distantPast, Date.distantFuture] {
            #expect(abs(try roundTrip(date).timeIntervalSince(date)) < 0.001)
        }
    }

    @Test("PostgresDate, including a leap day")
    func calendarDates() throws {
        for date in [PostgresDate(year: 2024, month: 2, day: 29)!, PostgresDate(year: 1, month: 1, day: 1)!] {
            #expect(try roundTrip(date) == date)
        }
    }

    @Test("Data with every byte value, and empty")
    func bytes() throws {
        let all = Data((0...255).map { UInt8($0) })
        #expect(try roundTrip(all) == all)
        #expect(try roundTrip(Data()) == Data())
    }

    @Test(
        "Text arrays with characters that need quoting, and NULL elements",
        arguments: [
            [], [""], ["a", "b"], ["NULL", "null"], ["comma,", "{brace}", "\"quote\"", "back\\slash", " space "],
            ["Sở Tư pháp", "Ủy ban nhân dân tỉnh"],
        ] as [[String]])
    func textArrays(_ value: [String]) throws {
        #expect(try roundTrip(value) == value)
    }

    @Test("UUIDs")
    func uuids() throws {
        let uuid = UUID()
        #expect(try roundTrip(uuid) == uuid)
        #expect(try connection.query("SELECT gen_random_uuid()").scalar(UUID.self).uuidString.count == 36)
    }

    @Test("Text arrays with NULL elements need [String?]")
    func textArraysWithNull() throws {
        let value: [String?] = ["a", nil, "NULL", nil]
        #expect(try roundTrip(value) == value)
        let error = try #require(throws: PostgresError.self) {
            try connection.query("SELECT \(value) AS value").scalar([String].self)
        }
        #expect(error.code == .decoding)
    }

    @Test("NULL of every type decodes as nil into an optional")
    func nulls() throws {
        let row = try connection.query(
            """
            SELECT \(String?.none) AS s, \(Int?.none) AS i, \(Int32?.none) AS i32, \(Int64?.none) AS i64,
                   \(Double?.none) AS d, \(Bool?.none) AS b, \(Date?.none) AS t, \(PostgresDate?.none) AS day,
                   \(Data?.none) AS bytes, \([String]?.none) AS list, \(UUID?.none) AS id
            """
        ).singleRow()
        #expect(row.values.allSatisfy { $0 == nil })
        #expect(try row.decode(String?.self, column: "s") == nil)
        #expect(try row.decode(Int?.self, column: "i") == nil)
        #expect(try row.decode(Int32?.self, column: "i32") == nil)
        #expect(try row.decode(Int64?.self, column: "i64") == nil)
        #expect(try row.decode(Double?.self, column: "d") == nil)
        #expect(try row.decode(Bool?.self, column: "b") == nil)
        #expect(try row.decode(Date?.self, column: "t") == nil)
        #expect(try row.decode(PostgresDate?.self, column: "day") == nil)
        #expect(try row.decode(Data?.self, column: "bytes") == nil)
        #expect(try row.decode([String]?.self, column: "list") == nil)
        #expect(try row.decode(UUID?.self, column: "id") == nil)
    }

    @Test("Optionals holding a value bind that value")
    func someOptionals() throws {
        let number: Int? = 42
        let text: String? = "bốn mươi hai"
        let row = try connection.query("SELECT \(number) AS n, \(text) AS t").singleRow()
        #expect(try row.decode(Int?.self, column: "n") == 42)
        #expect(try row.decode(String.self, column: "t") == "bốn mươi hai")
    }

    @Test("Binds declare their types to the server")
    func declaredTypes() throws {
        let row = try connection.query(
            """
            SELECT pg_typeof(\(1))::text, pg_typeof(\(Int32(1)))::text, pg_typeof(\(1.5))::text,
                   pg_typeof(\(true))::text, pg_typeof(\(Date()))::text, pg_typeof(\(Data([1])))::text,
                   pg_typeof(\(["a"]))::text, pg_typeof(\(PostgresDate(year: 2024, month: 1, day: 1)!))::text,
                   pg_typeof(\(PostgresBind.jsonb("{}")))::text, pg_typeof(\(UUID()))::text
            """
        ).singleRow()
        #expect(
            row.values == [
                "bigint", "integer", "double precision", "boolean", "timestamp with time zone", "bytea", "text[]",
                "date", "jsonb", "uuid",
            ])
    }

    @Test("query(text, binds) numbers its own placeholders")
    func explicitPlaceholders() throws {
        let row = try connection.query("SELECT $2::text AS b, $1::int8 AS a, $3::text AS c", [7, "bảy", nil])
            .singleRow()
        #expect(try row.decode(Int.self, column: "a") == 7)
        #expect(try row.decode(String.self, column: "b") == "bảy")
        #expect(try row.decode(String?.self, column: "c") == nil)
    }

    @Test("A string containing NUL is refused before it is sent (libpq would truncate it)")
    func nulIsRefused() throws {
        let error = try #require(throws: PostgresError.self) {
            try connection.query("SELECT \("a\u{0}b")")
        }
        #expect(error.code == .invalidBind)
        #expect(error.message.contains("$1"))
    }
}
