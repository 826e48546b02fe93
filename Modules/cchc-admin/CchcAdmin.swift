import ArgumentParser
import CLISupport

/// `cchc-admin`: units, plans, activities, progress, users, audit, and the database itself.
@main
struct CchcAdmin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cchc-admin",
        abstract: "Quản lý kế hoạch thông tin, tuyên truyền cải cách hành chính: đơn vị, kế hoạch, hoạt động, tiến độ, người dùng, nhật ký và cơ sở dữ liệu.",
        subcommands: [
            StatusCommand.self, UnitCommand.self, PlanCommand.self, ActivityCommand.self, ProgressCommand.self,
            PeriodCommand.self, UserCommand.self, AuditCommand.self, DatabaseCommand.self,
        ])

    static func main() {
        ToolMain.run(CchcAdmin.self)
    }
}
