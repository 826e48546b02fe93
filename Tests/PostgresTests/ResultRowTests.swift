import Postgres
import TestSupport
import Testing

/// Rows read in place with `forEachRow` (single-row mode), on the suite's connection.
extension DecodingTests {
    @Test("values read in place equal the copied rows' values, NULLs included")
    func sameAsCopiedRows() throws {
        let sql: SQL = """
            SELECT n::bigint, -n * 1000000000000 AS big, 'Dòng ' || n AS text, CASE WHEN n % 2 = 0 THEN NULL ELSE n / 4.0 END AS half,
                   CASE WHEN n % 3 = 0 THEN NULL ELSE 'ư' END AS maybe
              FROM generate_series(\(1), \(7)) AS n ORDER BY n
            """
        let copied = try connection.query(sql)
        var read: [(Int64, Int64, String, Double?, String?)] = []
        try connection.forEachRow(sql) { row in
            read.append((try row.int64(0), try row.int64(1), try row.string(2), try row.optionalDouble(3), row.optionalString(4)))
            #expect(row.isNull(4) == (row.optionalString(4) == nil))
        }
        #expect(read.count == copied.count)
        for (row, values) in zip(copied, read) {
            #expect(try row.decode(Int64.self, at: 0) == values.0)
            #expect(try row.decode(Int64.self, at: 1) == values.1)
            #expect(try row.decode(String.self, at: 2) == values.2)
            #expect(try row.decode(Double?.self, at: 3) == values.3)
            #expect(try row.decode(String?.self, at: 4) == values.4)
        }
        #expect(read.last?.1 == -7_000_000_000_000)
    }

    @Test("a NULL where a value is required, or text that is not an integer, is a decoding error naming the column")
    func decodingErrors() throws {
        let error = #expect(throws: PostgresError.self) {
            try connection.forEachRow("SELECT NULL::bigint AS missing") { row in _ = try row.int64(0) }
        }
        #expect(error?.code == .decoding)
        #expect(error?.column == "missing")
        let overflow = #expect(throws: PostgresError.self) {
            try connection.forEachRow("SELECT '9223372036854775808'::numeric AS huge") { row in _ = try row.int64(0) }
        }
        #expect(overflow?.message.contains("huge") == true)
        #expect(throws: PostgresError.self) {
            try connection.forEachRow("SELECT 'mười'::text AS word") { row in _ = try row.optionalInt64(0) }
        }
        // The smallest bigint still reads.
        var smallest: Int64?
        try connection.forEachRow("SELECT (-9223372036854775808)::bigint") { row in smallest = try row.int64(0) }
        #expect(smallest == Int64.min)
    }

    @Test("a failing statement throws the server's error and leaves the connection usable")
    func serverError() throws {
        let error = #expect(throws: PostgresError.self) {
            try connection.forEachRow("SELECT 1 / \(0)") { _ in }
        }
        #expect(error?.sqlState == "22012")
        #expect(try connection.query("SELECT 1").scalar(Int.self) == 1)
    }

    @Test("an error thrown by the caller's closure stops the reading and is passed on")
    func callerError() throws {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try connection.forEachRow("SELECT generate_series(\(1), \(10))") { _ in
                seen += 1
                if seen == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
        #expect(try connection.query("SELECT 2").scalar(Int.self) == 2)
    }

    @Test("a statement sent while rows are streaming is refused, so no row is ever dropped silently")
    func busyWhileStreaming() throws {
        // libpq answers a second statement by discarding the rows not yet read, without an error: the
        // report once lost every entry after a unit lookup made inside the loop.
        var seen: [Int] = []
        let error = #expect(throws: PostgresError.self) {
            try connection.forEachRow("SELECT generate_series(\(1), \(5)) AS n") { row in
                seen.append(Int(try row.int64(0)))
                if seen.count == 2 { _ = try connection.query("SELECT \(42)") }
            }
        }
        #expect(error?.code == .connectionBusy)
        #expect(error?.detail?.contains("generate_series") == true)
        #expect(seen == [1, 2])
        // Every other way of sending a statement is refused as well, and the rows all arrive.
        var rows = 0
        try connection.forEachRow("SELECT generate_series(\(1), \(5))") { _ in
            rows += 1
            #expect(throws: PostgresError.self) { try connection.execute(unsafeSQL: "SELECT 1") }
            #expect(throws: PostgresError.self) { try connection.withTransaction { _ in } }
            #expect(throws: PostgresError.self) { try connection.forEachRow("SELECT 1") { _ in } }
            #expect(throws: PostgresError.self) {
                try connection.copyIn(unsafeSQL: "COPY pg_temp.nothing FROM STDIN", columnCount: 1, rows: [["x"]])
            }
        }
        #expect(rows == 5)
        // Once the rows are read the connection is idle again.
        #expect(try connection.query("SELECT 3").scalar(Int.self) == 3)
    }
}
