import PlanCore
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
    /// The PostgreSQL login that is this person (a session on it acts as them), if mapped.
    public var databaseLogin: String?

    public init(
        id: Int64, login: String, displayName: String?, role: UserRole, unitID: Int64?, active: Bool,
        databaseLogin: String? = nil
    ) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.role = role
        self.unitID = unitID
        self.active = active
        self.databaseLogin = databaseLogin
    }
}

/// A session of one person on a migrated database: every transaction records them as the actor
/// (`cchc.user`) and runs under their role, so audit and row-level security see who acts.
///
/// Who the person is comes from the connection: the `users` row mapped to the PostgreSQL login
/// (`session_user`). Only an operator — a superuser, the database's owner, or an administrator — may act
/// for someone else (`actingAs`, the tools' `--as`); the database checks it again on every write and the
/// audit records "operator acting as person".
public final class Store {
    public let connection: Connection
    /// The person acting.
    public let user: UserRecord
    /// Who runs the session for `user` (their login, or the PostgreSQL login when it is nobody's), when
    /// acting for someone else; nil when people act as themselves.
    public let operatorLogin: String?
    /// The web session token the person signed in with, for the web application's stores: every
    /// transaction hands it to the database, which takes the person from it (`cchc.web_token`).
    let webToken: String?

    /// Opens a session as the person of the connection's login, or — for an operator — as `actingAs`.
    ///
    /// On an empty registry the first session of an operator, or of a login granted `cchc_admin`, creates
    /// the first administrator: `actingAs`, else `bootstrapLogin`, else the PostgreSQL login name, mapped
    /// to that login (the one who set the system up).
    public init(connection: Connection, actingAs requested: String? = nil, bootstrapLogin: String? = nil)
        throws(StoreError)
    {
        self.connection = connection
        self.webToken = nil
        let requested = requested.map(VietnameseText.nfc).flatMap { $0.isEmpty ? nil : $0 }
        do {
            (user, operatorLogin) = try connection.withTransaction { connection in
                let session = try Store.sessionIdentity(connection)
                if let own = session.person, requested == nil || requested == own.login {
                    return (own, nil)
                }
                if session.isOperator || session.mayBootstrap,
                    try connection.query("SELECT NOT EXISTS (SELECT 1 FROM users)").scalar(Bool.self)
                {
                    // Serialise bootstraps so two first commands cannot both become the first admin.
                    try connection.query("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE")
                    if try connection.query("SELECT NOT EXISTS (SELECT 1 FROM users)").scalar(Bool.self) {
                        let login = requested ?? bootstrapLogin ?? session.login
                        // No `cchc.user`: the row maps the session's login, so the audit names the new person.
                        try connection.query(
                            """
                            INSERT INTO users (login, display_name, role, db_login)
                            VALUES (\(login), \(login), 'admin', \(session.login))
                            """)
                        return (try Store.findUser(connection, login: login)!, nil)
                    }
                }
                guard let requested else { throw StoreError.unmappedLogin(session.login, operator: session.isOperator) }
                guard session.isOperator else {
                    throw StoreError.actingForbidden(
                        databaseLogin: session.login, person: session.person?.login, requested: requested)
                }
                guard let user = try Store.findUser(connection, login: requested) else {
                    throw StoreError.unknownUser(requested)
                }
                return (user, session.person?.login ?? session.login)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresError {
            throw .database(error)
        } catch {
            throw .invalid(String(describing: error))
        }
        guard user.active else { throw .inactiveUser(user.login) }
    }

    /// A store for one request of the web application: the person of a live web session (read with
    /// `WebSessions.session`). The database checks the token again in every transaction.
    public init(connection: Connection, webSession: WebSession) {
        self.connection = connection
        self.user = webSession.user
        self.operatorLogin = nil
        self.webToken = webSession.token
    }

    /// The session's PostgreSQL login, its person, and what it may do.
    struct SessionIdentity {
        var login: String
        var person: UserRecord?
        /// May act for others (superuser, member of the database owner, active administrator).
        var isOperator: Bool
        /// Was granted `cchc_admin` by the database administrator (may create the first administrator).
        var mayBootstrap: Bool
    }

    static func sessionIdentity(_ connection: Connection) throws -> SessionIdentity {
        let row = try connection.query(
            """
            SELECT session_user::text, cchc_session_is_operator(),
                   EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cchc_admin' AND pg_has_role(session_user, oid, 'MEMBER'))
            """
        ).first!
        let login = try row.decode(String.self, at: 0)
        return SessionIdentity(
            login: login, person: try findUser(connection, databaseLogin: login),
            isOperator: try row.decode(Bool.self, at: 1), mayBootstrap: try row.decode(Bool.self, at: 2))
    }

    static let userColumns = "id, login, display_name, role, unit_id, active, db_login"

    static func user(_ row: PostgresRow) throws -> UserRecord {
        UserRecord(
            id: try row.decode(Int64.self, at: 0), login: try row.decode(String.self, at: 1),
            displayName: try row.decode(String?.self, at: 2),
            role: UserRole(rawValue: try row.decode(String.self, at: 3)) ?? .viewer,
            unitID: try row.decode(Int64?.self, at: 4), active: try row.decode(Bool.self, at: 5),
            databaseLogin: try row.decode(String?.self, at: 6))
    }

    static func findUser(_ connection: Connection, login: String) throws -> UserRecord? {
        try connection.query(
            "SELECT \(unsafeRaw: userColumns) FROM users WHERE lower(login) = lower(\(login))"
        ).first.map(user)
    }

    static func findUser(_ connection: Connection, databaseLogin: String) throws -> UserRecord? {
        try connection.query(
            "SELECT \(unsafeRaw: userColumns) FROM users WHERE db_login = \(databaseLogin)"
        ).first.map(user)
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
                try act(on: connection)
                return try body(connection)
            }
        } catch let error as PostgresError {
            throw StoreError.from(error, login: user.login, action: action)
        }
    }

    /// Records the person as the actor of the current transaction (their web session's token, or their
    /// login) and switches to their role.
    func act(on connection: Connection) throws(PostgresError) {
        try Self.act(as: user, webToken: webToken, on: connection)
    }

    static func act(as user: UserRecord, webToken: String?, on connection: Connection) throws(PostgresError) {
        if let webToken {
            try connection.query("SELECT set_config('cchc.web_token', \(webToken), true)")
        } else {
            try connection.query("SELECT set_config('cchc.user', \(user.login), true)")
        }
        try connection.query(SQL(unsafeSQL: "SET LOCAL ROLE \(user.role.databaseRole)"))
    }

    /// Refuses unless the person is an administrator (checked again by PostgreSQL on write).
    public func requireAdmin(_ action: String) throws(StoreError) {
        guard user.role == .admin else { throw .forbidden(login: user.login, action: action) }
    }
}
