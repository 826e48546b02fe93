import ArgumentParser
import CLISupport
import PlanCore
import PlanStore

/// `cchc-admin audit`: who changed what, when, from what to what.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Nhật ký thay đổi: ai, lúc nào, thao tác gì, trên bảng/dòng nào, giá trị trước → sau.")

    @Option(help: "Từ ngày (giờ Việt Nam).") var since: String?
    @Option(help: "Đến hết ngày.") var until: String?
    @Option(help: "Chỉ các thay đổi của một hoạt động (cả phân công, sản phẩm, tiến độ, tài liệu kiểm chứng).")
    var activity: String?
    @Option(help: "Kế hoạch, khi --activity chỉ ghi mục.") var plan: String?
    @Option(help: "Chỉ một bảng (units, activities, progress_entries, period_locks, users…).") var table: String?
    @Option(help: "Chỉ thay đổi của người này.") var actor: String?
    @Option(help: "Chỉ N thay đổi gần nhất.") var limit: Int?
    @OptionGroup var output: FormatOption
    @OptionGroup var session: SessionOptions

    func run() throws {
        let since = try Arguments.day(since, "--since")
        let until = try Arguments.day(until, "--until")
        if let limit, limit <= 0 { throw ToolError.argument("--limit", "phải là số dương.") }
        let store = try session.open()
        let activity = try activity.map { try Arguments.activity(store, $0, plan: plan, option: "--activity") }
        let entries = try Arguments.resolving("--table") {
            try store.auditLog(
                AuditFilter(
                    since: since, until: until, activityID: activity?.id, table: table, actor: actor, limit: limit))
        }
        let tabular = output.format == .table
        var listing = Listing(columns: [
            .init("id", "Mã", numeric: true), .init("at", "Thời điểm"), .init("actor", "Người thực hiện"),
            .init("action", "Thao tác"), .init("table", "Bảng"), .init("row", "Dòng"), .init("changes", "Thay đổi"),
            .init("operator", "Người làm thay"),
        ])
        for entry in entries {
            let changes: JSONValue
            if tabular || output.format == .csv {
                changes = .string(entry.summary)
            } else {
                changes = .array(entry.changes.map(Self.change))
            }
            listing.append([
                .int(Int(entry.id)), .string(entry.at), .string(entry.actor),
                .string(tabular ? Self.action(entry.action) : entry.action), .string(entry.table), .string(entry.rowID),
                changes, .string(entry.operatorLogin),
            ])
        }
        Terminal.write(listing.render(output.format))
    }

    static func change(_ change: AuditChange) -> JSONValue {
        .object([
            ("field", .string(change.field)), ("before", change.before ?? .null), ("after", change.after ?? .null),
        ])
    }

    static func action(_ action: String) -> String {
        switch action {
        case "insert": return "thêm"
        case "update": return "sửa"
        case "delete": return "xóa"
        default: return action
        }
    }
}
