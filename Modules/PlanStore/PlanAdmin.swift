import PlanCore
import Postgres

/// One imported version of a plan.
public struct PlanRevisionInfo: Hashable, Sendable {
    public var revision: Int
    public var sourceFile: String
    public var mediaType: String
    public var importedAt: String
    public var importedBy: String
}

/// A plan with its place in the cascade and its import history.
public struct PlanDetail: Sendable {
    public var plan: StoredPlan
    /// Trích yếu, issuer, signer…
    public var document: DocumentIdentity
    public var parent: StoredPlan?
    public var children: [StoredPlan]
    public var revisions: [PlanRevisionInfo]
}

extension Store {
    /// The plan, its parent and children, and its revisions.
    public func planDetail(_ id: Int64) throws -> PlanDetail {
        let plan = try findPlan("#\(id)")
        let links = try transaction("xem kế hoạch") { connection in
            let parent = try connection.query("SELECT parent_plan_id FROM plans WHERE id = \(id)").scalar(Int64?.self)
            let children = try connection.query("SELECT id FROM plans WHERE parent_plan_id = \(id) ORDER BY id")
                .map { row throws(PostgresError) in try row.decode(Int64.self, at: 0) }
            let revisions = try connection.query(
                """
                SELECT revision, source_file, media_type,
                       to_char(imported_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI:SS'), imported_by
                  FROM plan_revisions WHERE plan_id = \(id) ORDER BY revision
                """
            ).map { row throws(PostgresError) in
                PlanRevisionInfo(
                    revision: try row.decode(Int.self, at: 0), sourceFile: try row.decode(String.self, at: 1),
                    mediaType: try row.decode(String.self, at: 2), importedAt: try row.decode(String.self, at: 3),
                    importedBy: try row.decode(String.self, at: 4))
            }
            return (parent, children, revisions)
        }
        let record = try loadPlan(id: id, namesOn: plan.issuedOn ?? Day(plan.year, 1, 1)!)
        return PlanDetail(
            plan: plan, document: record.document, parent: try links.0.map { try findPlan("#\($0)") },
            children: try links.1.map { try findPlan("#\($0)") }, revisions: links.2)
    }

    /// Links a plan to the plan it implements ("Thực hiện Kế hoạch số …"), or unlinks it (nil). Activity
    /// links into a former parent plan are removed; returns how many.
    @discardableResult
    public func linkParentPlan(_ child: Int64, to parent: Int64?) throws -> Int {
        try requireAdmin("gắn kế hoạch cấp trên")
        return try transaction("gắn kế hoạch cấp trên") { connection in
            if let parent {
                guard parent != child else {
                    throw StoreError.invalid("Một kế hoạch không thể là kế hoạch cấp trên của chính nó.")
                }
                let cycle = try connection.query(
                    """
                    WITH RECURSIVE up(id) AS (
                        SELECT \(parent)::bigint
                        UNION SELECT p.parent_plan_id FROM plans p JOIN up ON p.id = up.id WHERE p.parent_plan_id IS NOT NULL)
                    SELECT EXISTS (SELECT 1 FROM up WHERE id = \(child))
                    """
                ).scalar(Bool.self)
                guard !cycle else {
                    throw StoreError.invalid(
                        "Không thể gắn: kế hoạch cấp trên đã chọn lại đang thực hiện kế hoạch này.")
                }
            }
            try connection.query(
                """
                UPDATE plans c
                   SET parent_plan_id = \(parent),
                       parent_code = CASE WHEN \(parent)::bigint IS NULL THEN c.parent_code
                                          ELSE coalesce(c.parent_code, (SELECT d.code FROM plans p JOIN documents d ON d.id = p.document_id
                                                                          WHERE p.id = \(parent)::bigint)) END,
                       version = version + 1
                 WHERE c.id = \(child)
                """)
            return try connection.query(
                """
                UPDATE activities a SET parent_activity_id = NULL, version = a.version + 1, updated_at = now()
                  FROM activities pa
                 WHERE a.plan_id = \(child) AND pa.id = a.parent_activity_id
                   AND pa.plan_id IS DISTINCT FROM \(parent)::bigint
                """
            ).affectedRows ?? 0
        }
    }
}
