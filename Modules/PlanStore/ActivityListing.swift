import PlanCore
import Postgres

/// Which activities to list.
public struct ActivityFilter: Sendable {
    public var planID: Int64?
    /// Activities the unit (any row of its history, or a group it belongs to) leads or coordinates.
    public var unitID: Int64?
    /// Only these statuses (empty: all).
    public var statuses: Set<ActivityStatus>
    /// Due (schedule's last day) on or after / before.
    public var dueFrom: Day?
    public var dueTo: Day?
    /// The day statuses are evaluated on.
    public var asOf: Day
    /// A reporting period's data window: only the activities that period reports on (the report's
    /// membership rule, `ActivityStatusRules.inclusion`), with statuses judged in it.
    public var period: DayRange?
    /// The regime whose quarterly window holding `asOf` is the window continuous activities are judged in.
    public var regime: ReportingRegime

    public init(
        planID: Int64? = nil, unitID: Int64? = nil, statuses: Set<ActivityStatus> = [], dueFrom: Day? = nil,
        dueTo: Day? = nil, asOf: Day, regime: ReportingRegime = .cchc, period: DayRange? = nil
    ) {
        self.period = period
        self.planID = planID
        self.unitID = unitID
        self.statuses = statuses
        self.dueFrom = dueFrom
        self.dueTo = dueTo
        self.asOf = asOf
        self.regime = regime
    }

    /// The data window statuses are judged in: the period's, else the regime's quarter holding `asOf`.
    public var window: DayRange {
        if let period { return period }
        if let period = try? regime.period(of: .quarter, containing: asOf), let window = try? regime.window(for: period)
        {
            return window
        }
        return DayRange(from: asOf, to: asOf)
    }
}

/// An activity with its units and its status on the filter's day.
public struct ActivityOverview: Sendable {
    public var activity: ActivityRow
    /// Units named as valid on the day asked; leads first.
    public var units: [ActivityUnit]
    public var status: ActivityStatus
    /// The day of an administrator's decision (done, cancelled).
    public var statusDay: Day?
    /// Current (not superseded) entries.
    public var entryCount: Int
    public var lastEntry: Day?
    /// Current entries dated inside the filter's window.
    public var entriesInWindow: Int

    public var lead: [ActivityUnit] { units.filter { $0.role == .lead } }
    public var coordinating: [ActivityUnit] { units.filter { $0.role == .coordinating } }
}

extension Store {
    /// Activities (not removed by a later import) matching the filter, in plan order, with their status
    /// by `ActivityStatusRules` (the rules of the report builder).
    public func listActivities(_ filter: ActivityFilter) throws -> [ActivityOverview] {
        try transaction("xem danh sách hoạt động") { connection in
            let rows = try connection.query(
                """
                SELECT \(unsafeRaw: ActivityRow.columns) FROM \(unsafeRaw: ActivityRow.from)
                 WHERE a.removed_in_revision IS NULL
                   AND (\(filter.planID)::bigint IS NULL OR a.plan_id = \(filter.planID)::bigint)
                   AND (\(filter.unitID)::bigint IS NULL OR cchc_unit_takes_part(a.id, \(filter.unitID)::bigint))
                   AND (\(filter.dueFrom?.iso)::date IS NULL OR a.schedule_to >= \(filter.dueFrom?.iso)::date)
                   AND (\(filter.dueTo?.iso)::date IS NULL OR a.schedule_to <= \(filter.dueTo?.iso)::date)
                 ORDER BY p.year, a.plan_id, a.position, a.id
                """
            ).map { row throws(PostgresError) in try ActivityRow(row: row) }
            let window = filter.window
            return try ActivityOverviews.make(rows, asOf: filter.asOf, window: window, connection).filter { item in
                (filter.statuses.isEmpty || filter.statuses.contains(item.status))
                    && (filter.period == nil
                        || ActivityStatusRules.inclusion(
                            schedule: item.activity.schedule, state: item.activity.state, planYear: item.activity.planYear,
                            window: window, asOf: filter.asOf, hasResults: item.entriesInWindow > 0) != nil)
            }
        }
    }
}

/// Statuses of several activities at once.
enum ActivityOverviews {
    static func make(_ rows: [ActivityRow], asOf: Day, window: DayRange, _ connection: Connection) throws
        -> [ActivityOverview]
    {
        let ids = rows.map(\.id)
        let units = try ActivityUnits.load(ids, on: asOf, connection)
        var dates: [Int64: [Day]] = [:]
        if !ids.isEmpty {
            for row in try connection.query(
                """
                SELECT e.activity_id, e.entry_date::text FROM progress_entries e
                 WHERE e.activity_id = ANY(\(ids.map(String.init))::bigint[])
                   AND NOT e.withdrawn AND NOT EXISTS (SELECT 1 FROM progress_entries s WHERE s.supersedes_id = e.id)
                """)
            {
                dates[try row.decode(Int64.self, at: 0), default: []].append(try row.day(at: 1)!)
            }
        }
        return rows.map { activity in
            let entryDates = dates[activity.id] ?? []
            let (status, day) = ActivityStatusRules.status(
                schedule: activity.schedule, state: activity.state, entryDates: entryDates, window: window, asOf: asOf)
            return ActivityOverview(
                activity: activity, units: units[activity.id] ?? [], status: status, statusDay: day,
                entryCount: entryDates.count, lastEntry: entryDates.max(),
                entriesInWindow: entryDates.filter(window.contains).count)
        }
    }
}

extension Store {
    /// Of `activities`, those the unit leads (chủ trì): directly, through another row of its history, or as
    /// a member of a lead group, or as the body that absorbed the lead.
    public func ledActivities(unitID: Int64, among activities: [Int64]) throws -> Set<Int64> {
        guard !activities.isEmpty else { return [] }
        return try transaction("xem hoạt động chủ trì") { connection in
            Set(
                try connection.query(
                    """
                    SELECT DISTINCT aa.activity_id FROM activity_assignments aa
                     WHERE aa.role = 'lead' AND aa.activity_id = ANY(\(activities.map(String.init))::bigint[])
                       AND (aa.unit_id IN (SELECT cchc_unit_estate(\(unitID)))
                            OR EXISTS (SELECT 1 FROM unit_group_members m
                                        WHERE m.group_id = aa.unit_id AND m.member_id IN (SELECT cchc_unit_estate(\(unitID)))))
                    """
                ).map { try $0.decode(Int64.self, at: 0) })
        }
    }
}

extension Store {
    /// The units assigned to the plan's activities (groups included), named as on `day`, by name.
    public func planUnits(planID: Int64, on day: Day) throws -> [UnitRef] {
        try transaction("xem đơn vị của kế hoạch") { connection in
            try connection.query(
                """
                SELECT DISTINCT u.id, u.name FROM activity_assignments aa
                  JOIN activities a ON a.id = aa.activity_id
                  JOIN units u ON u.id = cchc_unit_successor(aa.unit_id, \(day.iso)::date)
                 WHERE a.plan_id = \(planID) AND a.removed_in_revision IS NULL
                 ORDER BY u.name
                """
            ).map { row in
                UnitRef(id: try row.decode(Int64.self, at: 0), name: try row.decode(String.self, at: 1), kind: .division)
            }
        }
    }
}
