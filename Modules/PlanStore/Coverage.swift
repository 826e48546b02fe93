import PlanCore
import Postgres

/// An activity as a coverage listing names it.
public struct ActivityBrief: Hashable, Sendable {
    public var id: Int64
    /// "45/KH-STP#III.2".
    public var reference: String
    public var ref: String
    public var title: String
}

/// A parent task and the child activities implementing it.
public struct CoveredTask: Hashable, Sendable {
    public var task: ActivityBrief
    public var implementedBy: [ActivityBrief]
}

/// How a parent plan's tasks are carried into the plans that implement it (via `parent_activity_id`).
public struct PlanCoverage: Sendable {
    public var parent: StoredPlan
    public var children: [StoredPlan]
    public var covered: [CoveredTask]
    /// Parent tasks no child activity implements.
    public var uncovered: [ActivityBrief]
    /// Child activities that implement no parent task.
    public var unlinked: [ActivityBrief]
}

extension Store {
    /// Coverage of a plan: for a plan linked to a parent, its parent's tasks against its own activities;
    /// for a plan others implement (and that has no parent), its tasks against all its child plans.
    public func coverage(of planID: Int64) throws -> PlanCoverage {
        let plan = try findPlan("#\(planID)")
        let (parentID, childIDs): (Int64, [Int64]) = try transaction("xem mức độ triển khai kế hoạch") { connection in
            if let parent = try connection.query("SELECT parent_plan_id FROM plans WHERE id = \(planID)").scalar(
                Int64?.self)
            {
                return (parent, [planID])
            }
            let children = try connection.query("SELECT id FROM plans WHERE parent_plan_id = \(planID) ORDER BY id")
                .map { row throws(PostgresError) in try row.decode(Int64.self, at: 0) }
            guard !children.isEmpty else {
                throw StoreError.invalid(
                    "Kế hoạch \(plan.reference) chưa gắn với kế hoạch cấp trên và chưa có kế hoạch nào thực hiện nó; "
                        + "hãy gắn bằng: cchc-admin plan link-parent KẾ_HOẠCH_CẤP_DƯỚI \(plan.reference)")
            }
            return (planID, children)
        }
        return try transaction("xem mức độ triển khai kế hoạch") { connection in
            func briefs(_ plans: [Int64]) throws -> [(ActivityBrief, Int64?)] {
                try connection.query(
                    """
                    SELECT a.id, coalesce(d.code, '#' || p.id) || '#' || a.ref, a.ref, a.title, a.parent_activity_id
                      FROM activities a JOIN plans p ON p.id = a.plan_id JOIN documents d ON d.id = p.document_id
                     WHERE a.plan_id = ANY(\(plans.map(String.init))::bigint[]) AND a.removed_in_revision IS NULL
                     ORDER BY a.plan_id, a.position, a.id
                    """
                ).map { row throws(PostgresError) in
                    (
                        ActivityBrief(
                            id: try row.decode(Int64.self, at: 0), reference: try row.decode(String.self, at: 1),
                            ref: try row.decode(String.self, at: 2), title: try row.decode(String.self, at: 3)),
                        try row.decode(Int64?.self, at: 4)
                    )
                }
            }
            let tasks = try briefs([parentID]).map(\.0)
            let activities = try briefs(childIDs)
            var byTask: [Int64: [ActivityBrief]] = [:]
            var unlinked: [ActivityBrief] = []
            let taskIDs = Set(tasks.map(\.id))
            for (activity, parent) in activities {
                if let parent, taskIDs.contains(parent) {
                    byTask[parent, default: []].append(activity)
                } else {
                    unlinked.append(activity)
                }
            }
            return PlanCoverage(
                parent: try findPlan("#\(parentID)"), children: try childIDs.map { try findPlan("#\($0)") },
                covered: tasks.compactMap { task in byTask[task.id].map { CoveredTask(task: task, implementedBy: $0) }
                },
                uncovered: tasks.filter { byTask[$0.id] == nil }, unlinked: unlinked)
        }
    }
}
