import ArgumentParser
import CLISupport

/// `cchc-export`: periodic reports for Sở Nội vụ, the plan document itself, and provincial aggregation.
@main
struct CchcExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cchc-export",
        abstract: "Xuất báo cáo định kỳ (Word theo Nghị định 30/2020, Excel, PDF, JSON, CSV, Markdown), văn bản kế hoạch và bảng tổng hợp của tỉnh.",
        subcommands: [
            ReportCommand.self, NoteCommand.self, SettingsCommand.self, SnapshotCommand.self, PlanCommand.self,
            AggregateCommand.self, TemplateCommand.self,
        ])

    static func main() {
        ToolMain.run(CchcExport.self)
    }
}
