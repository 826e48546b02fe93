import Foundation
import Postgres
import TestSupport
import Testing

@Suite("Vietnamese text")
struct VietnameseTextTests {
    static let nfc = "Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024 của Sở Tư pháp tỉnh Đồng Tháp"

    @Test(
        "Text comes back byte for byte, in NFC and in NFD alike",
        arguments: [nfc, nfc.decomposedStringWithCanonicalMapping, "Ủy ban nhân dân — Ưu tiên; đường; ĐẠI HỘI"])
    func byteExact(_ text: String) throws {
        let database = try TestDatabase()
        let db = database.connection
        try db.execute(unsafeSQL: "CREATE TABLE notes (body text NOT NULL)")
        try db.query("INSERT INTO notes (body) VALUES (\(text))")
        let row = try db.query("SELECT body, octet_length(body) AS bytes FROM notes").singleRow()
        let back = try row.decode(String.self, column: "body")
        #expect(Array(back.utf8) == Array(text.utf8))
        #expect(try row.decode(Int.self, column: "bytes") == text.utf8.count)
    }

    @Test("NFC and NFD spellings are different bytes to the server")
    func serverComparesBytes() throws {
        let db = try TestDatabase.serverConnection()
        let nfd = Self.nfc.decomposedStringWithCanonicalMapping
        #expect(Self.nfc == nfd)  // Swift compares canonically…
        #expect(try db.query("SELECT \(Self.nfc) = \(nfd)").scalar(Bool.self) == false)  // …PostgreSQL does not.
        #expect(try db.query("SELECT normalize(\(nfd)::text, NFC) = \(Self.nfc)").scalar(Bool.self))
    }
}
