import ArgumentParser
import CLISupport
import Foundation
import PlanCore
import PlanStore
import ReportExport

/// Everything a report of one plan for one period needs, loaded from the store.
struct ReportAssembly {
    let store: Store
    let plan: StoredPlan
    let period: PeriodID
    let regime: ReportingRegime
    let record: PlanRecord
    let text: ReportRecord
    let date: Day

    /// Loads the plan with unit names valid on the report date.
    init(store: Store, planReference: String, periodText: String, regimeName: String, date: Day?) throws {
        self.store = store
        plan = try store.findPlan(planReference)
        do {
            period = try PeriodID(parsing: periodText)
            regime = try ReportingRegime.named(regimeName)
            guard regime.offers(period.kind) else {
                throw ToolError.argument("--period", "chế độ \(regime.id) không có kỳ \(period.description)")
            }
        } catch let error as ReportingError {
            throw ToolError.argument(error.code == "unknown-regime" ? "--regime" : "--period", error.description)
        }
        let window = try regime.window(for: period)
        guard window.overlaps(.year(plan.year)) else {
            throw ToolError.argument(
                "--period",
                "kỳ \(period.description) (\(window.from.vietnamese) – \(window.to.vietnamese)) nằm ngoài năm kế hoạch \(plan.year)")
        }
        let ownerID = try store.planOwner(id: plan.id, namesOn: window.to).id
        text = try store.reportRecord(planID: plan.id, unitID: ownerID, period: period.description, regime: regime.id)
        // The report date: as recorded for the report, else as asked, else the regime's deadline
        // (deterministic: never the clock).
        self.date = try text.issuedOn ?? date ?? regime.deadline(for: period)
        record = try store.loadPlan(id: plan.id, namesOn: self.date)
    }

    /// The report model with the given submission state.
    func report(asOf: Day?, status: ReportStatus, snapshot: ReportSnapshot?) throws -> Report {
        let owner = record.owner
        let place = try store.unitPlace(owner.id) ?? record.document.place ?? ""
        let abbreviation =
            owner.abbreviation
            ?? record.document.symbol.flatMap { $0.split(separator: "-", maxSplits: 1).last.map(String.init) }
            ?? ""
        var parentActivities: [ReportContext.ParentActivity] = []
        if let parentID = try store.parentPlanID(of: plan.id) {
            parentActivities = try store.activityTitles(planID: parentID).map {
                ReportContext.ParentActivity(ref: $0.ref, title: $0.title)
            }
        }
        let context = ReportContext(
            reporter: .init(parentName: owner.parentName, name: owner.name, abbreviation: abbreviation, place: place),
            number: text.number, date: date, asOf: asOf, signer: record.document.signer,
            distribution: ["Sở Nội vụ", "Lãnh đạo Sở", "Lưu: VT, VP."], issues: text.issues,
            proposals: text.proposals, status: status, snapshot: snapshot, parentActivities: parentActivities)
        do {
            return try ReportBuilder.build(plan: record, period: period, regime: regime, context: context)
        } catch {
            throw ToolError(error.description)
        }
    }
}

/// `--plan`, `--period`, `--regime` shared by the report commands.
struct ReportSelection: ParsableArguments {
    @Option(help: "Kế hoạch: số ký hiệu (45/KH-STP) hoặc mã số (#3) khi chưa có số.")
    var plan: String

    @Option(help: "Kỳ báo cáo: 2024-M05, 2024-Q1…Q4, 2024-H1, 2024-9M, 2024-Y.")
    var period: String

    @Option(help: "Chế độ báo cáo: cchc (hướng dẫn của Bộ Nội vụ, mặc định) hoặc nd09 (Nghị định 09/2019).")
    var regime: String = "cchc"
}

/// Parses a day written DD/MM/YYYY or YYYY-MM-DD; days that do not exist are refused.
func parseDay(_ text: String, option: String) throws -> Day {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let day = Day(iso: trimmed) { return day }
    let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
    if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4 {
        if let day = Day(y, m, d) { return day }
        throw ToolError.argument(option, "ngày \(text) không tồn tại")
    }
    throw ToolError.argument(option, "không hiểu ngày \"\(text)\" (viết DD/MM/YYYY hoặc YYYY-MM-DD)")
}
