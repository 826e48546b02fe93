import ArgumentParser
import CLISupport

/// `cchc-admin`: units, plans, activities, progress, users, audit, and the database itself.
@main
struct CchcAdmin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cchc-admin",
        abstract: "Quản lý kế hoạch thông tin, tuyên truyền cải cách hành chính: đơn vị, kế hoạch, hoạt động, tiến độ, người dùng, nhật ký và cơ sở dữ liệu.",
        subcommands: [DatabaseCommand.self])

    static func main() {
        ToolMain.run(CchcAdmin.self)
    }
}
