import CLISupport
import Foundation
import PlanCore
import PlanStore

/// Turns command-line text into store values, naming the option in every refusal.
enum Arguments {
    /// Runs a lookup; "not found" and "ambiguous" name the option they came from.
    static func resolving<T>(_ option: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            switch error {
            case .notFound, .ambiguous: throw ToolError.argument(option, error.description)
            default: throw error
            }
        }
    }

    static func unit(_ store: Store, _ text: String, option: String, on day: Day? = nil) throws -> UnitRecord {
        try resolving(option) { try store.findUnit(text, on: day) }
    }

    static func plan(_ store: Store, _ text: String, option: String = "--plan") throws -> StoredPlan {
        try resolving(option) { try store.findPlan(text) }
    }

    static func activity(_ store: Store, _ text: String, plan: String?, option: String) throws -> ActivityRow {
        try resolving(option) { try store.findActivity(text, plan: plan) }
    }

    static func day(_ text: String?, _ option: String) throws -> Day? {
        try DayArgument.parse(optional: text, option: option)
    }

    /// "12", "1.000" (a thousand), "2,5" or "2.5"; "1,000" is refused as ambiguous (TypedInput.quantity).
    static func quantity(_ text: String, option: String = "--quantity") throws -> Double {
        do {
            return try TypedInput.quantity(text)
        } catch {
            throw ToolError.argument(option, error.message)
        }
    }

    /// A schedule in Vietnamese, read by the importer's grammar; unreadable text is refused unless the
    /// person says the time frame is really unspecified.
    static func schedule(_ text: String, planYear: Int, unscheduled: Bool, option: String = "--schedule") throws
        -> Schedule
    {
        let schedule = ScheduleGrammar.parse(text, planYear: planYear)
        guard !schedule.text.isEmpty else { throw ToolError.argument(option, "không được để trống.") }
        if schedule.kind == .unspecified, !unscheduled {
            throw ToolError.argument(
                option,
                "không đọc được thời gian thực hiện \"\(schedule.text)\". Ví dụ hợp lệ: \"Quý II/\(planYear)\", "
                    + "\"Tháng 6/\(planYear)\", \"Trước ngày 15/12/\(planYear)\", \"Thường xuyên\", \"6 tháng đầu năm\". "
                    + "Nếu thời gian thật sự chưa xác định (\"Khi có yêu cầu\"), thêm --unscheduled.")
        }
        return schedule
    }

    static func kind(_ text: String, option: String = "--kind") throws -> OrgUnit.Kind {
        let key = VietnameseText.foldedKey(text)
        if let kind = OrgUnit.Kind(rawValue: key) { return kind }
        if let kind = OrgUnit.Kind.allCases.first(where: { VietnameseText.foldedKey($0.vietnamese) == key }) {
            return kind
        }
        throw ToolError.argument(
            option,
            "loại đơn vị \"\(text)\" không hợp lệ; chọn một trong: "
                + OrgUnit.Kind.allCases.map { "\($0.rawValue) (\($0.vietnamese))" }.joined(separator: ", ") + ".")
    }

    static func role(_ text: String, option: String = "--role") throws -> AssignmentRole {
        switch VietnameseText.accentInsensitiveKey(text) {
        case "lead", "chu tri", "chu-tri": return .lead
        case "coordinating", "phoi hop", "phoi-hop": return .coordinating
        default:
            throw ToolError.argument(
                option, "vai trò \"\(text)\" không hợp lệ; chọn lead (chủ trì) hoặc coordinating (phối hợp).")
        }
    }

    static func userRole(_ text: String, option: String = "--role") throws -> UserRole {
        if let role = UserRole(rawValue: text.lowercased()) { return role }
        throw ToolError.argument(option, "vai trò \"\(text)\" không hợp lệ; chọn admin, unit hoặc viewer.")
    }

    static func statuses(_ texts: [String], option: String = "--status") throws -> Set<ActivityStatus> {
        Set(
            try texts.map { text in
                let key = VietnameseText.accentInsensitiveKey(text).replacingOccurrences(of: "-", with: " ")
                if let status = ActivityStatus.allCases.first(where: {
                    $0.rawValue.lowercased() == key.replacingOccurrences(of: " ", with: "")
                        || VietnameseText.accentInsensitiveKey(Wording.status($0)) == key
                }) {
                    return status
                }
                throw ToolError.argument(
                    option,
                    "tình trạng \"\(text)\" không hợp lệ; chọn: "
                        + ActivityStatus.allCases.map { "\($0.rawValue) (\(Wording.status($0)))" }.joined(
                            separator: ", ") + ".")
            })
    }

    static func regime(_ text: String, option: String = "--regime") throws -> ReportingRegime {
        do {
            return try ReportingRegime.named(text)
        } catch {
            throw ToolError.argument(option, error.description)
        }
    }

    static func period(_ text: String, option: String = "--period") throws -> PeriodID {
        do {
            return try PeriodID(parsing: text)
        } catch {
            throw ToolError.argument(option, error.description)
        }
    }
}
