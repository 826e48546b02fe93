import PlanCore
import Postgres

/// A lineage link seen from one unit: where it went, or where it came from.
public struct UnitLineageLink: Hashable, Sendable {
    public var kind: UnitLineageEvent.Kind
    /// True when the link leaves this unit ("renamed-to X"), false when it arrives ("X renamed-to this").
    public var outgoing: Bool
    public var otherID: Int64
    public var otherName: String
    public var effective: Day
    public var act: String?
    public var note: String?

    /// The link as a Vietnamese phrase: "đổi tên thành …", "được tách ra từ …".
    public var phrase: String {
        switch (kind, outgoing) {
        case (.renamedTo, true): return note.map { "\($0): tiếp tục là" } ?? "đổi tên thành"
        case (.renamedTo, false): return note.map { "\($0); trước đó là" } ?? "tên trước đây"
        case (.mergedInto, true): return "hợp nhất vào"
        case (.mergedInto, false): return "tiếp nhận"
        case (.splitFrom, true): return "tách ra thành"
        case (.splitFrom, false): return "được tách ra từ"
        case (.functionsTransferredTo, true): return "chuyển giao chức năng cho"
        case (.functionsTransferredTo, false): return "nhận chức năng từ"
        }
    }
}

/// Everything known about one unit row.
public struct UnitDetail: Sendable {
    public var unit: UnitRecord
    public var aliases: [String]
    public var lineage: [UnitLineageLink]
    /// For a group: its members (each named as valid today).
    public var members: [UnitRecord]
    /// The groups this unit belongs to.
    public var groups: [UnitRecord]
    public var children: [UnitRecord]
    /// Activities (not removed) the unit leads / coordinates.
    public var leads: Int
    public var coordinates: Int
    /// Logins of the staff of this unit.
    public var users: [String]
}

extension Store {
    /// The unit with its aliases, history, group links, children, assignments and staff.
    public func unitDetail(_ id: Int64) throws -> UnitDetail {
        try transaction("xem đơn vị") { connection in
            guard let unit = try UnitRecord.load(id, connection) else {
                throw StoreError.notFound(what: "đơn vị", reference: "#\(id)")
            }
            let aliases = try connection.query(
                "SELECT alias FROM unit_aliases WHERE unit_id = \(id) ORDER BY alias_key"
            ).map { row throws(PostgresError) in try row.decode(String.self, at: 0) }
            let lineage = try connection.query(
                """
                SELECT l.kind, l.from_unit_id = \(id), CASE WHEN l.from_unit_id = \(id) THEN l.to_unit_id ELSE l.from_unit_id END,
                       o.name, l.effective::text, l.legal_act, l.note
                  FROM unit_lineage l
                  JOIN units o ON o.id = CASE WHEN l.from_unit_id = \(id) THEN l.to_unit_id ELSE l.from_unit_id END
                 WHERE l.from_unit_id = \(id) OR l.to_unit_id = \(id)
                 ORDER BY l.effective, l.id
                """
            ).map { row throws(PostgresError) in
                UnitLineageLink(
                    kind: UnitLineageEvent.Kind(rawValue: try row.decode(String.self, at: 0)) ?? .renamedTo,
                    outgoing: try row.decode(Bool.self, at: 1), otherID: try row.decode(Int64.self, at: 2),
                    otherName: try row.decode(String.self, at: 3), effective: try row.day(at: 4)!,
                    act: try row.decode(String?.self, at: 5), note: try row.decode(String?.self, at: 6))
            }
            func units(_ condition: SQL) throws -> [UnitRecord] {
                try connection.query(
                    "SELECT \(unsafeRaw: UnitRecord.columns) FROM \(unsafeRaw: UnitRecord.from) WHERE \(condition) ORDER BY u.name, u.id"
                ).map { row throws(PostgresError) in try UnitRecord(row: row) }
            }
            let counts = try connection.query(
                """
                SELECT count(*) FILTER (WHERE aa.role = 'lead'), count(*) FILTER (WHERE aa.role = 'coordinating')
                  FROM activity_assignments aa JOIN activities a ON a.id = aa.activity_id
                 WHERE aa.unit_id = \(id) AND a.removed_in_revision IS NULL
                """
            ).singleRow()
            return UnitDetail(
                unit: unit, aliases: aliases, lineage: lineage,
                members: try UnitGroups.members(of: id, on: Store.today, connection),
                groups: try units("u.id IN (SELECT group_id FROM unit_group_members WHERE member_id = \(id))"),
                children: try units("u.parent_id = \(id)"),
                leads: try counts.decode(Int.self, at: 0), coordinates: try counts.decode(Int.self, at: 1),
                users: try connection.query("SELECT login FROM users WHERE unit_id = \(id) ORDER BY login")
                    .map { row throws(PostgresError) in try row.decode(String.self, at: 0) })
        }
    }
}

extension Store {
    /// The unit's name as it was on `day` (its history's row valid then).
    public func unitName(_ id: Int64, on day: Day) throws -> String {
        try transaction("xem đơn vị") { connection in
            try connection.query("SELECT name FROM units WHERE id = cchc_unit_on(\(id), \(day.iso)::date)").scalar(String.self)
        }
    }
}
