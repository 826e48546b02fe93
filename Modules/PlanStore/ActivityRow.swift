import PlanCore
import Postgres

/// An activity as the administration tool reads and edits it, with the version its edits check.
public struct ActivityRow: Hashable, Sendable {
    public var id: Int64
    public var planID: Int64
    /// The plan's code ("45/KH-STP"), or "#id" while its number is blank.
    public var planReference: String
    public var planYear: Int
    public var ref: String
    public var position: Int
    public var title: String
    public var group: String?
    public var schedule: Schedule
    public var state: ActivityState
    public var stateNote: String?
    public var parentActivityID: Int64?
    /// "96/KH-UBND#II.1": the parent plan's activity this one implements.
    public var parentReference: String?
    /// Bumped by every change; an edit names the version it read (no lost updates).
    public var version: Int
    /// Set when a later import of the plan no longer has the activity.
    public var removedInRevision: Int?

    /// "45/KH-STP#III.2": how the tool names the activity (also accepted as a reference).
    public var reference: String { "\(planReference)#\(ref)" }

    static let columns = """
        a.id, a.plan_id, coalesce(d.code, '#' || p.id), p.year, a.ref, a.position, a.title, a.group_name,
        a.schedule_text, a.schedule_kind, a.schedule_from::text, a.schedule_to::text, a.schedule_every, a.state,
        a.state_on::text, a.state_note, a.parent_activity_id,
        CASE WHEN pa.id IS NOT NULL THEN coalesce(pd.code, '#' || pa.plan_id) || '#' || pa.ref END,
        a.version, a.removed_in_revision
        """
    static let from = """
        activities a JOIN plans p ON p.id = a.plan_id JOIN documents d ON d.id = p.document_id
        LEFT JOIN activities pa ON pa.id = a.parent_activity_id
        LEFT JOIN plans pp ON pp.id = pa.plan_id LEFT JOIN documents pd ON pd.id = pp.document_id
        """

    init(row: PostgresRow) throws(PostgresError) {
        id = try row.decode(Int64.self, at: 0)
        planID = try row.decode(Int64.self, at: 1)
        planReference = try row.decode(String.self, at: 2)
        planYear = try row.decode(Int.self, at: 3)
        ref = try row.decode(String.self, at: 4)
        position = try row.decode(Int.self, at: 5)
        title = try row.decode(String.self, at: 6)
        group = try row.decode(String?.self, at: 7)
        schedule = Schedule(
            text: try row.decode(String.self, at: 8),
            kind: Schedule.Kind(rawValue: try row.decode(String.self, at: 9)) ?? .unspecified,
            from: try row.day(at: 10), to: try row.day(at: 11),
            every: try row.decode(String?.self, at: 12).flatMap { Schedule.Recurrence(rawValue: $0) })
        let stateDay = try row.day(at: 14)
        switch (try row.decode(String.self, at: 13), stateDay) {
        case ("done", let day?): state = .done(day)
        case ("cancelled", let day?): state = .cancelled(day)
        default: state = .open
        }
        stateNote = try row.decode(String?.self, at: 15)
        parentActivityID = try row.decode(Int64?.self, at: 16)
        parentReference = try row.decode(String?.self, at: 17)
        version = try row.decode(Int.self, at: 18)
        removedInRevision = try row.decode(Int?.self, at: 19)
    }

    static func load(_ id: Int64, _ connection: Connection) throws -> ActivityRow? {
        try connection.query("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE a.id = \(id)")
            .first.map { row throws(PostgresError) in try ActivityRow(row: row) }
    }
}

/// A unit taking part in an activity, named as on the day asked.
public struct ActivityUnit: Hashable, Sendable {
    public var unit: UnitRef
    public var role: AssignmentRole
    /// The name as the plan wrote it, when imported.
    public var writtenName: String?
}

/// Assignments of several activities at once.
enum ActivityUnits {
    static func load(_ ids: [Int64], on day: Day, _ connection: Connection) throws -> [Int64: [ActivityUnit]] {
        guard !ids.isEmpty else { return [:] }
        var out: [Int64: [ActivityUnit]] = [:]
        for row in try connection.query(
            """
            WITH assigned AS (
                SELECT * FROM activity_assignments WHERE activity_id = ANY(\(ids.map(String.init))::bigint[])
            ),
            -- Each distinct unit's version (or successor) on the day, computed once (as a join condition the function
            -- would be evaluated for every pair of rows).
            versions AS MATERIALIZED (
                SELECT unit_id, cchc_unit_successor(unit_id, \(day.iso)::date) AS version_id
                  FROM (SELECT DISTINCT unit_id FROM assigned) d
            )
            SELECT aa.activity_id, aa.role, v.id, v.name, v.abbreviation, v.kind, vp.name, aa.written_name
              FROM assigned aa
              JOIN versions o ON o.unit_id = aa.unit_id
              JOIN units v ON v.id = o.version_id
              LEFT JOIN units vp ON vp.id = cchc_unit_successor(v.parent_id, \(day.iso)::date)
             ORDER BY aa.activity_id, aa.role DESC, aa.position, v.name
            """)
        {
            let unit = UnitRef(
                id: try row.decode(Int64.self, at: 2), name: try row.decode(String.self, at: 3),
                abbreviation: try row.decode(String?.self, at: 4),
                kind: OrgUnit.Kind(rawValue: try row.decode(String.self, at: 5)) ?? .division,
                parentName: try row.decode(String?.self, at: 6))
            out[try row.decode(Int64.self, at: 0), default: []].append(
                ActivityUnit(
                    unit: unit, role: AssignmentRole(rawValue: try row.decode(String.self, at: 1)) ?? .coordinating,
                    writtenName: try row.decode(String?.self, at: 7)))
        }
        return out
    }
}
