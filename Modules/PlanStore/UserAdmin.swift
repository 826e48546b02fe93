import PlanCore
import Postgres

/// A person as `user list` shows it, with the name of their unit.
public struct UserListing: Hashable, Sendable {
    public var user: UserRecord
    public var unitName: String?
    public var createdAt: String
}

extension Store {
    /// Everyone known to the system, by login.
    public func listUsers() throws -> [UserListing] {
        try transaction("xem danh sách người dùng") { connection in
            try connection.query(
                """
                SELECT us.id, us.login, us.display_name, us.role, us.unit_id, us.active, us.db_login, u.name,
                       to_char(us.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI')
                  FROM users us LEFT JOIN units u ON u.id = cchc_unit_on(us.unit_id, \(Store.today.iso)::date)
                 ORDER BY us.login
                """
            ).map { row in
                UserListing(
                    user: try Store.user(row), unitName: try row.decode(String?.self, at: 7),
                    createdAt: try row.decode(String.self, at: 8))
            }
        }
    }

    /// Registers a person (admin). Unit staff need their unit; a known login (in any case) is refused.
    /// `databaseLogin` maps the person to their PostgreSQL login, which then holds their group role.
    public func addUser(
        login: String, role: UserRole, unitID: Int64?, displayName: String?, databaseLogin: String? = nil
    ) throws -> UserListing {
        try requireAdmin("thêm người dùng")
        let name = VietnameseText.nfc(login)
        guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
            throw StoreError.invalid(
                "Tên đăng nhập \"\(login)\" không hợp lệ: không được trống và không chứa khoảng trắng.")
        }
        if role == .unit, unitID == nil {
            throw StoreError.invalid("Người dùng vai trò unit cần có đơn vị (--unit).")
        }
        try transaction("thêm người dùng") { connection in
            if let existing = try Store.findUser(connection, login: name) {
                throw StoreError.invalid(
                    existing.login == name
                        ? "Người dùng \"\(name)\" đã có."
                        : "Người dùng \"\(name)\" trùng với \"\(existing.login)\" (tên đăng nhập không phân biệt chữ hoa, chữ thường).")
            }
            try connection.query(
                """
                INSERT INTO users (login, display_name, role, unit_id, db_login)
                VALUES (\(name), \(displayName.map(VietnameseText.nfc)), \(role.rawValue), \(unitID), \(databaseLogin))
                """)
        }
        return try listUsers().first { $0.user.login == name }!
    }

    /// Khóa / mở khóa: a disabled person can no longer open a session. The last active administrator
    /// cannot be disabled.
    public func setUserActive(_ login: String, active: Bool) throws -> UserListing {
        try requireAdmin(active ? "mở khóa người dùng" : "khóa người dùng")
        let name = VietnameseText.nfc(login)
        try transaction(active ? "mở khóa người dùng" : "khóa người dùng") { connection in
            // Two administrators disabling each other at once must not leave nobody: serialise.
            try connection.query("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE")
            guard let row = try connection.query("SELECT role, active FROM users WHERE login = \(name)").first
            else { throw StoreError.notFound(what: "người dùng", reference: login) }
            if !active, try row.decode(String.self, at: 0) == "admin", try row.decode(Bool.self, at: 1) {
                let admins = try connection.query(
                    "SELECT count(*) FROM users WHERE role = 'admin' AND active AND login <> \(name)"
                ).scalar(Int.self)
                guard admins > 0 else {
                    throw StoreError.invalid(
                        "Không thể khóa \"\(name)\": đây là quản trị viên cuối cùng còn hoạt động.")
                }
            }
            try connection.query("UPDATE users SET active = \(active) WHERE login = \(name)")
        }
        return try listUsers().first { $0.user.login == name }!
    }

    /// Maps a person to a PostgreSQL login (nil: no login, the person is reached only through an operator
    /// or the web application). The login then holds exactly the person's group role.
    public func setDatabaseLogin(_ login: String, to databaseLogin: String?) throws -> UserListing {
        try requireAdmin("gắn tài khoản PostgreSQL")
        let name = VietnameseText.nfc(login)
        let user = try transaction("gắn tài khoản PostgreSQL") { connection in
            guard let user = try Store.findUser(connection, login: name) else {
                throw StoreError.notFound(what: "người dùng", reference: login)
            }
            if let databaseLogin, let other = try Store.findUser(connection, databaseLogin: databaseLogin),
                other.id != user.id
            {
                throw StoreError.invalid(
                    "Tài khoản PostgreSQL \"\(databaseLogin)\" đã gắn với người dùng \"\(other.login)\".")
            }
            try connection.query("UPDATE users SET db_login = \(databaseLogin) WHERE id = \(user.id)")
            return user
        }
        return try listUsers().first { $0.user.id == user.id }!
    }
}
