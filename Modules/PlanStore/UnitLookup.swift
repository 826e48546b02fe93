import Foundation
import PlanCore
import Postgres

extension Store {
    /// Finds a unit by "#12" / "12", or by its name or an alias (any case, NFC or NFD, any tone placement).
    /// When several rows carry the name, the one valid on `day` (today when nil) wins; several valid ones
    /// are ambiguous and listed so the person can pick an id, or name the unit above it:
    /// "Sở Tư pháp > Văn phòng Sở".
    public func findUnit(_ reference: String, on day: Day? = nil) throws -> UnitRecord {
        try transaction("tra cứu đơn vị") { connection in
            try UnitLookup(connection: connection).find(reference, on: day ?? Store.today)
        }
    }

    /// Today in Việt Nam (UTC+7), the default day of every date-dependent question.
    public static var today: Day {
        let now = Date().addingTimeInterval(7 * 3600)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(parts.year!, parts.month!, parts.day!)!
    }
}

/// Unit references inside a transaction.
struct UnitLookup {
    let connection: Connection

    func find(_ reference: String, on day: Day) throws -> UnitRecord {
        let text = VietnameseText.nfc(reference)
        guard !text.isEmpty else { throw StoreError.notFound(what: "đơn vị", reference: reference) }
        let idText = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if let id = Int64(idText) {
            guard let unit = try UnitRecord.load(id, connection) else {
                throw StoreError.notFound(what: "đơn vị", reference: reference)
            }
            return unit
        }
        // "Parent > Child": the child among the units under any row of the parent's chain.
        var parentChain: [Int64]?
        var name = text
        if let separator = text.range(of: " > ", options: .backwards) {
            let parent = try find(String(text[..<separator.lowerBound]), on: day)
            parentChain = try connection.query("SELECT cchc_unit_chain(\(parent.id))").map { try $0.decode(Int64.self, at: 0) }
            name = String(text[separator.upperBound...])
        }
        let key = VietnameseText.foldedKey(UnitNaming.withoutAside(name))
        let rows = try connection.query(
            """
            SELECT \(unsafeRaw: UnitRecord.columns) FROM \(unsafeRaw: UnitRecord.from)
             WHERE (u.name_key = \(key)
                    OR u.id IN (SELECT unit_id FROM unit_aliases WHERE alias_key = \(key)))
               AND (\(parentChain.map { $0.map(String.init) })::bigint[] IS NULL
                    OR u.parent_id = ANY(\(parentChain.map { $0.map(String.init) })::bigint[]))
             ORDER BY u.id
            """
        ).map { row throws(PostgresError) in try UnitRecord(row: row) }
        guard !rows.isEmpty else {
            throw StoreError.notFound(what: "đơn vị", reference: reference, suggestions: try suggestions(name, under: parentChain))
        }
        if rows.count == 1 { return rows[0] }
        let valid = rows.filter { $0.isValid(on: day) }
        if valid.count == 1 { return valid[0] }
        // Rows of one unit's history (a renamed unit under its old and new name): the latest.
        let chains = try Set(rows.map { try chainRoot($0.id) })
        if chains.count == 1,
            let latest = rows.max(by: { ($0.validFrom ?? Day(1, 1, 1)!) < ($1.validFrom ?? Day(1, 1, 1)!) })
        {
            return latest
        }
        throw StoreError.ambiguous(
            what: "đơn vị", reference: reference, candidates: (valid.isEmpty ? rows : valid).map(\.label))
    }

    /// Names of units (under the parent's chain when given) close to one that matched nothing.
    func suggestions(_ name: String, under parentChain: [Int64]?) throws -> [String] {
        let names = try connection.query(
            """
            SELECT u.name FROM units u
             WHERE \(parentChain.map { $0.map(String.init) })::bigint[] IS NULL
                OR u.parent_id = ANY(\(parentChain.map { $0.map(String.init) })::bigint[])
             ORDER BY u.id
            """
        ).map { try $0.decode(String.self, at: 0) }
        return NearestNames.suggest(UnitNaming.withoutAside(name), among: names)
    }

    /// The smallest id of the unit's chain: one identity for all its rows.
    func chainRoot(_ id: Int64) throws -> Int64 {
        try connection.query("SELECT min(c) FROM cchc_unit_chain(\(id)) AS c").scalar(Int64.self)
    }

    /// The row of the unit's chain valid on `day` (the unit itself when none is).
    func version(of id: Int64, on day: Day) throws -> Int64 {
        try connection.query("SELECT cchc_unit_on(\(id), \(day.iso)::date)").scalar(Int64.self)
    }
}
