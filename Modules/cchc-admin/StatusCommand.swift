import ArgumentParser
import CLISupport
import PlanCore
import PlanStore

/// `cchc-admin status`: the dashboard of Văn phòng Sở for a reporting period.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Bảng theo dõi một kỳ báo cáo: tình trạng từng hoạt động, đơn vị nào đã/chưa báo cáo (đúng hạn, trễ hạn), hoạt động thường xuyên chưa có kết quả.",
        discussion: """
            Tình trạng tính theo đúng quy tắc của báo cáo định kỳ (cchc-export). Mặc định: kỳ quý của chế độ báo cáo \
            chứa ngày hôm nay, tình trạng tính đến hôm nay (hoặc đến ngày chốt số liệu nếu kỳ đã qua). \
            Đúng hạn: kết quả được ghi vào hệ thống không muộn hơn hạn báo cáo của kỳ.
            """)

    @Option(help: "Kế hoạch (mặc định: kế hoạch duy nhất, hoặc kế hoạch duy nhất của năm).") var plan: String?
    @Option(help: "Kỳ báo cáo: 2024-Q2, 2024-H1, 2024-Y, 2024-M05…") var period: String?
    @Option(help: "Chế độ báo cáo: cchc (Bộ Nội vụ, mặc định) hoặc nd09 (Nghị định 09/2019).") var regime = "cchc"
    @Option(help: "Ngày tính tình trạng.") var asOf: String?
    @Option(help: "Chỉ các hoạt động đơn vị này chủ trì hoặc phối hợp (trực tiếp, qua nhóm hoặc đơn vị đã hợp nhất vào nó).")
    var unit: String?
    @OptionGroup var output: FormatOption
    @OptionGroup var session: SessionOptions

    func run() throws {
        let regime = try Arguments.regime(regime)
        let asOf = try Arguments.day(asOf, "--as-of")
        let period = try period.map { try Arguments.period($0) } ?? Store.currentPeriod(regime, on: asOf ?? Store.today)
        let store = try session.open()
        let plan = try plan.map { try Arguments.plan(store, $0) } ?? defaultPlan(store, year: period.year)
        var board = try store.statusBoard(planID: plan.id, period: period, regime: regime, asOf: asOf)
        if let unit {
            let found = try Arguments.unit(store, unit, option: "--unit", on: board.asOf)
            let named = try store.unit(id: found.id, namesOn: board.asOf)
            let taking = try store.listActivities(ActivityFilter(planID: plan.id, unitID: found.id, asOf: board.asOf))
            board = board.only(activities: Set(taking.map(\.activity.id)), unit: named)
        }
        switch output.format {
        case .json: Terminal.write(StatusBoardView.json(board, plan: plan).serialized())
        case .csv: Terminal.write(StatusBoardView.activities(board, format: .csv).csv)
        case .table: Terminal.write(StatusBoardView.text(board, plan: plan, colors: Terminal.colorsEnabled))
        }
    }

    func defaultPlan(_ store: Store, year: Int) throws -> StoredPlan {
        let plans = try store.listPlans()
        if plans.count == 1 { return plans[0] }
        let ofYear = plans.filter { $0.year == year }
        if ofYear.count == 1 { return ofYear[0] }
        guard !plans.isEmpty else { throw ToolError("Chưa có kế hoạch nào; hãy nạp kế hoạch bằng cchc-import.") }
        throw ToolError.argument(
            "--plan",
            "có \(ofYear.isEmpty ? plans.count : ofYear.count) kế hoạch, hãy chọn một: "
                + (ofYear.isEmpty ? plans : ofYear).map(\.reference).joined(separator: ", ") + ".")
    }
}

/// The board as text, JSON and CSV.
enum StatusBoardView {
    static func activities(_ board: StatusBoard, format: OutputFormat) -> Listing {
        let table = format == .table
        var listing = Listing(columns: [
            .init("id", "Mã", numeric: true), .init("ref", "Mục"), .init("title", "Nội dung"), .init("lead", "Chủ trì"),
            .init("schedule", "Thời gian"), .init("status", "Tình trạng"),
            .init("results", "Kết quả trong kỳ", numeric: true),
            .init("lastResult", "Gần nhất"),
        ])
        for item in board.items {
            listing.append([
                .int(Int(item.id)), .string(item.ref),
                .string(table ? ActivityListingView.shortened(item.title, to: 50) : item.title),
                .strings(item.lead), .string(item.schedule.text),
                .string(
                    table
                        ? Wording.status(item.status) + (item.statusDay.map { " (\($0.vietnamese))" } ?? "")
                        : item.status.rawValue),
                .int(item.results), .string(table ? item.lastResult?.vietnamese : item.lastResult?.iso),
            ])
        }
        return listing
    }

    static func units(_ board: StatusBoard) -> Listing {
        var listing = Listing(columns: [
            .init("unit", "Đơn vị chủ trì"), .init("expected", "Phải báo cáo", numeric: true),
            .init("reported", "Đã báo cáo", numeric: true), .init("onTime", "Đúng hạn", numeric: true),
            .init("late", "Trễ hạn", numeric: true), .init("missing", "Chưa có kết quả (mục)"),
        ])
        for line in board.units {
            listing.append([
                .string(line.unit.name), .int(line.expected), .int(line.reported), .int(line.onTime), .int(line.late),
                .strings(line.missing),
            ])
        }
        return listing
    }

    /// Colours whole table rows (after alignment, so escapes never disturb the columns).
    static func paint(_ table: String, colors: [Terminal.Color?], enabled: Bool) -> String {
        var lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, color) in colors.enumerated() where i + 2 < lines.count {
            if let color { lines[i + 2] = Terminal.paint(lines[i + 2], color, enabled: enabled) }
        }
        return lines.joined(separator: "\n")
    }

    static func text(_ board: StatusBoard, plan: StoredPlan, colors: Bool) -> String {
        func bold(_ text: String) -> String { Terminal.paint(text, .bold, enabled: colors) }
        var out = bold("Kế hoạch \(plan.reference)") + (plan.title.map { " — \($0)" } ?? "") + "\n"
        out +=
            "Kỳ báo cáo: \(board.period.label) (\(board.period), chế độ \(board.regime)); số liệu từ \(board.window.from.vietnamese) "
            + "đến \(board.window.to.vietnamese); hạn báo cáo \(board.deadline.vietnamese).\n"
        out +=
            "Tình trạng tính đến ngày \(board.asOf.vietnamese)"
            + (board.asOf > board.deadline ? " (đã qua hạn báo cáo)." : ".") + "\n\n"
        let counts = ActivityStatus.allCases.map { "\(board.count($0)) \(Wording.status($0).lowercased())" }
        out +=
            bold("Tổng quan: ") + "\(board.items.count) hoạt động trong kỳ — " + counts.joined(separator: ", ")
            + ".\n\n"

        out += bold("HOẠT ĐỘNG TRONG KỲ") + "\n"
        out += paint(
            activities(board, format: .table).table(), colors: board.items.map { Wording.color($0.status) },
            enabled: colors)

        out += "\n" + bold("ĐƠN VỊ CHỦ TRÌ: PHẢI BÁO CÁO / ĐÃ BÁO CÁO") + "\n"
        let deadlinePassed = board.asOf > board.deadline
        out += paint(
            units(board).table(),
            colors: board.units.map { line in
                if !line.missing.isEmpty { return deadlinePassed ? .red : .yellow }
                return line.late > 0 ? .yellow : .green
            }, enabled: colors)

        out += "\n" + bold("HOẠT ĐỘNG THƯỜNG XUYÊN CHƯA CÓ KẾT QUẢ TRONG KỲ") + "\n"
        if board.silentContinuous.isEmpty {
            out += "Không có.\n"
        } else {
            for item in board.silentContinuous {
                out +=
                    Terminal.paint("- \(item.ref) \(item.title)", .yellow, enabled: colors)
                    + (item.lead.isEmpty ? "" : " (chủ trì: \(item.lead.joined(separator: "; ")))") + "\n"
            }
        }
        return out
    }

    static func json(_ board: StatusBoard, plan: StoredPlan) -> JSONValue {
        func item(_ item: StatusBoard.Item) -> JSONValue {
            .object([
                ("id", .int(Int(item.id))), ("ref", .string(item.ref)),
                ("reference", .string("\(board.planReference)#\(item.ref)")),
                ("title", .string(item.title)), ("lead", .strings(item.lead)), ("schedule", item.schedule.json),
                ("status", .string(item.status.rawValue)), ("statusDay", .string(item.statusDay?.iso)),
                ("inclusion", .string(item.inclusion.rawValue)), ("results", .int(item.results)),
                ("lastResult", .string(item.lastResult?.iso)),
            ])
        }
        return .object([
            (
                "plan",
                .object([
                    ("id", .int(Int(plan.id))), ("reference", .string(plan.reference)), ("title", .string(plan.title)),
                    ("year", .int(plan.year)),
                ])
            ),
            (
                "period",
                .object([
                    ("id", .string(board.period.description)), ("label", .string(board.period.label)),
                    ("regime", .string(board.regime)),
                    (
                        "window",
                        .object([("from", .string(board.window.from.iso)), ("to", .string(board.window.to.iso))])
                    ),
                    ("deadline", .string(board.deadline.iso)),
                ])
            ),
            ("asOf", .string(board.asOf.iso)),
            (
                "counts",
                .object(
                    [("activities", .int(board.items.count))]
                        + ActivityStatus.allCases.map { ($0.rawValue, .int(board.count($0))) })
            ),
            ("activities", .array(board.items.map(item))),
            (
                "units",
                .array(
                    board.units.map { line in
                        .object([
                            ("unitId", .int(Int(line.unit.id))), ("unit", .string(line.unit.name)),
                            ("expected", .int(line.expected)),
                            ("reported", .int(line.reported)), ("onTime", .int(line.onTime)), ("late", .int(line.late)),
                            ("missing", .strings(line.missing)),
                        ])
                    })
            ),
            ("continuousWithoutResults", .array(board.silentContinuous.map(item))),
        ])
    }
}
