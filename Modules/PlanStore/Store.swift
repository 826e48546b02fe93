import Postgres

/// Vai trò: what a person may do. Enforced by PostgreSQL through the group role the session switches to.
public enum UserRole: String, CaseIterable, Sendable {
    /// Văn phòng Sở: the whole plan.
    case admin
    /// Unit staff: progress and statuses of activities their unit leads or coordinates.
    case unit
    /// Read only.
    case viewer

    /// The PostgreSQL group role (created by migration 0002).
    var databaseRole: String {
        switch self {
        case .admin: "cchc_admin"
        case .unit: "cchc_unit"
        case .viewer: "cchc_viewer"
        }
    }
}

/// A person known to the system.
public struct UserRecord: Hashable, Sendable {
    public var id: Int64
    public var login: String
    public var displayName: String?
    public var role: UserRole
    public var unitID: Int64?
    public var active: Bool
}

/// A session of one person on a migrated database: every transaction records them as the actor
/// (`cchc.user`) and runs under their role, so audit and row-level security see who acts.
public final class Store {
    public let connection: Connection
    public let user: UserRecord

    /// Opens a session for `login`. When no user exists yet, the first person becomes an administrator
    /// (the one who set the system up); otherwise an unknown login is refused.
    public init(connection: Connection, login: String) throws(StoreError) {
        self.connection = connection
        do {
            self.user = try connection.withTransaction { connection in
                if let user = try Store.findUser(connection, login: login) { return user }
                // Serialise bootstraps so two first commands cannot both become the first admin.
                try connection.query("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE")
                if let user = try Store.findUser(connection, login: login) { return user }
                let count = try connection.query("SELECT count(*) FROM users").scalar(Int.self)
                guard count == 0 else { throw StoreError.unknownUser(login) }
                try connection.query("SELECT set_config('cchc.user', \(login), true)")
                try connection.query(
                    "INSERT INTO users (login, display_name, role) VALUES (\(login), \(login), 'admin')")
                return try Store.findUser(connection, login: login)!
            }
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresError {
            throw .database(error)
        } catch {
            throw .invalid(String(describing: error))
        }
        guard user.active else { throw .inactiveUser(login) }
    }

    private static func findUser(_ connection: Connection, login: String) throws -> UserRecord? {
        try connection.query(
            "SELECT id, login, display_name, role, unit_id, active FROM users WHERE login = \(login)"
        ).first.map { row in
            UserRecord(
                id: try row.decode(Int64.self, at: 0), login: try row.decode(String.self, at: 1),
                displayName: try row.decode(String?.self, at: 2),
                role: UserRole(rawValue: try row.decode(String.self, at: 3)) ?? .viewer,
                unitID: try row.decode(Int64?.self, at: 4), active: try row.decode(Bool.self, at: 5))
        }
    }

    /// Runs `body` in one transaction as this person: nothing of it is kept if anything throws.
    /// `action` names the change in Vietnamese for a refusal message ("ghi tiến độ cho hoạt động III.2").
    @discardableResult
    public func transaction<T>(
        _ action: String = "thực hiện thao tác này", isolation: IsolationLevel? = nil, readOnly: Bool = false,
        _ body: (Connection) throws -> T
    ) throws -> T {
        do {
            return try connection.withTransaction(isolation: isolation, readOnly: readOnly) { connection in
                try Store.act(as: user, on: connection)
                return try body(connection)
            }
        } catch let error as PostgresError {
            throw StoreError.from(error, login: user.login, action: action)
        }
    }

    /// Records `user` as the actor of the current transaction and switches to their role.
    static func act(as user: UserRecord, on connection: Connection) throws(PostgresError) {
        try connection.query("SELECT set_config('cchc.user', \(user.login), true)")
        try connection.query(SQL(unsafeSQL: "SET LOCAL ROLE \(user.role.databaseRole)"))
    }

    /// Refuses unless the person is an administrator (checked again by PostgreSQL on write).
    public func requireAdmin(_ action: String) throws(StoreError) {
        guard user.role == .admin else { throw .forbidden(login: user.login, action: action) }
    }
}
