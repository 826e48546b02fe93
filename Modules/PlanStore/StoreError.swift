import Postgres

/// What went wrong in the store, with what a person needs to fix it (Vietnamese description).
public enum StoreError: Error, CustomStringConvertible {
    /// The person is not in `users` (and the registry is not empty, so nobody is bootstrapped).
    case unknownUser(String)
    case inactiveUser(String)
    /// A session that is not an operator asked to act for someone else (`--as`).
    case actingForbidden(databaseLogin: String, person: String?, requested: String)
    /// The PostgreSQL login is nobody's, and the registry already has people.
    case unmappedLogin(String, operator: Bool)
    /// A reference (unit, plan, activity, period…) that matches nothing; `what` is the Vietnamese noun.
    /// `suggestions`: existing names close to the reference ("Có phải: …?").
    case notFound(what: String, reference: String, suggestions: [String] = [])
    /// A reference that matches several things; the candidates help the person choose.
    case ambiguous(what: String, reference: String, candidates: [String])
    /// Someone else changed the row since it was read (version check).
    case conflict(what: String, reference: String, expected: Int, found: Int)
    /// PostgreSQL refused the write for this person (role or row-level security).
    case forbidden(login: String, action: String)
    /// The reporting period is locked after submission.
    case periodLocked(period: String)
    /// A domain rule the input breaks, in Vietnamese.
    case invalid(String)
    case database(PostgresError)

    public var description: String {
        switch self {
        case .unknownUser(let login):
            return "Người dùng \"\(login)\" chưa được đăng ký. Nhờ quản trị viên chạy: cchc-admin user add \(login) --role …"
        case .inactiveUser(let login):
            return "Người dùng \"\(login)\" đã bị khóa."
        case let .actingForbidden(databaseLogin, person, requested):
            let who = person.map { "Người dùng \"\($0)\" (tài khoản PostgreSQL \"\(databaseLogin)\")" }
                ?? "Tài khoản PostgreSQL \"\(databaseLogin)\""
            return "\(who) không được thực hiện thay người khác (--as \(requested)): chỉ quản trị viên mới được làm thay. "
                + "Mỗi người kết nối bằng tài khoản PostgreSQL của chính mình."
        case let .unmappedLogin(login, isOperator):
            return "Tài khoản PostgreSQL \"\(login)\" chưa gắn với người dùng nào của cchc. "
                + (isOperator
                    ? "Dùng --as TÊN để làm thay một người dùng, hoặc gắn tài khoản: cchc-admin user login TÊN --db-login \(login)"
                    : "Nhờ quản trị viên gắn tài khoản: cchc-admin user login TÊN --db-login \(login)")
        case let .notFound(what, reference, suggestions):
            return "Không tìm thấy \(what) \"\(reference)\"."
                + (suggestions.isEmpty ? "" : " Có phải: " + suggestions.map { "\"\($0)\"" }.joined(separator: "; ") + "?")
        case let .ambiguous(what, reference, candidates):
            return "\"\(reference)\" khớp với nhiều \(what): " + candidates.joined(separator: "; ")
                + (what == "đơn vị"
                    ? ". Hãy dùng mã số (#…) hoặc ghi kèm đơn vị cấp trên, ví dụ \"Sở Tư pháp > Văn phòng Sở\"."
                    : ". Hãy ghi rõ hơn (hoặc dùng mã số).")
        case let .conflict(what, reference, expected, found):
            return "Xung đột: \(what) \(reference) vừa được người khác sửa (phiên bản \(expected) → \(found)). "
                + "Không có gì bị ghi đè; hãy xem lại rồi sửa lại."
        case let .forbidden(login, action):
            return "Người dùng \"\(login)\" không có quyền \(action)."
        case .periodLocked(let period):
            return "Kỳ báo cáo \(period) đã khóa sau khi nộp; quản trị viên phải mở lại kỳ (cchc-admin period reopen) trước khi ghi thêm."
        case .invalid(let message):
            return message
        case .database(let error):
            return error.description
        }
    }

    /// Classifies a PostgreSQL failure of a write by `login` doing `action`.
    static func from(_ error: PostgresError, login: String, action: String) -> StoreError {
        switch error.hint {
        case "login-missing":
            return .invalid(
                "Máy chủ PostgreSQL không có tài khoản \"\(error.detail ?? "")\": nhờ người quản trị máy chủ tạo "
                    + "(CREATE ROLE \"\(error.detail ?? "")\" LOGIN …) rồi gắn lại.")
        case "login-privileged":
            return .invalid(
                "Tài khoản PostgreSQL \"\(error.detail ?? "")\" có quyền quản trị máy chủ hoặc là chủ cơ sở dữ liệu; "
                    + "chỉ gắn được cho người dùng vai trò admin.")
        case "grant-roles-missing":
            return .invalid(
                "Chủ sở hữu lược đồ chưa được quyền cấp các vai trò cchc_admin, cchc_unit, cchc_viewer: "
                    + "chạy lại deploy/postgres/setup-roles.sql với quyền superuser.")
        case "user-missing":
            return .notFound(what: "người dùng", reference: String(error.message.dropFirst("cchc: no user ".count)))
        case "snapshot-immutable":
            return .invalid("Bản báo cáo đã nộp không bao giờ bị sửa hay xóa.")
        default: break
        }
        if error.hint == "act-as-forbidden" {
            return .actingForbidden(databaseLogin: error.detail ?? "", person: nil, requested: login)
        }
        if error.isInsufficientPrivilege { return .forbidden(login: login, action: action) }
        if error.isRaisedException, error.hint == "period-locked" {
            return .periodLocked(period: error.detail ?? "")
        }
        return .database(error)
    }
}
