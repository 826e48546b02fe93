import CLISupport
import PlanCore
import PlanStore

/// Vietnamese words the tables print.
enum Wording {
    static func status(_ status: ActivityStatus) -> String { status.vietnamese }

    static func color(_ status: ActivityStatus) -> Terminal.Color {
        switch status {
        case .done: return .green
        case .doneLate: return .yellow
        case .inProgress: return .blue
        case .notStarted, .noResult, .cancelled: return .gray
        case .overdue: return .red
        }
    }

    static func state(_ state: ActivityState) -> String {
        switch state {
        case .open: return "đang mở"
        case .done(let day): return "hoàn thành (\(day.vietnamese))"
        case .cancelled(let day): return "dừng thực hiện (\(day.vietnamese))"
        }
    }

    static func role(_ role: AssignmentRole) -> String { role == .lead ? "chủ trì" : "phối hợp" }

    static func userRole(_ role: UserRole) -> String {
        switch role {
        case .admin: return "quản trị (Văn phòng Sở)"
        case .unit: return "cán bộ đơn vị"
        case .viewer: return "chỉ xem"
        }
    }

    static func validity(_ from: Day?, _ to: Day?) -> String {
        switch (from, to) {
        case (nil, nil): return ""
        case (let from?, nil): return "từ \(from.vietnamese)"
        case (nil, let to?): return "đến \(to.vietnamese)"
        case (let from?, let to?): return "\(from.vietnamese) – \(to.vietnamese)"
        }
    }

    static func day(_ day: Day?) -> JSONValue { .string(day?.iso) }

    /// A schedule as JSON (the `cchc.plan/v1` shape).
    static func schedule(_ schedule: Schedule) -> JSONValue { schedule.json }
}

extension Terminal {
    /// Writes a line (adds the newline).
    static func line(_ text: String = "") { write(text + "\n") }
}
