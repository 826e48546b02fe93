import Postgres

/// What went wrong in the store, with what a person needs to fix it (Vietnamese description).
public enum StoreError: Error, CustomStringConvertible {
    /// The person is not in `users` (and the registry is not empty, so nobody is bootstrapped).
    case unknownUser(String)
    case inactiveUser(String)
    /// A reference (unit, plan, activity, period…) that matches nothing; `what` is the Vietnamese noun.
    case notFound(what: String, reference: String)
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
        case let .notFound(what, reference):
            return "Không tìm thấy \(what) \"\(reference)\"."
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
        if error.isInsufficientPrivilege { return .forbidden(login: login, action: action) }
        if error.isRaisedException, error.hint == "period-locked" {
            return .periodLocked(period: error.detail ?? "")
        }
        return .database(error)
    }
}
