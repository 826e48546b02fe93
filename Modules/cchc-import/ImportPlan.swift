import ArgumentParser
import CLISupport
import Foundation
import PlanCore
import PlanImport
import PlanStore

/// `cchc-import plan FILE`: read a plan document; store it unless `--dry-run`.
struct ImportPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Đọc một kế hoạch (.docx, .txt, .md) và lưu vào cơ sở dữ liệu (hoặc chỉ xem với --dry-run).",
        discussion: """
            Loại tệp được nhận biết theo nội dung. Với --dry-run, không ghi gì vào cơ sở dữ liệu: \
            --format json in ra cchc.plan/v1, --format text in bản tóm tắt. Nhập lại cùng một tệp không thay đổi gì; \
            một phiên bản khác của kế hoạch đã có chỉ thay thế bản cũ khi có --replace (bản cũ vẫn được giữ).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Tệp kế hoạch.")
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Chỉ đọc và in kết quả, không ghi vào cơ sở dữ liệu.")
    var dryRun = false

    @Option(help: "Định dạng đầu ra: text hoặc json.")
    var format: Format = .text

    @Flag(help: "Thay thế kế hoạch đã có bằng phiên bản trong tệp này (giữ lại bản cũ).")
    var replace = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOption

    func run() throws {
        let plan = try PlanImporter().read(file: URL(fileURLWithPath: file))
        if dryRun {
            Terminal.write(format == .json ? plan.json.serialized() : StoredPlan.render(plan))
            return
        }
        let store = try database.openStore(identity)
        do {
            let result = try store.importPlan(plan, replace: replace)
            Terminal.write(format == .json ? ImportReport.json(result, plan: plan).serialized() : ImportReport.text(result, plan: plan))
        } catch let refusal as PlanImportRefusal {
            if format == .json {
                Terminal.write(ImportReport.json(refusal.result, plan: plan).serialized())
            } else {
                Terminal.write(ImportReport.text(refusal.result, plan: plan))
            }
            throw ToolError(refusal.description)
        }
    }
}

/// What an import did, for people (Vietnamese text) and scripts (JSON).
enum ImportReport {
    static func outcomeName(_ outcome: PlanImportResult.Outcome) -> String {
        switch outcome {
        case .created: "created"
        case .unchanged: "unchanged"
        case .refused: "refused"
        case .replaced: "replaced"
        }
    }

    static func json(_ result: PlanImportResult, plan: PlanDocument) -> JSONValue {
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

    static func text(_ result: PlanImportResult, plan: PlanDocument) -> String {
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
