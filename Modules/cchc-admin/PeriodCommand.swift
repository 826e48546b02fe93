import ArgumentParser
import CLISupport
import PlanCore
import PlanStore

/// `cchc-admin period …`: locking submitted reporting periods.
struct PeriodCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "period",
        abstract:
            "Khóa kỳ báo cáo đã nộp (không ghi thêm tiến độ có ngày trong kỳ), mở lại có lý do, xem các kỳ đã khóa.",
        subcommands: [Lock.self, Reopen.self, List.self])

    /// Which period of which plan.
    struct Target: ParsableArguments {
        @Option(help: "Kế hoạch (số ký hiệu hoặc #mã).") var plan: String
        @Option(help: "Kỳ báo cáo: 2024-Q2, 2024-H1, 2024-Y, 2024-M05…") var period: String
        @Option(help: "Chế độ báo cáo: cchc (mặc định) hoặc nd09.") var regime = "cchc"
        @Option(help: "Chỉ khóa cho một đơn vị (và các đơn vị trực thuộc); mặc định cả kế hoạch.") var unit: String?
    }

    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Khóa một kỳ báo cáo (quản trị viên).")
        @OptionGroup var target: Target
        @OptionGroup var session: SessionOptions

        func run() throws {
            let period = try Arguments.period(target.period)
            let regime = try Arguments.regime(target.regime)
            let store = try session.open()
            let plan = try Arguments.plan(store, target.plan)
            let unit = try target.unit.map { try Arguments.unit(store, $0, option: "--unit") }
            let result = try store.lockPeriod(plan: plan.id, unit: unit?.id, period: period, regime: regime)
            let lock = result.lock
            Terminal.line(
                (result.created ? "Đã khóa" : "Kỳ này đã được khóa trước đó:")
                    + " \(period.label) (\(period)) của kế hoạch \(plan.reference)"
                    + (unit.map { ", đơn vị \($0.name)" } ?? "")
                    + ": không ghi thêm tiến độ có ngày từ \(lock.window.from.vietnamese) đến \(lock.window.to.vietnamese)."
            )
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mở lại một kỳ đã khóa (quản trị viên, bắt buộc lý do; được ghi nhật ký).")
        @OptionGroup var target: Target
        @Option(help: "Lý do mở lại.") var reason: String
        @OptionGroup var session: SessionOptions

        func run() throws {
            let period = try Arguments.period(target.period)
            let regime = try Arguments.regime(target.regime)
            let store = try session.open()
            let plan = try Arguments.plan(store, target.plan)
            let unit = try target.unit.map { try Arguments.unit(store, $0, option: "--unit") }
            let lock = try store.reopenPeriod(
                plan: plan.id, unit: unit?.id, period: period, regime: regime, reason: reason)
            Terminal.line(
                "Đã mở lại \(period.label) (\(period)) của kế hoạch \(plan.reference); lý do: \(lock.reopenReason ?? reason)."
            )
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Các kỳ báo cáo đang khóa (--all: cả các kỳ đã mở lại).")
        @Option(help: "Kế hoạch.") var plan: String?
        @Flag(help: "Kèm các kỳ đã mở lại.") var all = false
        @OptionGroup var output: FormatOption
        @OptionGroup var session: SessionOptions

        func run() throws {
            let store = try session.open()
            let plan = try plan.map { try Arguments.plan(store, $0) }
            let table = output.format == .table
            var listing = Listing(columns: [
                .init("id", "Mã", numeric: true), .init("plan", "Kế hoạch"), .init("period", "Kỳ"),
                .init("regime", "Chế độ"),
                .init("unit", "Đơn vị"), .init("from", "Từ ngày"), .init("to", "Đến ngày"),
                .init("lockedAt", "Khóa lúc"),
                .init("lockedBy", "Người khóa"), .init("reopenedAt", "Mở lại lúc"), .init("reopenedBy", "Người mở lại"),
                .init("reason", "Lý do mở lại"),
            ])
            for lock in try store.periodLocks(plan: plan?.id, includeReopened: all) {
                listing.append([
                    .int(Int(lock.id)), .string(lock.planReference), .string(lock.period), .string(lock.regime),
                    .string(lock.unitName ?? (table ? "(cả kế hoạch)" : nil)),
                    .string(table ? lock.window.from.vietnamese : lock.window.from.iso),
                    .string(table ? lock.window.to.vietnamese : lock.window.to.iso), .string(lock.lockedAt),
                    .string(lock.lockedBy), .string(lock.reopenedAt), .string(lock.reopenedBy),
                    .string(lock.reopenReason),
                ])
            }
            Terminal.write(listing.render(output.format))
        }
    }
}
