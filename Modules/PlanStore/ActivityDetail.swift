import PlanCore
import Postgres

/// Everything about one activity: its overview, products, every progress entry (corrections included)
/// and the child-plan activities implementing it.
public struct ActivityDetail: Sendable {
    public var overview: ActivityOverview
    public var products: [Product]
    public var progress: [ProgressRow]
    public var implementedBy: [ActivityBrief]
}

extension Store {
    /// The activity on `asOf` (statuses judged in the quarterly window of `regime` holding that day).
    public func activityDetail(_ id: Int64, asOf: Day, regime: ReportingRegime = .cchc) throws -> ActivityDetail {
        try transaction("xem hoạt động") { connection in
            guard let row = try ActivityRow.load(id, connection) else {
                throw StoreError.notFound(what: "hoạt động", reference: "#\(id)")
            }
            let window = ActivityFilter(asOf: asOf, regime: regime).window
            let overview = try ActivityOverviews.make([row], asOf: asOf, window: window, connection)[0]
            let products = try connection.query(
                "SELECT text, type, planned_count, count_unit FROM products WHERE activity_id = \(id) ORDER BY position"
            ).map { row throws(PostgresError) in
                Product(
                    text: try row.decode(String.self, at: 0), type: try row.decode(String.self, at: 1),
                    plannedCount: try row.decode(Int?.self, at: 2), unit: try row.decode(String?.self, at: 3))
            }
            let progress = try ProgressRow.load(where: "e.activity_id = \(id)", connection)
            let children = try connection.query(
                """
                SELECT a.id, coalesce(d.code, '#' || p.id) || '#' || a.ref, a.ref, a.title
                  FROM activities a JOIN plans p ON p.id = a.plan_id JOIN documents d ON d.id = p.document_id
                 WHERE a.parent_activity_id = \(id) AND a.removed_in_revision IS NULL
                 ORDER BY a.plan_id, a.position
                """
            ).map { row throws(PostgresError) in
                ActivityBrief(
                    id: try row.decode(Int64.self, at: 0), reference: try row.decode(String.self, at: 1),
                    ref: try row.decode(String.self, at: 2), title: try row.decode(String.self, at: 3))
            }
            return ActivityDetail(overview: overview, products: products, progress: progress, implementedBy: children)
        }
    }
}
