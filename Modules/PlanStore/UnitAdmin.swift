import PlanCore
import Postgres

/// A new unit as the administrator describes it.
public struct NewUnit: Sendable {
    public var name: String
    public var kind: OrgUnit.Kind
    public var parentID: Int64?
    public var abbreviation: String?
    public var place: String?
    /// Ngày hiệu lực: the first day the unit exists; nil when it always has (for the registry).
    public var effective: Day?
    /// The legal act that established it ("Quyết định 12/QĐ-UBND"), kept in the unit's note.
    public var act: String?

    public init(
        name: String, kind: OrgUnit.Kind, parentID: Int64? = nil, abbreviation: String? = nil, place: String? = nil,
        effective: Day? = nil, act: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.abbreviation = abbreviation
        self.place = place
        self.effective = effective
        self.act = act
    }
}

/// A unit in the tree valid on a day: its row, its depth, and the parent shown (the parent's version on
/// that day, following renames).
public struct UnitTreeEntry: Hashable, Sendable {
    public var unit: UnitRecord
    public var depth: Int
    public var shownParentID: Int64?
}

extension Store {
    /// Adds a unit (admin). A name already used under the same parent over an overlapping time is refused.
    public func addUnit(_ new: NewUnit) throws -> UnitRecord {
        try requireAdmin("thêm đơn vị")
        return try transaction("thêm đơn vị") { connection in
            let name = VietnameseText.nfc(new.name)
            guard !name.isEmpty else { throw StoreError.invalid("Tên đơn vị không được để trống.") }
            if let parent = new.parentID, let effective = new.effective,
                let row = try UnitRecord.load(parent, connection), let end = row.validTo, end < effective
            {
                throw StoreError.invalid(
                    "Đơn vị cấp trên \(row.label) đã chấm dứt từ \(end.adding(days: 1).vietnamese), trước ngày hiệu lực \(effective.vietnamese)."
                )
            }
            let id = try UnitHistory.insertRow(
                connection, name: name, kind: new.kind, parent: new.parentID, abbreviation: new.abbreviation,
                place: new.place, validFrom: new.effective, validTo: nil,
                note: new.act.map { "Thành lập theo \($0)" })
            return try UnitRecord.load(id, connection)!
        }
    }

    /// The tree of units valid on `day`, depth first, siblings by kind then name. A unit whose parent was
    /// renamed, moved or merged into another body stands under the parent's version (or successor) valid that day.
    public func unitTree(on day: Day) throws -> [UnitTreeEntry] {
        try transaction("xem danh sách đơn vị") { connection in
            let rows = try connection.query(
                """
                SELECT \(unsafeRaw: UnitRecord.columns), CASE WHEN u.parent_id IS NULL THEN NULL
                       ELSE cchc_unit_successor(u.parent_id, \(day.iso)::date) END
                  FROM \(unsafeRaw: UnitRecord.from)
                 WHERE (u.valid_from IS NULL OR u.valid_from <= \(day.iso)::date)
                   AND (u.valid_to IS NULL OR u.valid_to >= \(day.iso)::date)
                """
            ).map { row throws(PostgresError) in (try UnitRecord(row: row), try row.decode(Int64?.self, at: 11)) }
            return UnitTreeOrder.entries(rows)
        }
    }

    /// Every row of the registry (all validities), in id order.
    public func allUnits() throws -> [UnitRecord] {
        try transaction("xem danh sách đơn vị") { connection in
            try connection.query(
                "SELECT \(unsafeRaw: UnitRecord.columns) FROM \(unsafeRaw: UnitRecord.from) ORDER BY u.id"
            ).map { row throws(PostgresError) in try UnitRecord(row: row) }
        }
    }
}

/// Orders rows into a depth-first tree.
enum UnitTreeOrder {
    static let kindOrder: [OrgUnit.Kind] = [.authority, .division, .serviceUnit, .organisation, .group]

    static func entries(_ rows: [(UnitRecord, Int64?)]) -> [UnitTreeEntry] {
        let present = Set(rows.map(\.0.id))
        var children: [Int64?: [(UnitRecord, Int64?)]] = [:]
        for (unit, parent) in rows {
            let shown = parent.flatMap { present.contains($0) ? $0 : nil }
            children[shown, default: []].append((unit, shown))
        }
        func sorted(_ items: [(UnitRecord, Int64?)]) -> [(UnitRecord, Int64?)] {
            items.sorted {
                let (a, b) = ($0.0, $1.0)
                let (ka, kb) = (kindOrder.firstIndex(of: a.kind) ?? 9, kindOrder.firstIndex(of: b.kind) ?? 9)
                if ka != kb { return ka < kb }
                let (na, nb) = (VietnameseText.foldedKey(a.name), VietnameseText.foldedKey(b.name))
                return na != nb ? na < nb : a.id < b.id
            }
        }
        var out: [UnitTreeEntry] = []
        var visited = Set<Int64>()
        func walk(_ parent: Int64?, depth: Int) {
            for (unit, shown) in sorted(children[parent] ?? []) where visited.insert(unit.id).inserted {
                out.append(UnitTreeEntry(unit: unit, depth: depth, shownParentID: shown))
                walk(unit.id, depth: depth + 1)
            }
        }
        walk(nil, depth: 0)
        // Rows caught in a parent cycle (never expected) still show, at the top level.
        for (unit, _) in sorted(rows) where !visited.contains(unit.id) {
            out.append(UnitTreeEntry(unit: unit, depth: 0, shownParentID: nil))
        }
        return out
    }
}
