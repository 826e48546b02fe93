import PlanCore

/// Counts, per lead unit, the activities that expect a result in the window and the ones it reported.
///
/// An activity expects a result in the window when it is in the report, is not cancelled and is not
/// unspecified (continuous/recurring owe one every period; period and deadline activities owe one while
/// due or overdue). For each of its lead units (each unit once): `expected` += 1; `reported` += 1 when a
/// result inside the window comes from that unit; `onTime` += 1 when one such result was recorded
/// (`recordedOn`) no later than the period's deadline. A lead that is a group name ("các phòng chuyên
/// môn, nghiệp vụ thuộc Sở") stands for its members: every result from a unit that is not another named
/// lead of the activity counts for the group. Units appear in order of first appearance.
struct UnitCompletenessTally {
    private var order: [Int64] = []
    private var rows: [Int64: Report.UnitCompleteness] = [:]

    static func expectsResult(_ activity: ReportActivity) -> Bool {
        activity.status != .cancelled && activity.schedule.kind != .unspecified
    }

    mutating func add(_ activity: ReportActivity, leads: [UnitRef], deadline: Day) {
        guard Self.expectsResult(activity) else { return }
        let namedLeads = Set(leads.filter { $0.kind != .group }.map(\.id))
        var seen = Set<Int64>()
        for lead in leads where seen.insert(lead.id).inserted {
            let counts: (ReportResult) -> Bool =
                lead.kind == .group
                ? { $0.unit.id == lead.id || !namedLeads.contains($0.unit.id) }
                : { $0.unit.id == lead.id }
            let own = activity.results.filter(counts)
            var row = rows[lead.id] ?? {
                order.append(lead.id)
                return Report.UnitCompleteness(unit: lead.name, expected: 0, reported: 0, onTime: 0)
            }()
            row.expected += 1
            if !own.isEmpty { row.reported += 1 }
            if own.contains(where: { $0.recordedOn <= deadline }) { row.onTime += 1 }
            rows[lead.id] = row
        }
    }

    var result: [Report.UnitCompleteness] { order.compactMap { rows[$0] } }
}
