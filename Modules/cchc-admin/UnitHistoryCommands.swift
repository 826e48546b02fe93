import ArgumentParser
import CLISupport
import PlanCore
import PlanStore

/// The options every change of a unit's history takes.
struct HistoryOptions: ParsableArguments {
    @Option(help: "Ngày hiệu lực: ngày đầu tiên của tình trạng mới (DD/MM/YYYY hoặc YYYY-MM-DD).") var effective: String
    @Option(help: "Văn bản quy định thay đổi (ví dụ \"Nghị định 45/2025/NĐ-CP\").") var act: String?

    func day() throws -> Day { try DayArgument.parse(effective, option: "--effective") }
}

/// Prints what a history change did.
enum UnitChangeReport {
    static func print(_ change: UnitChange) {
        Terminal.line(change.summary)
        if let closed = change.closed, let end = closed.validTo {
            Terminal.line("  Hết hiệu lực: \(closed.label) (đến hết ngày \(end.vietnamese))")
        }
        for unit in change.opened {
            Terminal.line(
                "  Bản ghi mới:  \(unit.label)" + (unit.validFrom.map { ", hiệu lực từ \($0.vietnamese)" } ?? ""))
        }
    }
}

struct UnitRename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "Đổi tên đơn vị từ ngày hiệu lực (tên cũ còn dùng cho văn bản trước ngày đó).")
    @Argument(help: "Đơn vị (tên hoặc #mã).") var unit: String
    @Option(help: "Tên mới.") var to: String
    @Option(help: "Tên viết tắt mới (nếu đổi).") var abbreviation: String?
    @OptionGroup var history: HistoryOptions
    @OptionGroup var session: SessionOptions

    func run() throws {
        let day = try history.day()
        let store = try session.open()
        let unit = try Arguments.unit(store, unit, option: "ĐƠN_VỊ", on: day.adding(days: -1))
        UnitChangeReport.print(
            try store.renameUnit(unit.id, to: to, abbreviation: abbreviation, effective: day, act: history.act))
    }
}

struct UnitMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Hợp nhất (sáp nhập) đơn vị vào một đơn vị khác từ ngày hiệu lực.")
    @Argument(help: "Đơn vị bị hợp nhất (tên hoặc #mã).") var unit: String
    @Option(help: "Đơn vị tiếp nhận (tên hoặc #mã).") var into: String
    @OptionGroup var history: HistoryOptions
    @OptionGroup var session: SessionOptions

    func run() throws {
        let day = try history.day()
        let store = try session.open()
        let unit = try Arguments.unit(store, unit, option: "ĐƠN_VỊ", on: day.adding(days: -1))
        let target = try Arguments.unit(store, into, option: "--into", on: day)
        UnitChangeReport.print(try store.mergeUnit(unit.id, into: target.id, effective: day, act: history.act))
    }
}

struct UnitSplit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split", abstract: "Chia tách: thành lập các đơn vị mới tách ra từ một đơn vị.")
    @Argument(help: "Đơn vị gốc (tên hoặc #mã).") var unit: String
    @Option(help: "Tên một đơn vị mới (lặp lại cho mỗi đơn vị).") var into: [String] = []
    @Option(help: "Loại của các đơn vị mới (mặc định như đơn vị gốc).") var kind: String?
    @Option(help: "Đơn vị cấp trên của các đơn vị mới (mặc định như đơn vị gốc).") var parent: String?
    @Flag(help: "Đơn vị gốc chấm dứt từ ngày hiệu lực (mặc định: vẫn tiếp tục).") var close = false
    @OptionGroup var history: HistoryOptions
    @OptionGroup var session: SessionOptions

    func run() throws {
        guard !into.isEmpty else { throw ToolError.argument("--into", "cần ít nhất một tên đơn vị mới.") }
        let day = try history.day()
        let kind = try kind.map { try Arguments.kind($0) }
        let store = try session.open()
        let unit = try Arguments.unit(store, unit, option: "ĐƠN_VỊ", on: day.adding(days: -1))
        let parent = try parent.map { try Arguments.unit(store, $0, option: "--parent", on: day) }
        UnitChangeReport.print(
            try store.splitUnit(
                unit.id, into: into, kind: kind, parent: parent?.id, effective: day, act: history.act,
                closeOriginal: close))
    }
}

struct UnitRetire: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire", abstract: "Giải thể: đơn vị chấm dứt hoạt động từ ngày hiệu lực.")
    @Argument(help: "Đơn vị (tên hoặc #mã).") var unit: String
    @OptionGroup var history: HistoryOptions
    @OptionGroup var session: SessionOptions

    func run() throws {
        let day = try history.day()
        let store = try session.open()
        let unit = try Arguments.unit(store, unit, option: "ĐƠN_VỊ", on: day.adding(days: -1))
        UnitChangeReport.print(try store.retireUnit(unit.id, effective: day, act: history.act))
    }
}

struct UnitMove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Chuyển đơn vị sang trực thuộc đơn vị khác từ ngày hiệu lực (giữ nguyên tên).")
    @Argument(help: "Đơn vị (tên hoặc #mã).") var unit: String
    @Option(help: "Đơn vị cấp trên mới (tên hoặc #mã).") var parent: String
    @OptionGroup var history: HistoryOptions
    @OptionGroup var session: SessionOptions

    func run() throws {
        let day = try history.day()
        let store = try session.open()
        let unit = try Arguments.unit(store, unit, option: "ĐƠN_VỊ", on: day.adding(days: -1))
        let parent = try Arguments.unit(store, parent, option: "--parent", on: day)
        UnitChangeReport.print(try store.moveUnit(unit.id, under: parent.id, effective: day, act: history.act))
    }
}
