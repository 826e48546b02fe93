import PlanCore
import Postgres

extension SyntheticLoad {
    /// Per schedule of the pool: the days progress may fall on (inside the time frame, clipped to the
    /// year up to 14/12 so that a year report's window holds every entry), and whether an activity with
    /// that schedule may already be done (it ends before December).
    func scheduleWindows() -> (first: [String], last: [String], doneable: [String]) {
        let start = Day(shape.year, 1, 1)!
        let end = Day(shape.year, 12, 14)!
        var first: [String] = []
        var last: [String] = []
        var doneable: [String] = []
        for index in pools.scheduleTexts.indices {
            var from = pools.scheduleFrom[index].flatMap { Day(iso: $0) } ?? start
            var to = pools.scheduleTo[index].flatMap { Day(iso: $0) } ?? end
            from = max(from, start)
            to = min(to, end)
            if to < from { (from, to) = (start, end) }
            first.append(from.iso)
            last.append(to.iso)
            let due = pools.scheduleTo[index].flatMap { Day(iso: $0) }
            doneable.append(due.map { $0 < Day(shape.year, 12, 1)! && pools.scheduleKinds[index] != "recurring" } == true ? "t" : "f")
        }
        return (first, last, doneable)
    }

    /// A plan's activities (refs III.1, III.2, … as in the body layout), each led by one division of the
    /// department and, for most, coordinated by another; one or two products each; a mix of time frames,
    /// some already done.
    mutating func insertActivities() throws {
        let windows = scheduleWindows()
        try connection.query(
            """
            INSERT INTO synth_activity (id, plan_id, department_id, province_ord, k, ord, lead_id, coordinating_id, schedule,
                                        title, done, first_day, last_day)
            SELECT nextval(pg_get_serial_sequence('activities', 'id')), s.plan_id, s.department_id, s.province_ord, k.k, g,
                   lead.id, co.id, k.schedule, pg_temp.synth_pick(k.k, \(salt(.title)), \(pools.titles.count)),
                   (\(windows.doneable)::text[]::boolean[])[k.schedule] AND pg_temp.synth_pick(k.k, \(salt(.done)), 10) <= 6,
                   (\(windows.first)::text[]::date[])[k.schedule], (\(windows.last)::text[]::date[])[k.schedule]
              FROM synth_plan s
              JOIN (SELECT department_id, count(*)::int AS n FROM synth_division GROUP BY department_id) c
                ON c.department_id = s.department_id
             CROSS JOIN generate_series(1, \(shape.activities)::int) g
             CROSS JOIN LATERAL (
                   SELECT (s.province_ord::bigint * 10000 + s.department_ord) * 1000000 + g AS k,
                          pg_temp.synth_pick((s.province_ord::bigint * 10000 + s.department_ord) * 1000000 + g,
                                             \(salt(.schedule)), \(pools.scheduleTexts.count)) AS schedule) k
              JOIN synth_division lead
                ON lead.department_id = s.department_id AND lead.ord = pg_temp.synth_pick(k.k, \(salt(.leadDivision)), c.n)
              LEFT JOIN synth_division co
                ON co.department_id = s.department_id AND co.ord <> lead.ord
               AND co.ord = pg_temp.synth_pick(k.k, \(salt(.coordinatingDivision)), c.n + c.n / 2)
             ORDER BY s.plan_id, g
            """)
        try connection.execute(unsafeSQL: "ANALYZE synth_activity")
        let activities = try connection.query(
            """
            INSERT INTO activities (id, plan_id, ref, position, title, schedule_text, schedule_kind, schedule_from, schedule_to,
                                    schedule_every, state, state_on)
            OVERRIDING SYSTEM VALUE
            SELECT a.id, a.plan_id, 'III.' || a.ord, a.ord - 1, (\(pools.titles)::text[])[a.title],
                   (\(pools.scheduleTexts)::text[])[a.schedule], (\(pools.scheduleKinds)::text[])[a.schedule],
                   (\(pools.scheduleFrom)::text[]::date[])[a.schedule], (\(pools.scheduleTo)::text[]::date[])[a.schedule],
                   (\(pools.scheduleEvery)::text[])[a.schedule],
                   CASE WHEN a.done THEN 'done' ELSE 'open' END,
                   CASE WHEN a.done THEN (\(pools.scheduleTo)::text[]::date[])[a.schedule] END
              FROM synth_activity a
             ORDER BY a.id
            """
        ).affectedRows ?? 0
        let assignments = try connection.query(
            """
            INSERT INTO activity_assignments (activity_id, unit_id, role, position, written_name)
            SELECT a.id, v.id, 'lead', 0, v.name FROM synth_activity a JOIN synth_division v ON v.id = a.lead_id
            UNION ALL
            SELECT a.id, v.id, 'coordinating', 0, v.name FROM synth_activity a JOIN synth_division v ON v.id = a.coordinating_id
            """
        ).affectedRows ?? 0
        let products = try connection.query(
            """
            INSERT INTO products (activity_id, position, text, type, planned_count, count_unit)
            SELECT a.id, n.position, (\(pools.productTexts)::text[])[x.i], (\(pools.productTypes)::text[])[x.i],
                   (\(pools.productCounts)::text[]::int[])[x.i], (\(pools.productUnits)::text[])[x.i]
              FROM synth_activity a
             CROSS JOIN LATERAL generate_series(0, pg_temp.synth_pick(a.k, \(salt(.productCount)), 2) - 1) n(position)
             CROSS JOIN LATERAL (SELECT pg_temp.synth_pick(a.k * 4 + n.position, \(salt(.product)), \(pools.productTexts.count)) AS i) x
            """
        ).affectedRows ?? 0
        counts += [("hoạt động", activities), ("phân công (chủ trì, phối hợp)", assignments), ("sản phẩm", products)]
    }
}
