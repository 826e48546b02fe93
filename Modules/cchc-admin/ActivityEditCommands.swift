import ArgumentParser
import CLISupport
import PlanCore
import PlanStore

/// Which activity a change is about, and the version the person read.
struct ActivityTarget: ParsableArguments {
    @Argument(help: "Hoạt động (KẾ_HOẠCH#MỤC, MỤC kèm --plan, hoặc #mã).") var activity: String
    @Option(help: "Kế hoạch, khi HOẠT_ĐỘNG chỉ ghi mục.") var plan: String?
    @Option(help: "Phiên bản đã đọc (activity show); thay đổi bị từ chối nếu hoạt động đã được sửa sau đó.")
    var expectVersion: Int?

    func load(_ store: Store) throws -> ActivityRow {
        try Arguments.activity(store, activity, plan: plan, option: "HOẠT_ĐỘNG")
    }
}

enum ActivityReport {
    static func saved(_ row: ActivityRow, _ what: String) {
        Terminal.line("Đã \(what) hoạt động \(row.reference) (phiên bản \(row.version)).")
    }
}

struct ActivityAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Thêm một hoạt động vào kế hoạch.")
    @Option(help: "Kế hoạch (số ký hiệu hoặc #mã).") var plan: String
    @Option(help: "Nội dung hoạt động.") var title: String
    @Option(
        help:
            "Thời gian thực hiện bằng tiếng Việt (ví dụ \"Quý II/2024\", \"Trước ngày 15/12/2024\", \"Thường xuyên\").")
    var schedule: String
    @Flag(help: "Chấp nhận thời gian chưa xác định (ví dụ \"Khi có yêu cầu\").") var unscheduled = false
    @Option(help: "Mục trong kế hoạch (mặc định BS.n: hoạt động bổ sung).") var ref: String?
    @Option(help: "Nhóm nhiệm vụ (tiêu đề mục chứa hoạt động).") var group: String?
    @Option(help: "Đơn vị chủ trì (lặp lại cho nhiều đơn vị).") var lead: [String] = []
    @Option(help: "Đơn vị phối hợp (lặp lại cho nhiều đơn vị).") var coordinating: [String] = []
    @Option(help: "Sản phẩm (ví dụ \"02 lớp tập huấn\"; lặp lại).") var product: [String] = []
    @Option(help: "Nhiệm vụ của kế hoạch cấp trên mà hoạt động này thực hiện (KẾ_HOẠCH#MỤC).") var implements: String?
    @OptionGroup var session: SessionOptions

    func run() throws {
        let store = try session.open()
        let plan = try Arguments.plan(store, plan)
        let schedule = try Arguments.schedule(schedule, planYear: plan.year, unscheduled: unscheduled)
        let lead = try lead.map { try Arguments.unit(store, $0, option: "--lead").id }
        let coordinating = try coordinating.map { try Arguments.unit(store, $0, option: "--coordinating").id }
        let parent = try implements.map { try Arguments.activity(store, $0, plan: nil, option: "--implements").id }
        let row = try store.addActivity(
            NewActivity(
                planID: plan.id, ref: ref, title: title, group: group, schedule: schedule, lead: lead,
                coordinating: coordinating, products: product, parentActivityID: parent))
        Terminal.line("Đã thêm hoạt động \(row.reference) (#\(row.id)): \(row.title) — \(row.schedule.text).")
    }
}

struct ActivityEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Sửa nội dung, mục, nhóm, thời gian hoặc sản phẩm của hoạt động.")
    @OptionGroup var target: ActivityTarget
    @Option(help: "Nội dung mới.") var title: String?
    @Option(help: "Mục mới trong kế hoạch.") var ref: String?
    @Option(help: "Nhóm nhiệm vụ mới (chuỗi rỗng để bỏ).") var group: String?
    @Option(help: "Thời gian thực hiện mới bằng tiếng Việt.") var schedule: String?
    @Flag(help: "Chấp nhận thời gian chưa xác định.") var unscheduled = false
    @Option(help: "Sản phẩm (thay toàn bộ danh sách; lặp lại).") var product: [String] = []
    @OptionGroup var session: SessionOptions

    func run() throws {
        let store = try session.open()
        let row = try target.load(store)
        let schedule = try schedule.map { try Arguments.schedule($0, planYear: row.planYear, unscheduled: unscheduled) }
        let edit = PlanStore.ActivityEdit(
            ref: ref, title: title, group: group.map { $0.isEmpty ? nil : $0 }, schedule: schedule,
            products: product.isEmpty ? nil : product)
        guard !edit.isEmpty else {
            throw ToolError("Không có gì để sửa: hãy cho biết --title, --ref, --group, --schedule hoặc --product.")
        }
        ActivityReport.saved(try store.editActivity(row, edit, expectedVersion: target.expectVersion), "sửa")
    }
}

struct ActivityAssign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Giao hoạt động cho một đơn vị (chủ trì hoặc phối hợp).")
    @OptionGroup var target: ActivityTarget
    @Option(help: "Đơn vị (tên hoặc #mã).") var unit: String
    @Option(help: "Vai trò: lead (chủ trì) hoặc coordinating (phối hợp).") var role = "lead"
    @OptionGroup var session: SessionOptions

    func run() throws {
        let role = try Arguments.role(role)
        let store = try session.open()
        let row = try target.load(store)
        let unit = try Arguments.unit(store, unit, option: "--unit")
        ActivityReport.saved(
            try store.assign(row, unit: unit.id, role: role, expectedVersion: target.expectVersion),
            "giao \(unit.name) (\(Wording.role(role))) cho")
    }
}

struct ActivityUnassign: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unassign", abstract: "Bỏ giao hoạt động cho một đơn vị.")
    @OptionGroup var target: ActivityTarget
    @Option(help: "Đơn vị (tên hoặc #mã).") var unit: String
    @OptionGroup var session: SessionOptions

    func run() throws {
        let store = try session.open()
        let row = try target.load(store)
        let unit = try Arguments.unit(store, unit, option: "--unit")
        ActivityReport.saved(
            try store.unassign(row, unit: unit.id, expectedVersion: target.expectVersion), "bỏ giao \(unit.name) khỏi")
    }
}

struct ActivityStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Ghi nhận hoạt động đã hoàn thành, dừng thực hiện, hoặc mở lại (cán bộ đơn vị được làm với hoạt động của đơn vị mình)."
    )
    @OptionGroup var target: ActivityTarget
    @Argument(help: "done (hoàn thành), cancelled (dừng thực hiện) hoặc open (mở lại).") var state: String
    @Option(help: "Ngày hoàn thành / dừng (mặc định hôm nay).") var on: String?
    @Option(help: "Ghi chú (lý do dừng, văn bản kết quả…).") var note: String?
    @OptionGroup var session: SessionOptions

    func run() throws {
        let day = try Arguments.day(on, "--on") ?? Store.today
        let value: ActivityState
        switch VietnameseText.accentInsensitiveKey(state) {
        case "done", "hoan thanh", "hoan-thanh": value = .done(day)
        case "cancelled", "dung", "dung thuc hien", "dung-thuc-hien": value = .cancelled(day)
        case "open", "mo", "mo lai", "mo-lai": value = .open
        default: throw ToolError.argument("TÌNH_TRẠNG", "\"\(state)\" không hợp lệ; chọn done, cancelled hoặc open.")
        }
        let store = try session.open()
        let row = try target.load(store)
        let saved = try store.setActivityState(row, value, note: note, expectedVersion: target.expectVersion)
        Terminal.line("Hoạt động \(saved.reference): \(Wording.state(saved.state)) (phiên bản \(saved.version)).")
    }
}

struct ActivityLink: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link", abstract: "Gắn hoạt động với nhiệm vụ của kế hoạch cấp trên mà nó thực hiện (hoặc bỏ gắn)."
    )
    @OptionGroup var target: ActivityTarget
    @Option(help: "Nhiệm vụ cấp trên (KẾ_HOẠCH#MỤC hoặc #mã).") var to: String?
    @Flag(help: "Bỏ gắn.") var unlink = false
    @OptionGroup var session: SessionOptions

    func run() throws {
        guard (to == nil) == unlink else {
            throw ToolError.argument(
                "--to", unlink ? "không dùng cùng --unlink." : "hãy cho biết nhiệm vụ cấp trên, hoặc dùng --unlink.")
        }
        let store = try session.open()
        let row = try target.load(store)
        let parent = try to.map { try Arguments.activity(store, $0, plan: nil, option: "--to") }
        let saved = try store.linkActivity(row, to: parent?.id, expectedVersion: target.expectVersion)
        if let parent {
            Terminal.line(
                "Đã gắn \(saved.reference) với nhiệm vụ cấp trên \(parent.reference) (phiên bản \(saved.version)).")
        } else {
            Terminal.line("Đã bỏ gắn nhiệm vụ cấp trên của \(saved.reference) (phiên bản \(saved.version)).")
        }
    }
}
