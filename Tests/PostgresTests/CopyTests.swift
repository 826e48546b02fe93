import Foundation
import Postgres
import TestSupport
import Testing

@Suite("COPY FROM STDIN")
struct CopyTests {
    /// Row `i` of the bulk load: awkward characters, NULLs every seventh row, Vietnamese text.
    static func row(_ i: Int) -> [String?] {
        let awkward = ["tab\there", "line\nbreak", "cr\rreturn", "back\\slash", "\\N", "\\.", "", "Sở Tư pháp\t\n\\"]
        return [String(i), awkward[i % awkward.count] + " #\(i)", i % 7 == 0 ? nil : "ghi chú \(i)"]
    }

    @Test("10,000 rows with tabs, newlines, backslashes and NULLs arrive exactly")
    func bulkLoad() throws {
        let database = try TestDatabase()
        let db = database.connection
        try db.execute(unsafeSQL: "CREATE TABLE bulk (n int PRIMARY KEY, body text NOT NULL, note text)")
        let count = try db.copyIn(table: "bulk", columns: ["n", "body", "note"], rows: (0..<10_000).lazy.map(Self.row))
        #expect(count == 10_000)
        let rows = try db.query("SELECT n, body, note FROM bulk ORDER BY n")
        #expect(rows.count == 10_000)
        var mismatches = 0
        for row in rows {
            let n = try row.decode(Int.self, column: "n")
            let expected = Self.row(n)
            let body = try row.decode(String.self, column: "body")
            let note = try row.decode(String?.self, column: "note")
            if Array(body.utf8) != Array(expected[1]!.utf8) || note != expected[2] { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(try db.query("SELECT count(*) FROM bulk WHERE note IS NULL").scalar(Int.self) == 1_429)
    }

    @Test("Odd table and column names are quoted, and a schema can be named")
    func quotedNames() throws {
        let database = try TestDatabase()
        let db = database.connection
        try db.execute(unsafeSQL: #"CREATE SCHEMA "kế hoạch"; CREATE TABLE "kế hoạch"."bảng ""x""" ("cột; 1" text)"#)
        let count = try db.copyIn(table: "bảng \"x\"", schema: "kế hoạch", columns: ["cột; 1"], rows: [["một"], [nil]])
        #expect(count == 2)
        #expect(try db.query(#"SELECT count("cột; 1") FROM "kế hoạch"."bảng ""x""""#).scalar(Int.self) == 1)
    }

    @Test("A row of the wrong width aborts the whole COPY and the connection stays usable")
    func wrongWidth() throws {
        let database = try TestDatabase()
        let db = database.connection
        try db.execute(unsafeSQL: "CREATE TABLE pairs (a text, b text)")
        let rows: [[String?]] = [["1", "2"], ["3"], ["5", "6"]]
        let error = try #require(throws: PostgresError.self) {
            try db.copyIn(table: "pairs", columns: ["a", "b"], rows: rows)
        }
        #expect(error.code == .copyFailed)
        #expect(error.message.contains("Dòng 2"))
        #expect(try db.query("SELECT count(*) FROM pairs").scalar(Int.self) == 0)
    }

    @Test("A value containing NUL aborts the COPY")
    func nul() throws {
        let database = try TestDatabase()
        let db = database.connection
        try db.execute(unsafeSQL: "CREATE TABLE one (a text)")
        let error = try #require(throws: PostgresError.self) {
            try db.copyIn(table: "one", columns: ["a"], rows: [["ok"], ["a\u{0}b"]])
        }
        #expect(error.code == .copyFailed)
        #expect(try db.query("SELECT count(*) FROM one").scalar(Int.self) == 0)
    }

    @Test("Data the server rejects fails with its SQLSTATE and the line in context")
    func serverRejects() throws {
        let database = try TestDatabase()
        let db = database.connection
        try db.execute(unsafeSQL: "CREATE TABLE numbers (n int)")
        let rows = (1...20_000).map { [$0 == 15_000 ? "mười" : String($0)] as [String?] }
        let error = try #require(throws: PostgresError.self) {
            try db.copyIn(table: "numbers", columns: ["n"], rows: rows)
        }
        #expect(error.code == .copyFailed)
        #expect(error.sqlState == "22P02")
        #expect(error.context?.contains("line 15000") == true)
        #expect(try db.query("SELECT count(*) FROM numbers").scalar(Int.self) == 0)
    }

    @Test("COPY inside a transaction rolls back with it")
    func insideTransaction() throws {
        let database = try TestDatabase()
        let db = database.connection
        try db.execute(unsafeSQL: "CREATE TABLE one (a text)")
        struct Abandon: Error {}
        #expect(throws: Abandon.self) {
            try db.withTransaction { tx in
                try tx.copyIn(table: "one", columns: ["a"], rows: [["x"], ["y"]])
                throw Abandon()
            }
        }
        #expect(try db.query("SELECT count(*) FROM one").scalar(Int.self) == 0)
    }

    @Test("A COPY statement through query is refused and leaves the connection idle")
    func copyThroughQuery() throws {
        let database = try TestDatabase()
        let db = database.connection
        try db.execute(unsafeSQL: "CREATE TABLE one (a text)")
        for statement in ["COPY one FROM STDIN", "COPY one TO STDOUT"] {
            let error = try #require(throws: PostgresError.self) { try db.execute(unsafeSQL: statement) }
            #expect(error.message.contains("copyIn"))
            #expect(try db.query("SELECT 1").scalar(Int.self) == 1)
        }
    }
}
