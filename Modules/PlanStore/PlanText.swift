import PlanCore
import Postgres

/// The body of a stored plan as its latest imported revision has it: sections, duties, the cited parent,
/// the source file — what a plan document needs beyond its activities.
public struct StoredPlanText: Sendable {
    public var sections: [PlanDocument.Section]
    public var responsibilities: [PlanDocument.Responsibility]
    public var parent: ParentReference?
    public var source: PlanDocument.Source?
}

extension Store {
    public func planText(planID: Int64) throws -> StoredPlanText {
        try transaction("xem kế hoạch") { connection in
            guard
                let row = try connection.query(
                    "SELECT content::text FROM plan_revisions WHERE plan_id = \(planID) ORDER BY revision DESC LIMIT 1"
                ).first
            else { return StoredPlanText(sections: [], responsibilities: [], parent: nil, source: nil) }
            let json = try JSONValue.parse(try row.decode(String.self, at: 0))
            return StoredPlanText(
                sections: (json["sections"]?.arrayValue ?? []).compactMap(PlanDocument.Section.init(json:)),
                responsibilities: (json["responsibilities"]?.arrayValue ?? []).compactMap(
                    PlanDocument.Responsibility.init(json:)),
                parent: json["parent"].flatMap(ParentReference.init(json:)),
                source: json["source"].flatMap(PlanDocument.Source.init(json:)))
        }
    }

    /// The refs and titles of a plan's activities (for naming the parent plan's tasks in a report).
    public func activityTitles(planID: Int64) throws -> [(ref: String, title: String)] {
        try transaction("xem kế hoạch") { connection in
            try connection.query(
                """
                SELECT ref, title FROM activities WHERE plan_id = \(planID) AND removed_in_revision IS NULL
                 ORDER BY position
                """
            ).map { (try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1)) }
        }
    }

    /// The plan's parent plan id when linked.
    public func parentPlanID(of planID: Int64) throws -> Int64? {
        try transaction("xem kế hoạch") { connection in
            try connection.query("SELECT parent_plan_id FROM plans WHERE id = \(planID)").scalar(Int64?.self)
        }
    }

    /// The place a unit dates its documents from on `day` (`units.place`), if recorded.
    public func unitPlace(_ unitID: Int64, on day: Day) throws -> String? {
        // A body whose parent was merged into another by `day` (a Sở of a province merged into another
        // province) dates its documents from the receiving parent's place.
        try transaction("xem đơn vị") { connection in
            let row = try connection.query(
                """
                SELECT u.place, p.place, p.name, p.id IS DISTINCT FROM u.parent_id
                  FROM units u LEFT JOIN units p ON p.id = cchc_unit_successor(u.parent_id, \(day.iso)::date)
                 WHERE u.id = \(unitID)
                """
            ).singleRow()
            let own = try row.decode(String?.self, at: 0)
            let parentPlace = try row.decode(String?.self, at: 1) ?? (try row.decode(String?.self, at: 2)).flatMap(UnitNaming.place(in:))
            return try row.decode(Bool.self, at: 3) ? parentPlace ?? own : own ?? parentPlace
        }
    }
}
