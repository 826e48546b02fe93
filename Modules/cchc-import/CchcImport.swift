import ArgumentParser
import CLISupport

/// `cchc-import`: reads plan documents (.docx, .txt, .md) into the plan model and the database.
@main
struct CchcImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cchc-import",
        abstract: "Nhập kế hoạch từ văn bản (.docx, .txt, .md) vào hệ thống.",
        subcommands: [ImportPlan.self])

    static func main() {
        ToolMain.run(CchcImport.self)
    }
}
