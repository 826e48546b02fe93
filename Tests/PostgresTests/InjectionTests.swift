import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Hostile input is data")
struct InjectionTests {
    static let hostile = [
        "'); DROP TABLE plans; --",
        "Robert'); DROP TABLE plans;--",
        "$1",
        "\\'; SELECT pg_sleep(10); --",
        "$$ ; DROP TABLE plans; $$",
    ]

    @Test("A hostile string is stored and read verbatim, and the table survives", arguments: hostile)
    func storedVerbatim(_ text: String) throws {
        let database = try TestDatabase()
        let db = database.connection
        try db.execute(unsafeSQL: "CREATE TABLE plans (id serial PRIMARY KEY, title text NOT NULL)")
        try db.query("INSERT INTO plans (title) VALUES (\(text))")
        try db.query("INSERT INTO plans (title) VALUES ($1)", [text])
        let titles = try db.query("SELECT title FROM plans ORDER BY id").map { try $0.decode(String.self, at: 0) }
        #expect(titles == [text, text])
        #expect(try db.query("SELECT count(*) FROM plans WHERE title = \(text)").scalar(Int.self) == 2)
    }

    @Test("A hostile string inside a composed filter is still a parameter")
    func composedFilter() throws {
        let database = try TestDatabase()
        let db = database.connection
        try db.execute(unsafeSQL: "CREATE TABLE plans (id serial PRIMARY KEY, title text NOT NULL)")
        try db.query("INSERT INTO plans (title) VALUES (\("a")), (\(Self.hostile[0]))")
        let filters: [SQL] = ["title <> \("a")", "title = \(Self.hostile[0])"]
        let count = try db.query("SELECT count(*) FROM plans WHERE \(filters.joined(separator: " AND "))").scalar(
            Int.self)
        #expect(count == 1)
    }
}
