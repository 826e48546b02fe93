import PlanCore
import Postgres

/// No lost updates: every change of an activity is one `UPDATE … SET version = version + 1 WHERE id = $id
/// AND version = $read`. The version read is the one the person saw (`--expect-version`) or, when they
/// gave none, the one read at the start of the command. A concurrent edit committed in between makes the
/// update match nothing, and the change is refused as a conflict; nothing is overwritten.
enum ActivityVersioning {
    /// The version an edit checks: the one given, or the current one.
    static func versionToCheck(_ expected: Int?, _ activity: ActivityRow) -> Int {
        expected ?? activity.version
    }

    /// Bumps the version alone (for changes stored in other tables: assignments); returns the new version.
    static func bump(_ activity: ActivityRow, read: Int, store: Store, action: String, _ connection: Connection)
        throws -> Int
    {
        let result = try connection.query(
            """
            UPDATE activities SET version = version + 1, updated_at = now()
             WHERE id = \(activity.id) AND version = \(read)
            RETURNING version
            """)
        return try checked(result, activity, read: read, store: store, action: action, connection)
    }

    /// The new version from an `UPDATE … RETURNING version`, or why it matched nothing.
    static func checked(
        _ result: QueryResult, _ activity: ActivityRow, read: Int, store: Store, action: String,
        _ connection: Connection
    ) throws -> Int {
        if let row = result.first { return try row.decode(Int.self, at: 0) }
        throw try refusal(activity, read: read, store: store, action: action, connection)
    }

    /// Why a versioned update matched no row: someone else's change (conflict), or row-level security
    /// hiding the row from this person (forbidden).
    static func refusal(_ activity: ActivityRow, read: Int, store: Store, action: String, _ connection: Connection)
        throws -> StoreError
    {
        let row = try connection.query(
            "SELECT version, cchc_unit_takes_part(id, cchc_current_unit()) FROM activities WHERE id = \(activity.id)"
        ).first
        guard let row else { return .notFound(what: "hoạt động", reference: activity.reference) }
        let found = try row.decode(Int.self, at: 0)
        if store.user.role == .unit, try !row.decode(Bool.self, at: 1) {
            return .forbidden(login: store.user.login, action: action)
        }
        if found != read {
            return .conflict(what: "hoạt động", reference: activity.reference, expected: read, found: found)
        }
        return .forbidden(login: store.user.login, action: action)
    }
}
