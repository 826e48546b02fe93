import PlanCore
import Postgres

/// What a change of the registry did, for the person who asked for it.
public struct UnitChange: Sendable {
    /// The row whose validity now ends the day before the effective date, if any.
    public var closed: UnitRecord?
    /// Rows opened by the change (a successor, new units).
    public var opened: [UnitRecord]
    /// One Vietnamese sentence describing the change.
    public var summary: String
}

/// How a unit's history is kept. The effective date (ngày hiệu lực) is always the first day of the new
/// situation: the old row is valid until the day before.
///
/// - rename: the old row closes, a successor with the new name opens, linked "renamed-to";
/// - move (chuyển trực thuộc): the same, keeping the name under another parent;
/// - merge (hợp nhất, sáp nhập): the row closes, linked "merged-into" an existing unit;
/// - split (chia tách): new units open, linked "split-from" the original, which may close;
/// - retire (giải thể): the row closes.
///
/// Rows linked by "renamed-to" are one unit (`cchc_unit_chain`): assignments, staff, locks and reports
/// follow it, and documents dated before the change keep the old name.
extension Store {
    /// Đổi tên: closes the unit's row and opens a successor named `newName` from `effective`.
    public func renameUnit(
        _ id: Int64, to newName: String, abbreviation: String? = nil, effective: Day, act: String?
    ) throws -> UnitChange {
        try requireAdmin("đổi tên đơn vị")
        return try transaction("đổi tên đơn vị") { connection in
            let unit = try UnitHistory.openUnit(id, on: effective, connection)
            let name = VietnameseText.nfc(newName)
            guard !name.isEmpty else { throw StoreError.invalid("Tham số tên mới: không được để trống.") }
            guard name != unit.name || (abbreviation != nil && abbreviation != unit.abbreviation) else {
                throw StoreError.invalid("Tên mới \"\(name)\" trùng tên hiện tại của đơn vị \(unit.label).")
            }
            let successor = try UnitHistory.continueAsSuccessor(
                of: unit, name: name, parent: unit.parentID, abbreviation: abbreviation ?? unit.abbreviation,
                rowNote: nil, linkNote: nil, effective: effective, act: act, connection)
            return UnitChange(
                closed: try UnitRecord.load(unit.id, connection), opened: [try UnitRecord.load(successor, connection)!],
                summary: "Đổi tên \"\(unit.name)\" thành \"\(name)\" từ ngày \(effective.vietnamese)"
                    + (act.map { " (\($0))" } ?? "") + ".")
        }
    }

    /// Chuyển trực thuộc: the unit continues under `parent` from `effective` (a successor row, same name).
    public func moveUnit(_ id: Int64, under parent: Int64, effective: Day, act: String?) throws -> UnitChange {
        try requireAdmin("chuyển đơn vị")
        return try transaction("chuyển đơn vị") { connection in
            let unit = try UnitHistory.openUnit(id, on: effective, connection)
            let target = try UnitHistory.validUnit(parent, on: effective, connection)
            let chain = try UnitHistory.chain(unit.id, connection)
            if let current = unit.parentID, try UnitHistory.chain(current, connection).contains(target.id) {
                throw StoreError.invalid("Đơn vị \(unit.label) đã trực thuộc \(target.label).")
            }
            if try ([target.id] + UnitHistory.ancestors(of: target.id, on: effective, connection)).contains(
                where: chain.contains)
            {
                throw StoreError.invalid(
                    "Không thể chuyển \(unit.label) vào \(target.label): đơn vị đích nằm bên trong chính đơn vị này.")
            }
            let successor = try UnitHistory.continueAsSuccessor(
                of: unit, name: unit.name, parent: target.id, abbreviation: unit.abbreviation, rowNote: unit.note,
                linkNote: "Chuyển trực thuộc \(target.name)", effective: effective, act: act, connection)
            return UnitChange(
                closed: try UnitRecord.load(unit.id, connection), opened: [try UnitRecord.load(successor, connection)!],
                summary: "Chuyển \"\(unit.name)\" sang trực thuộc \"\(target.name)\" từ ngày \(effective.vietnamese)"
                    + (act.map { " (\($0))" } ?? "") + ".")
        }
    }

    /// Hợp nhất / sáp nhập: the unit ends the day before `effective` and is absorbed into `target`.
    public func mergeUnit(_ id: Int64, into target: Int64, effective: Day, act: String?) throws -> UnitChange {
        try requireAdmin("hợp nhất đơn vị")
        return try transaction("hợp nhất đơn vị") { connection in
            let unit = try UnitHistory.openUnit(id, on: effective, connection)
            let into = try UnitHistory.validUnit(target, on: effective, connection)
            guard try !UnitHistory.chain(unit.id, connection).contains(into.id) else {
                throw StoreError.invalid("Không thể hợp nhất đơn vị \(unit.label) vào chính nó.")
            }
            try UnitHistory.close(unit, before: effective, connection)
            try UnitHistory.link(
                .mergedInto, from: unit.id, to: into.id, effective: effective, act: act, note: nil, connection)
            // The staff of the absorbed body now work for the receiving one (accounts keep their logins,
            // roles and sign-in; entries they recorded keep the unit that recorded them).
            let moved = try connection.query(
                "UPDATE users SET unit_id = \(into.id) WHERE unit_id IN (SELECT cchc_unit_chain(\(unit.id))) RETURNING id"
            ).count
            return UnitChange(
                closed: try UnitRecord.load(unit.id, connection), opened: [],
                summary: "Hợp nhất \"\(unit.name)\" vào \"\(into.name)\" từ ngày \(effective.vietnamese)"
                    + (act.map { " (\($0))" } ?? "")
                    + (moved > 0 ? "; \(moved) tài khoản chuyển sang \"\(into.name)\"" : "") + ".")
        }
    }

    /// Chia tách: opens a unit per name, "split-from" the original, of its kind and under its parent unless
    /// given; the original ends the day before `effective` when `closeOriginal`.
    public func splitUnit(
        _ id: Int64, into names: [String], kind: OrgUnit.Kind? = nil, parent: Int64? = nil, effective: Day,
        act: String?, closeOriginal: Bool
    ) throws -> UnitChange {
        try requireAdmin("chia tách đơn vị")
        return try transaction("chia tách đơn vị") { connection in
            let unit = try UnitHistory.openUnit(id, on: effective, connection)
            let clean = names.map(VietnameseText.nfc).filter { !$0.isEmpty }
            guard !clean.isEmpty else { throw StoreError.invalid("Tham số --into: cần ít nhất một tên đơn vị mới.") }
            if let parent { _ = try UnitHistory.validUnit(parent, on: effective, connection) }
            if closeOriginal { try UnitHistory.close(unit, before: effective, connection) }
            var opened: [UnitRecord] = []
            for name in clean {
                let new = try UnitHistory.insertRow(
                    connection, name: name, kind: kind ?? unit.kind, parent: parent ?? unit.parentID, abbreviation: nil,
                    place: unit.place, validFrom: effective, validTo: nil, note: nil)
                try UnitHistory.link(
                    .splitFrom, from: unit.id, to: new, effective: effective, act: act, note: nil, connection)
                opened.append(try UnitRecord.load(new, connection)!)
            }
            return UnitChange(
                closed: closeOriginal ? try UnitRecord.load(unit.id, connection) : nil, opened: opened,
                summary:
                    "Chia tách \"\(unit.name)\" thành \(clean.map { "\"\($0)\"" }.joined(separator: ", ")) từ ngày "
                    + "\(effective.vietnamese)" + (act.map { " (\($0))" } ?? "")
                    + (closeOriginal ? "; đơn vị gốc chấm dứt." : "; đơn vị gốc vẫn tiếp tục."))
        }
    }

    /// Giải thể: the unit ends the day before `effective`.
    public func retireUnit(_ id: Int64, effective: Day, act: String?) throws -> UnitChange {
        try requireAdmin("giải thể đơn vị")
        return try transaction("giải thể đơn vị") { connection in
            let unit = try UnitHistory.openUnit(id, on: effective, connection)
            try UnitHistory.close(unit, before: effective, connection)
            let note = "Chấm dứt hoạt động từ \(effective.vietnamese)" + (act.map { " theo \($0)" } ?? "")
            try connection.query(
                "UPDATE units SET note = concat_ws('; ', note, \(note)::text) WHERE id = \(unit.id)")
            return UnitChange(
                closed: try UnitRecord.load(unit.id, connection), opened: [],
                summary: "Giải thể \"\(unit.name)\" từ ngày \(effective.vietnamese)" + (act.map { " (\($0))" } ?? "")
                    + ".")
        }
    }
}

/// The steps shared by the history operations, on a connection inside a transaction.
enum UnitHistory {
    /// The unit row, which must be valid the day before `effective` and still on it.
    static func openUnit(_ id: Int64, on effective: Day, _ connection: Connection) throws -> UnitRecord {
        guard let unit = try UnitRecord.load(id, connection) else {
            throw StoreError.notFound(what: "đơn vị", reference: "#\(id)")
        }
        if let end = unit.validTo, end < effective {
            throw StoreError.invalid(
                "Đơn vị \(unit.label) đã hết hiệu lực từ \(end.adding(days: 1).vietnamese), trước ngày hiệu lực \(effective.vietnamese)."
            )
        }
        if let start = unit.validFrom, start >= effective {
            throw StoreError.invalid(
                "Ngày hiệu lực \(effective.vietnamese) phải sau ngày đơn vị \(unit.label) bắt đầu hiệu lực (\(start.vietnamese))."
            )
        }
        return unit
    }

    /// The unit row, which must be valid on `day` (a unit receiving others, a new parent).
    static func validUnit(_ id: Int64, on day: Day, _ connection: Connection) throws -> UnitRecord {
        guard let unit = try UnitRecord.load(id, connection) else {
            throw StoreError.notFound(what: "đơn vị", reference: "#\(id)")
        }
        guard unit.isValid(on: day) else {
            throw StoreError.invalid("Đơn vị \(unit.label) không còn hiệu lực vào ngày \(day.vietnamese).")
        }
        return unit
    }

    /// Rename and move: the unit's row closes the day before `effective` and a successor row opens, linked
    /// "renamed-to" (one unit across both rows); staff accounts follow to the successor.
    static func continueAsSuccessor(
        of unit: UnitRecord, name: String, parent: Int64?, abbreviation: String?, rowNote: String?,
        linkNote: String?, effective: Day, act: String?, _ connection: Connection
    ) throws -> Int64 {
        try close(unit, before: effective, connection)
        let successor = try insertRow(
            connection, name: name, kind: unit.kind, parent: parent, abbreviation: abbreviation, place: unit.place,
            validFrom: effective, validTo: unit.validTo, note: rowNote)
        try link(.renamedTo, from: unit.id, to: successor, effective: effective, act: act, note: linkNote, connection)
        try connection.query("UPDATE users SET unit_id = \(successor) WHERE unit_id = \(unit.id)")
        return successor
    }

    static func close(_ unit: UnitRecord, before effective: Day, _ connection: Connection) throws {
        try connection.query("UPDATE units SET valid_to = \(effective.previous.iso)::date WHERE id = \(unit.id)")
    }

    static func link(
        _ kind: UnitLineageEvent.Kind, from: Int64, to: Int64, effective: Day, act: String?, note: String?,
        _ connection: Connection
    ) throws {
        try connection.query(
            """
            INSERT INTO unit_lineage (kind, from_unit_id, to_unit_id, effective, legal_act, note)
            VALUES (\(kind.rawValue), \(from), \(to), \(effective.iso)::date, \(act.map(VietnameseText.nfc)), \(note))
            """)
    }

    /// Inserts a row; a name taken under the same parent over an overlapping time is a clear refusal.
    static func insertRow(
        _ connection: Connection, name: String, kind: OrgUnit.Kind, parent: Int64?, abbreviation: String?,
        place: String?, validFrom: Day?, validTo: Day?, note: String?
    ) throws -> Int64 {
        do {
            return try connection.query(
                """
                INSERT INTO units (name, name_key, abbreviation, kind, parent_id, place, valid_from, valid_to, note)
                VALUES (\(name), \(VietnameseText.foldedKey(name)), \(abbreviation.map(VietnameseText.nfc)),
                        \(kind.rawValue), \(parent), \(place), \(validFrom?.iso)::date, \(validTo?.iso)::date, \(note))
                RETURNING id
                """
            ).scalar(Int64.self)
        } catch {
            guard error.sqlState == "23P01" else { throw error }
            throw nameTaken(name, parent: parent, connection)
        }
    }

    /// The refusal of a name already used under the same parent over an overlapping time.
    static func nameTaken(_ name: String, parent: Int64?, _ connection: Connection) -> StoreError {
        let parentName = parent.flatMap { try? UnitRecord.load($0, connection)?.name }
        return StoreError.invalid(
            "Đã có đơn vị \"\(name)\"" + (parentName.map { " thuộc \($0)" } ?? " ở cấp cao nhất")
                + " trong cùng thời gian hiệu lực.")
    }

    /// Every row of the unit (renames and moves).
    static func chain(_ id: Int64, _ connection: Connection) throws -> Set<Int64> {
        Set(
            try connection.query("SELECT cchc_unit_chain(\(id))").map { row throws(PostgresError) in
                try row.decode(Int64.self, at: 0)
            })
    }

    /// The rows above `id` on `day` (each parent's version valid that day), nearest first.
    static func ancestors(of id: Int64, on day: Day, _ connection: Connection) throws -> [Int64] {
        var out: [Int64] = []
        var current = id
        while let parent = try connection.query(
            "SELECT cchc_unit_on(parent_id, \(day.iso)::date) FROM units WHERE id = \(current) AND parent_id IS NOT NULL"
        ).first.map({ row throws(PostgresError) in try row.decode(Int64.self, at: 0) }), !out.contains(parent) {
            out.append(parent)
            current = parent
        }
        return out
    }
}
