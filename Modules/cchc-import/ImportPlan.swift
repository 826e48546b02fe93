import ArgumentParser
import CLISupport
import Foundation
import PlanApp
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
            Terminal.write(format == .json ? plan.json.serialized() : PlanSummary.render(plan))
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
