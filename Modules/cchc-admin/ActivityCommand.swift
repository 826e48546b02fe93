import ArgumentParser
import CLISupport
import PlanCore
import PlanStore

/// `cchc-admin activity …`: the plan's activities.
struct ActivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract:
            "Hoạt động: danh sách, chi tiết, thêm, sửa, giao/bỏ giao đơn vị, cập nhật tình trạng, gắn với nhiệm vụ cấp trên.",
        discussion: """
            HOẠT_ĐỘNG là KẾ_HOẠCH#MỤC (ví dụ 45/KH-STP#III.2), hoặc MỤC kèm --plan, hoặc mã số #123 (hay 123). \
            Mọi thay đổi kiểm tra phiên bản đã đọc (--expect-version; mặc định là phiên bản lúc bắt đầu lệnh): \
            nếu người khác vừa sửa, lệnh bị từ chối và không ghi đè gì.
            """,
        subcommands: [
            List.self, Show.self, ActivityAdd.self, ActivityEdit.self, ActivityAssign.self, ActivityUnassign.self,
            ActivityStatusCommand.self, ActivityLink.self,
        ])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Danh sách hoạt động, có lọc theo kế hoạch, đơn vị, tình trạng, hạn.")
        @Option(help: "Kế hoạch (số ký hiệu hoặc #mã).") var plan: String?
        @Option(
            help: """
                Đơn vị chủ trì hoặc phối hợp (trực tiếp hoặc qua nhóm). Mặc định: đơn vị của người đang dùng, nếu là \
                người dùng của đơn vị; --all-units để xem mọi đơn vị.
                """)
        var unit: String?
        @Flag(help: "Mọi đơn vị, kể cả khi người đang dùng thuộc một đơn vị.") var allUnits = false
        @Option(help: "Chỉ các hoạt động thuộc kỳ báo cáo này (2024-Q2, 2024-H1…), tình trạng tính trong kỳ.")
        var period: String?
        @Flag(help: "Bảng đủ cột (phối hợp, thời gian, kết quả gần nhất, phiên bản); JSON và CSV luôn đủ cột.")
        var wide = false
        @Option(
            help:
                "Tình trạng: notStarted, inProgress, done, overdue, cancelled (hoặc tiếng Việt); lặp lại để chọn nhiều."
        )
        var status: [String] = []
        @Flag(help: "Chỉ các hoạt động quá hạn.") var overdue = false
        @Option(help: "Hạn (ngày cuối của thời gian thực hiện) từ ngày này.") var dueFrom: String?
        @Option(help: "Hạn đến ngày này.") var dueTo: String?
        @Option(help: "Ngày tính tình trạng (mặc định hôm nay).") var asOf: String?
        @Option(help: "Chế độ báo cáo cho kỳ số liệu dùng để xét hoạt động thường xuyên: cchc hoặc nd09.") var regime =
            "cchc"
        @OptionGroup var output: FormatOption
        @OptionGroup var session: SessionOptions

        func run() throws {
            var statuses = try Arguments.statuses(status)
            if overdue { statuses.insert(.overdue) }
            let dueFrom = try Arguments.day(dueFrom, "--due-from")
            let dueTo = try Arguments.day(dueTo, "--due-to")
            let regime = try Arguments.regime(regime)
            let window = try period.map { text in
                do {
                    return try regime.window(for: try Arguments.period(text))
                } catch let error as ToolError {
                    throw error
                } catch {
                    throw ToolError.argument("--period", "\(error)")
                }
            }
            // Within a period, statuses as of its last day unless the period is still running.
            let day = try Arguments.day(asOf, "--as-of") ?? window.map { min($0.to, Store.today) } ?? Store.today
            if unit != nil && allUnits { throw ValidationError("Chỉ dùng một trong --unit và --all-units.") }
            let store = try session.open()
            let plan = try plan.map { try Arguments.plan(store, $0) }
            var unitID = try unit.map { try Arguments.unit(store, $0, option: "--unit", on: day).id }
            var unitName = unit
            if unit == nil, !allUnits, store.user.role == .unit, let own = store.user.unitID {
                unitID = own
                unitName = try store.unit(id: own, namesOn: day).name
            }
            let activities = try store.listActivities(
                ActivityFilter(
                    planID: plan?.id, unitID: unitID, statuses: statuses, dueFrom: dueFrom, dueTo: dueTo, asOf: day,
                    regime: regime, period: window))
            Terminal.write(
                ActivityListingView.listing(activities, format: output.format, wide: wide).render(output.format))
            if output.format == .table {
                var scope = ""
                if let window { scope += " thuộc kỳ \(period!) (\(window.from.vietnamese) – \(window.to.vietnamese))" }
                if let unitName { scope += " của \(unitName)" + (unit == nil ? " (thêm --all-units để xem mọi đơn vị)" : "") }
                Terminal.line("\(activities.count) hoạt động\(scope); tình trạng tính đến \(day.vietnamese).")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Chi tiết một hoạt động, kèm mọi kết quả đã ghi.")
        @Argument(help: "Hoạt động (KẾ_HOẠCH#MỤC, MỤC kèm --plan, hoặc #mã).") var activity: String
        @Option(help: "Kế hoạch, khi HOẠT_ĐỘNG chỉ ghi mục.") var plan: String?
        @Option(help: "Ngày tính tình trạng (mặc định hôm nay).") var asOf: String?
        @OptionGroup var output: FormatOption
        @OptionGroup var session: SessionOptions

        func run() throws {
            let day = try Arguments.day(asOf, "--as-of") ?? Store.today
            let store = try session.open()
            let row = try Arguments.activity(store, activity, plan: plan, option: "HOẠT_ĐỘNG")
            let detail = try store.activityDetail(row.id, asOf: day)
            let a = detail.overview.activity
            switch output.format {
            case .json:
                Terminal.write(ActivityShowJSON.json(detail, asOf: day).serialized())
            case .csv:
                Terminal.write(ProgressListingView.listing(detail.progress, format: .csv).csv)
            case .table:
                Terminal.line("\(a.reference) (#\(a.id), phiên bản \(a.version)) — \(a.title)")
                if let group = a.group { Terminal.line("  Nhóm nhiệm vụ:  \(group)") }
                Terminal.line("  Chủ trì:        \(detail.overview.lead.map(\.unit.name).joined(separator: "; "))")
                if !detail.overview.coordinating.isEmpty {
                    Terminal.line(
                        "  Phối hợp:       \(detail.overview.coordinating.map(\.unit.name).joined(separator: "; "))")
                }
                Terminal.line(
                    "  Thời gian:      \(a.schedule.text)"
                        + (a.schedule.range.map { " (\($0.from.vietnamese) – \($0.to.vietnamese))" } ?? a.schedule.to
                            .map { " (hạn \($0.vietnamese))" } ?? ""))
                if !detail.products.isEmpty {
                    Terminal.line("  Sản phẩm:       \(detail.products.map(\.text).joined(separator: "; "))")
                }
                let status =
                    Wording.status(detail.overview.status)
                    + (detail.overview.statusDay.map { " (\($0.vietnamese))" } ?? "")
                Terminal.line(
                    "  Tình trạng:     \(Terminal.paint(status, Wording.color(detail.overview.status))) — tính đến \(day.vietnamese)"
                )
                if let note = a.stateNote { Terminal.line("  Ghi chú:        \(note)") }
                if let parent = a.parentReference { Terminal.line("  Thực hiện nhiệm vụ cấp trên: \(parent)") }
                if !detail.implementedBy.isEmpty {
                    Terminal.line(
                        "  Được triển khai bởi: \(detail.implementedBy.map(\.reference).joined(separator: ", "))")
                }
                if a.removedInRevision != nil {
                    Terminal.line("  (Hoạt động không còn trong bản mới nhất của kế hoạch.)")
                }
                Terminal.line("\nKết quả đã ghi (\(detail.progress.count)):")
                Terminal.write(ProgressListingView.listing(detail.progress, format: .table).table())
            }
        }
    }
}

/// `activity show --format json`.
enum ActivityShowJSON {
    static func json(_ detail: ActivityDetail, asOf: Day) -> JSONValue {
        let a = detail.overview.activity
        func units(_ list: [ActivityUnit]) -> JSONValue {
            .array(
                list.map {
                    .object([
                        ("id", .int(Int($0.unit.id))), ("name", .string($0.unit.name)),
                        ("writtenName", .string($0.writtenName)),
                    ])
                })
        }
        let state: (String, Day?) = {
            switch a.state {
            case .open: return ("open", nil)
            case .done(let day): return ("done", day)
            case .cancelled(let day): return ("cancelled", day)
            }
        }()
        return .object([
            ("id", .int(Int(a.id))), ("plan", .string(a.planReference)), ("ref", .string(a.ref)),
            ("reference", .string(a.reference)),
            ("title", .string(a.title)), ("group", .string(a.group)), ("lead", units(detail.overview.lead)),
            ("coordinating", units(detail.overview.coordinating)), ("schedule", a.schedule.json),
            (
                "products",
                .array(
                    detail.products.map {
                        .object([
                            ("text", .string($0.text)), ("type", .string($0.type)),
                            ("plannedCount", .int($0.plannedCount)), ("unit", .string($0.unit)),
                        ])
                    })
            ),
            ("state", .string(state.0)), ("stateOn", .string(state.1?.iso)), ("stateNote", .string(a.stateNote)),
            ("status", .string(detail.overview.status.rawValue)),
            ("statusDay", .string(detail.overview.statusDay?.iso)),
            ("asOf", .string(asOf.iso)), ("parent", .string(a.parentReference)),
            ("implementedBy", .strings(detail.implementedBy.map(\.reference))), ("version", .int(a.version)),
            ("removedInRevision", .int(a.removedInRevision)),
            ("progress", ProgressListingView.listing(detail.progress, format: .json).json),
        ])
    }
}
