import Foundation
import PlanCore
import PlanStore
import ReportExport

/// The periodic report of one plan for one period, as every front end makes it: the plan read from the
/// store with unit names valid on the report date, the report text staff keep, and `ReportBuilder`.
public struct ReportAssembly {
    public let store: Store
    public let plan: StoredPlan
    public let period: PeriodID
    public let regime: ReportingRegime
    public let window: DayRange
    /// Số, ngày, tồn tại and đề xuất kept for this report.
    public let text: ReportRecord
    /// The report date: as recorded for the report, else as asked, else the regime's deadline (never
    /// the clock, so the same state always gives the same document).
    public let date: Day
    /// The plan as loaded (again inside the submission, when the report is submitted).
    public private(set) var record: PlanRecord
    /// The reporting unit's settings (signer, Nơi nhận), if written.
    public let settings: ReportSettings?
    /// Fields of the signer given for this report only; they win over the settings field by field.
    public var signerOverride = DocumentIdentity.Signer()
    /// Nơi nhận given for this report only, replacing the settings' list.
    public var distributionOverride: [String]?
    /// The đề cương loaded for the reporting unit (or a unit above it) and regime; nil for the shipped one.
    public let outline: ReportOutline?

    /// Whether the body reporting is the one that issued the plan: false once the issuer was renamed or
    /// merged into another body by the report date (the report then comes from that body).
    public let reporterIssuedPlan: Bool

    /// Nơi nhận when neither the settings nor the report give one: the main recipient first.
    public var defaultDistribution: [String] { [recipient, "Lãnh đạo Sở", "Lưu: VT, VP."] }

    /// The main recipient: Sở Nội vụ, which compiles the province's report; Sở Nội vụ itself reports to the
    /// body above it (Ủy ban nhân dân tỉnh).
    public var recipient: String {
        VietnameseText.foldedKey(record.owner.name) == VietnameseText.foldedKey("Sở Nội vụ")
            ? record.owner.parentName ?? "Ủy ban nhân dân tỉnh" : "Sở Nội vụ"
    }

    /// Who signs: the settings of the Sở (else the plan's own signer, as the import read it, without the
    /// person's name when another body now reports), with this report's overrides.
    public var signer: DocumentIdentity.Signer {
        let configured = settings?.signer ?? .init()
        var fromPlan = record.document.signer
        if !reporterIssuedPlan { fromPlan.name = nil }
        var signer =
            configured.capacity == nil && configured.title == nil && configured.name == nil
            ? fromPlan : configured
        if let capacity = signerOverride.capacity { signer.capacity = capacity }
        if let title = signerOverride.title { signer.title = title }
        if let name = signerOverride.name { signer.name = name }
        return signer
    }

    /// Nơi nhận: this report's, else the settings', else the default.
    public var distribution: [String] {
        if let distributionOverride, !distributionOverride.isEmpty { return distributionOverride }
        if let configured = settings?.distribution, !configured.isEmpty { return configured }
        return defaultDistribution
    }

    /// Chooses the plan and period and loads the plan.
    public init(store: Store, plan reference: String, period periodText: String, regime regimeName: String, date: Day?)
        throws
    {
        self.store = store
        plan = try store.findPlan(reference)
        do {
            period = try PeriodID(parsing: periodText)
        } catch {
            throw PlanAppError(.period, error.description)
        }
        do {
            regime = try ReportingRegime.named(regimeName)
        } catch {
            throw PlanAppError(.regime, error.description)
        }
        guard regime.offers(period.kind) else {
            throw PlanAppError(.period, "chế độ \(regime.id) không có kỳ \(period.description)")
        }
        window = try regime.window(for: period)
        guard window.overlaps(.year(plan.year)) else {
            throw PlanAppError(
                .period,
                "kỳ \(period.description) (\(window.from.vietnamese) – \(window.to.vietnamese)) nằm ngoài năm kế hoạch \(plan.year)")
        }
        let ownerID = try store.planOwner(id: plan.id, namesOn: window.to).id
        text = try store.reportRecord(planID: plan.id, unitID: ownerID, period: period.description, regime: regime.id)
        settings = try store.reportSettings(unitID: ownerID)
        outline = try ReportOutlines.inForce(store, unitID: ownerID, regime: regime.id)
        self.date = try text.issuedOn ?? date ?? regime.deadline(for: period)
        record = try store.loadPlan(id: plan.id, namesOn: self.date)
        reporterIssuedPlan =
            try store.planOwner(id: plan.id, namesOn: record.document.issuedOn ?? DayRange.year(plan.year).from).id
            == record.owner.id
    }

    /// The report model with the given submission state.
    public func report(asOf: Day?, status: ReportStatus, snapshot: ReportSnapshot?) throws -> Report {
        let owner = record.owner
        let place = try store.unitPlace(owner.id, on: date) ?? record.document.place ?? ""
        // The plan's own ký hiệu names its issuer ("KH-SLĐTBXH"); once the issuer was renamed or merged into
        // another body, the report comes from that body and carries its short form.
        let abbreviation =
            owner.abbreviation
            ?? (reporterIssuedPlan
                ? record.document.symbol.flatMap { $0.split(separator: "-", maxSplits: 1).last.map(String.init) } : nil)
            ?? UnitNaming.initials(owner.name)
        var parentActivities: [ReportContext.ParentActivity] = []
        if let parentID = try store.parentPlanID(of: plan.id) {
            parentActivities = try store.activityTitles(planID: parentID).map {
                ReportContext.ParentActivity(ref: $0.ref, title: $0.title)
            }
        }
        var context = ReportContext(
            reporter: .init(parentName: owner.parentName, name: owner.name, abbreviation: abbreviation, place: place),
            recipient: recipient, number: text.number, date: date, asOf: asOf, signer: signer, distribution: distribution, issues: text.issues,
            proposals: text.proposals, status: status, snapshot: snapshot, parentActivities: parentActivities)
        context.outline = outline
        do {
            return try ReportBuilder.build(plan: record, period: period, regime: regime, context: context)
        } catch {
            throw PlanAppError(nil, error.description)
        }
    }

    /// Nộp báo cáo: locks the period for the plan's owner, reads the plan again under that lock, freezes
    /// the report as a numbered, hashed snapshot (with the whole model, so later exports render it), and
    /// returns the submitted report (with its version and hash) and the snapshot. One transaction: if
    /// anything fails, nothing is locked or stored.
    public mutating func submit(asOf: Day?) throws -> (report: Report, snapshot: SnapshotRecord) {
        var frozen: Report?
        let snapshot = try store.submitReport(
            planID: plan.id, unitID: record.owner.id, period: period, regime: regime.id, window: window
        ) {
            var locked = self
            locked.record = try store.loadPlan(id: plan.id, namesOn: date)
            let report = try locked.report(asOf: asOf, status: .submitted, snapshot: nil)
            frozen = report
            record = locked.record
            return SnapshotContent(json: report.jsonText(), model: try report.modelText())
        }
        var report = frozen!
        report.snapshot = Self.snapshotStamp(snapshot)
        return (report, snapshot)
    }

    /// The report in force for this plan and period once it was submitted: the stored snapshot rendered
    /// from its model, numbered and without DỰ THẢO, exactly as submitted whatever the data says now; nil
    /// while the period was never submitted.
    public func submitted() throws -> (report: Report, snapshot: SnapshotRecord)? {
        guard
            let snapshot = try store.currentSnapshot(
                planID: plan.id, unitID: text.unitID, period: period.description, regime: regime.id)
        else { return nil }
        return (try Self.render(snapshot), snapshot)
    }

    /// A stored snapshot as a report: its model, checked against the hashed JSON, with version and hash.
    public static func render(_ snapshot: SnapshotRecord) throws -> Report {
        let name = "số \(snapshot.version) của \(snapshot.planReference) kỳ \(snapshot.periodID)"
        guard let model = snapshot.model else {
            throw PlanAppError(
                nil,
                "Bản đã nộp \(name) được lưu trước khi hệ thống giữ toàn bộ nội dung báo cáo: chỉ có bản JSON "
                    + "(cchc-export snapshot show \(snapshot.id)); dùng --draft để lập bản dự thảo từ số liệu hiện tại.")
        }
        do {
            var report = try Report(modelText: model, frozenJSON: snapshot.content ?? "", snapshotName: name)
            report.snapshot = snapshotStamp(snapshot)
            return report
        } catch {
            throw PlanAppError(nil, error.description)
        }
    }

    /// The version, hash and submission of a stored snapshot, as a report carries them.
    static func snapshotStamp(_ snapshot: SnapshotRecord) -> ReportSnapshot {
        ReportSnapshot(
            version: snapshot.version, sha256: snapshot.sha256, submittedAt: snapshot.submittedAt,
            by: snapshot.submittedBy)
    }
}
