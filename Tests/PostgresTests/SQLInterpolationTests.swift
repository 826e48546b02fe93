import Foundation
import Postgres
import Testing

@Suite("SQL interpolation")
struct SQLInterpolationTests {
    @Test("Interpolated values become numbered placeholders, never text")
    func placeholders() {
        let code = "'); DROP TABLE plans; --"
        let year = 2024
        let sql: SQL = "SELECT id FROM units WHERE code = \(code) AND year = \(year)"
        #expect(sql.text == "SELECT id FROM units WHERE code = $1 AND year = $2")
        #expect(sql.binds == [PostgresBind(type: .unspecified, text: code), PostgresBind(type: .int8, text: "2024")])
    }

    @Test("nil becomes a NULL bind")
    func nilBind() {
        let missing: Int? = nil
        let sql: SQL = "UPDATE t SET n = \(missing)"
        #expect(sql.text == "UPDATE t SET n = $1")
        #expect(sql.binds == [.null])
    }

    @Test("Raw text needs the unsafeRaw label and adds no bind")
    func unsafeRaw() {
        let sql: SQL = "SELECT * FROM \(unsafeRaw: "\"plans\"") WHERE id = \(5)"
        #expect(sql.text == "SELECT * FROM \"plans\" WHERE id = $1")
        #expect(sql.binds.count == 1)
    }

    @Test("A literal without interpolations has no binds")
    func literal() {
        let sql: SQL = "SELECT 1"
        #expect(sql.text == "SELECT 1")
        #expect(sql.binds.isEmpty)
    }

    @Test("Fragments compose and are numbered in the final statement")
    func composition() {
        let conditions: [SQL] = ["year = \(2024)", "code = \("STP")", "deleted_at IS NULL"]
        let filter = conditions.joined(separator: " AND ")
        var sql: SQL = "SELECT id FROM units WHERE \(filter) AND parent = \("STP")"
        sql.append(" LIMIT \(10)")
        #expect(
            sql.text
                == "SELECT id FROM units WHERE year = $1 AND code = $2 AND deleted_at IS NULL AND parent = $3 LIMIT $4")
        #expect(sql.binds.map(\.text) == ["2024", "STP", "STP", "10"])
        #expect(("a = \(1)" + " OR b = \(2)" as SQL).text == "a = $1 OR b = $2")
    }

    @Test("Joining no fragments gives an empty statement")
    func emptyJoin() {
        let none: [SQL] = []
        #expect(none.joined(separator: ", ").text.isEmpty)
    }
}
