import Foundation
import PlanCore
import Postgres

/// How the tools name an activity:
///
/// - `#123` or `123`: its id (a bare number is a ref, not an id, when a plan is given separately);
/// - `45/KH-STP#III.2`: plan code (or `#id` of the plan), "#", the activity's ref in the plan;
/// - `III.2` alone: the ref, with the plan given separately, or found in the only plan that has it.
///
/// Refs and codes match whatever the case and spacing.
public enum ActivityReference: Hashable, Sendable {
    case id(Int64)
    case planRef(plan: String?, ref: String)

    public init(parsing text: String, plan: String? = nil) {
        let clean = VietnameseText.nfc(text)
        let bare = clean.hasPrefix("#") ? String(clean.dropFirst()) : clean
        if let id = Int64(bare), clean.hasPrefix("#") || plan == nil {
            self = .id(id)
        } else if let hash = clean.lastIndex(of: "#"), hash > clean.startIndex {
            self = .planRef(plan: String(clean[..<hash]), ref: String(clean[clean.index(after: hash)...]))
        } else {
            self = .planRef(plan: plan, ref: bare)
        }
    }
}

extension Store {
    /// Finds an activity (see `ActivityReference`); `plan` names the plan when the reference does not.
    public func findActivity(_ reference: String, plan: String? = nil) throws -> ActivityRow {
        let parsed = ActivityReference(parsing: reference, plan: plan)
        let planID: Int64?
        if case .planRef(let planText?, _) = parsed {
            planID = try findPlan(planText).id
        } else {
            planID = nil
        }
        return try transaction("tra cứu hoạt động") { connection in
            switch parsed {
            case .id(let id):
                guard let row = try ActivityRow.load(id, connection) else {
                    throw StoreError.notFound(what: "hoạt động", reference: reference)
                }
                return row
            case .planRef(_, let ref):
                let key = ref.replacingOccurrences(of: " ", with: "").uppercased()
                let rows = try connection.query(
                    """
                    SELECT \(unsafeRaw: ActivityRow.columns) FROM \(unsafeRaw: ActivityRow.from)
                     WHERE upper(replace(a.ref, ' ', '')) = \(key) AND a.removed_in_revision IS NULL
                       AND (\(planID)::bigint IS NULL OR a.plan_id = \(planID)::bigint)
                     ORDER BY p.year DESC, a.plan_id
                    """
                ).map { row throws(PostgresError) in try ActivityRow(row: row) }
                guard !rows.isEmpty else {
                    throw StoreError.notFound(
                        what: "hoạt động", reference: reference,
                        suggestions: try Self.nearestActivities(ref, planID: planID, connection))
                }
                guard rows.count == 1 else {
                    throw StoreError.ambiguous(
                        what: "hoạt động", reference: reference,
                        candidates: rows.map { "\($0.reference) (#\($0.id)) \($0.title.prefix(60))" })
                }
                return rows[0]
            }
        }
    }
}

extension Store {
    /// For a reference that matches nothing: the plan's activities whose ref is nearest to it, or whose
    /// title it is a misspelling or a part of ("KẾ_HOẠCH#REF (title)"); none without a plan.
    static func nearestActivities(_ typed: String, planID: Int64?, _ connection: Connection) throws -> [String] {
        guard let planID else { return [] }
        let rows = try connection.query(
            """
            SELECT \(unsafeRaw: ActivityRow.columns) FROM \(unsafeRaw: ActivityRow.from)
             WHERE a.plan_id = \(planID) AND a.removed_in_revision IS NULL ORDER BY a.id
            """
        ).map { row throws(PostgresError) in try ActivityRow(row: row) }
        let byRef = NearestNames.suggest(typed, among: rows.map(\.ref))
        let byTitle = NearestNames.suggest(typed, among: rows.map(\.title))
        var seen = Set<Int64>()
        var named: [String] = []
        let nearest =
            byRef.flatMap { ref in rows.filter { $0.ref == ref } } + byTitle.flatMap { title in rows.filter { $0.title == title } }
        for row in nearest where seen.insert(row.id).inserted {
            named.append("\(row.reference) (\(row.title.prefix(60)))")
        }
        return Array(named.prefix(3))
    }
}

extension Store {
    /// The activity with this id.
    public func activity(id: Int64) throws -> ActivityRow {
        try transaction("xem hoạt động") { connection in
            guard let row = try ActivityRow.load(id, connection) else {
                throw StoreError.notFound(what: "hoạt động", reference: "#\(id)")
            }
            return row
        }
    }

    /// One progress entry with its evidence.
    public func progressEntry(_ id: Int64) throws -> ProgressRow {
        try transaction("xem tiến độ") { connection in
            guard let row = try ProgressRow.load(where: "e.id = \(id)", connection).first else {
                throw StoreError.notFound(what: "mục tiến độ", reference: "#\(id)")
            }
            return row
        }
    }

    /// Every row of the unit's history (renames followed both ways).
    public func unitChainIDs(_ id: Int64) throws -> Set<Int64> {
        try transaction("xem đơn vị") { connection in try UnitHistory.chain(id, connection) }
    }
}
