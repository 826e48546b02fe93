import PlanCore
import PlanStore

/// What an import did, for people (Vietnamese text) and scripts (JSON): as `cchc-import plan` prints it,
/// kept here so that every front end says the same.
public enum ImportReport {
    public static func outcomeName(_ outcome: PlanImportResult.Outcome) -> String {
        switch outcome {
        case .created: "created"
        case .unchanged: "unchanged"
        case .refused: "refused"
        case .replaced: "replaced"
        }
    }

    public static func json(_ result: PlanImportResult, plan: PlanDocument) -> JSONValue {
        .object([
            ("outcome", .string(outcomeName(result.outcome))),
            ("plan", .string(result.reference)),
            ("planId", .int(Int(result.planID))),
            ("revision", .int(result.revision)),
            ("activities", .int(result.activityCount)),
            ("source", .object([("file", .string(plan.source.file)), ("sha256", .string(plan.source.sha256))])),
            ("linkedParent", .string(result.linkedParent)),
            ("linkedChildren", .strings(result.linkedChildren)),
            ("reviewUnits", .strings(result.reviewUnits)),
            ("changes", .strings(result.changes.lines)),
            ("warnings", .array(plan.warnings.map(\.json))),
        ])
    }

    public static func text(_ result: PlanImportResult, plan: PlanDocument) -> String {
        var lines: [String] = []
        let name = "Kế hoạch \(result.reference)" + (plan.document.title.map { " — \($0)" } ?? "")
        switch result.outcome {
        case .created:
            lines.append("Đã nhập \(name): \(result.activityCount) hoạt động (bản \(result.revision)).")
        case .unchanged:
            lines.append("\(name) đã được nhập trước đó với cùng nội dung; không có gì thay đổi.")
        case .refused:
            lines.append("\(name) đã có (bản \(result.revision)); tệp \(plan.source.file) khác bản đã lưu:")
        case .replaced(let previous):
            lines.append("Đã thay thế \(name): bản \(previous) → bản \(result.revision) (bản cũ vẫn được giữ).")
        }
        if result.outcome != .created && result.outcome != .unchanged {
            lines.append(contentsOf: result.changes.lines.map { "  \($0)" })
        }
        if let parent = result.linkedParent {
            lines.append("Đã liên kết với kế hoạch cấp trên \(parent).")
        } else if let parent = plan.parent?.code, result.outcome != .unchanged, result.outcome != .refused {
            lines.append("Kế hoạch cấp trên \(parent) chưa có trong hệ thống; sẽ tự liên kết khi được nhập.")
        }
        if !result.linkedChildren.isEmpty {
            lines.append("Đã liên kết các kế hoạch cấp dưới: \(result.linkedChildren.joined(separator: ", ")).")
        }
        if !result.reviewUnits.isEmpty {
            lines.append("Đơn vị mới cần rà soát (cchc-admin unit review):")
            lines.append(contentsOf: result.reviewUnits.map { "  - \($0)" })
        }
        if !plan.warnings.isEmpty, result.outcome != .unchanged {
            lines.append("Cảnh báo:")
            lines.append(contentsOf: plan.warnings.map { "  - \($0.message)" + ($0.location.map { " (\($0))" } ?? "") })
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
