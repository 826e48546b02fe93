import ArgumentParser
import CLISupport
import Foundation
import PlanApp
import PlanCore
import PlanStore

/// `cchc-export note`: the free text and numbering staff keep with a report.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Ghi nội dung \"tồn tại, hạn chế\", \"đề xuất, kiến nghị\", số và ngày của báo cáo một kỳ.")

    @OptionGroup var selection: ReportSelection

    @Option(help: "Tồn tại, hạn chế và nguyên nhân (chuỗi rỗng để xóa).")
    var issues: String?

    @Option(help: "Đề xuất, kiến nghị (chuỗi rỗng để xóa).")
    var proposals: String?

    @Option(help: "Số của báo cáo.")
    var number: Int?

    @Option(help: "Ngày ban hành báo cáo (DD/MM/YYYY).")
    var date: String?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOption

    func validate() throws {
        if issues == nil && proposals == nil && number == nil && date == nil {
            throw ValidationError("Cần ít nhất một trong --issues, --proposals, --number, --date.")
        }
        if let number, number <= 0 { throw ValidationError("Số báo cáo phải là số dương.") }
    }

    func run() throws {
        let store = try database.openStore(identity)
        let day = try DayArgument.parse(optional: date, option: "--date")
        let assembly = try ReportAssembly(
            store: store, plan: selection.plan, period: selection.period, regime: selection.regime, date: day)
        let saved = try store.saveReportRecord(
            planID: assembly.plan.id, unitID: assembly.record.owner.id, period: assembly.period.description,
            regime: assembly.regime.id, number: number.map { .some($0) }, issuedOn: day.map { .some($0) },
            issues: issues.map { .some($0) }, proposals: proposals.map { .some($0) })
        Terminal.write(
            "Đã lưu nội dung báo cáo \(assembly.plan.reference) kỳ \(assembly.period.label)"
                + (saved.number.map { " (số \(String(format: "%02d", $0)))" } ?? "") + ".\n")
    }
}
