import Foundation
import PlanCore
import PlanStore
import ReportExport

/// The provincial roll-up as every front end makes it (`cchc-export aggregate`, the Sở Nội vụ pages):
/// the departments' reports (files given, or the submitted snapshots of the plans under a provincial
/// plan, never live data), the units expected to report, and the body that issues the document.
public struct ProvincialAggregate {
    public let summary: ProvincialSummary
    public let issuer: ProvincialSummary.Issuer

    /// What the roll-up is made of and who issues it.
    public struct Request {
        public var period: PeriodID
        public var regime: ReportingRegime?
        /// Reports read from files, by file name; with `plan` and no files, the stored submissions.
        public var reports: [(file: String, json: JSONValue)] = []
        /// The units asked to report, as given (a plan's child plans' owners are added).
        public var expectedUnits: [String] = []
        /// The provincial plan ("96/KH-UBND", "#1"), whose child plans' owners must report.
        public var plan: String?
        /// The issuing unit (name or "#N"); by default the Sở Nội vụ under the provincial plan's owner.
        public var issuer: String?
        /// Ngày and Số of the document; blank when nil.
        public var date: Day?
        public var number: Int?
        /// Fields of the signer for this document only; they win over the issuer's settings.
        public var signerOverride = DocumentIdentity.Signer()
        /// Nơi nhận for this document only.
        public var distributionOverride: [String] = []

        public init(period: PeriodID, regime: ReportingRegime? = nil) {
            self.period = period
            self.regime = regime
        }
    }

    /// Combines the reports; `store` is needed for `plan` and `issuer` (and gives the issuer's settings).
    public init(_ request: Request, store: Store?) throws {
        var reports = request.reports
        var expected = request.expectedUnits
        var provincialPlanID: Int64?
        if let plan = request.plan {
            guard let store else { throw PlanAppError(.plan, "cần cơ sở dữ liệu để đọc kế hoạch \(plan)") }
            let parent = try store.findPlan(plan)
            provincialPlanID = parent.id
            for child in try store.listPlans() where try store.parentPlanID(of: child.id) == parent.id {
                if !expected.contains(child.owner) { expected.append(child.owner) }
                // The listing leaves the content out: read the snapshot in force, checked against its sha256.
                if request.reports.isEmpty,
                    let listed = try store.snapshots(planID: child.id, period: request.period.description)
                        .first(where: { $0.status == "submitted" }),
                    case let snapshot = try store.snapshot(id: listed.id), let content = snapshot.content
                {
                    do {
                        reports.append(("\(child.reference) bản \(snapshot.version)", try Self.submitted(content, snapshot)))
                    } catch {
                        throw PlanAppError(nil, "báo cáo đã nộp của \(child.reference): \(String(describing: error))")
                    }
                }
            }
        }
        do {
            summary = try Aggregation.combine(
                reports: reports, period: request.period, regime: request.regime, expectedUnits: expected)
        } catch {
            throw PlanAppError(nil, error.description)
        }
        // Names as on the document's date (its deadline while undated): Bình Phước's roll-up of Q2/2025 is
        // issued under UBND tỉnh Bình Phước, that of Q3/2025 under Đồng Nai.
        let namesOn = request.date ?? summary.period.deadline
        var issuer = summary.defaultIssuer
        let province = try provincialPlanID.flatMap { try store?.planOwner(id: $0, namesOn: namesOn) }
        if let store, let unit = try Self.issuingUnit(request.issuer, province: province, store: store, on: namesOn) {
            let named = try store.unit(id: unit.id, namesOn: namesOn)
            let settings = try store.reportSettings(unitID: unit.id)
            var signer: DocumentIdentity.Signer?
            if let configured = settings?.signer, configured != DocumentIdentity.Signer() { signer = configured }
            let place = try store.unitPlace(named.id, on: namesOn)
            issuer = ProvincialSummary.Issuer(
                parent: named.parentName ?? issuer.parent, name: named.name, abbreviation: named.abbreviation,
                place: place, signer: signer, distribution: settings?.distribution ?? [])
        }
        issuer.date = request.date
        issuer.number = request.number
        if let capacity = request.signerOverride.capacity { issuer.signer.capacity = capacity }
        if let title = request.signerOverride.title { issuer.signer.title = title }
        if let name = request.signerOverride.name { issuer.signer.name = name }
        if !request.distributionOverride.isEmpty {
            issuer = ProvincialSummary.Issuer(
                parent: issuer.parent, name: issuer.name, abbreviation: issuer.abbreviation, place: issuer.place,
                number: issuer.number, date: issuer.date, signer: issuer.signer, distribution: request.distributionOverride)
        }
        self.issuer = issuer
    }

    /// A stored submission as the unit sent it: the hashed JSON (written before it was numbered) with the
    /// snapshot's version, hash and submission instant, which decide "đúng hạn".
    static func submitted(_ content: String, _ snapshot: SnapshotRecord) throws -> JSONValue {
        guard case .object(var fields) = try JSONValue.parse(content) else { return try JSONValue.parse(content) }
        let stamp = ReportAssembly.snapshotStamp(snapshot)
        if let index = fields.firstIndex(where: { $0.0 == "snapshot" }) {
            fields[index].1 = stamp.json
        } else {
            fields.append(("snapshot", stamp.json))
        }
        return .object(fields)
    }

    /// The unit named, else the Sở Nội vụ under the province, else the only Sở Nội vụ of the registry
    /// (one an import met and nobody placed yet); nil when none or several.
    static func issuingUnit(_ reference: String?, province: UnitRef?, store: Store, on day: Day) throws -> UnitRecord? {
        if let reference { return try store.findUnit(reference, on: day) }
        let candidates = (province.map { ["\($0.name) > Sở Nội vụ"] } ?? []) + ["Sở Nội vụ"]
        for candidate in candidates {
            do {
                return try store.findUnit(candidate, on: day)
            } catch StoreError.notFound, StoreError.ambiguous {
                continue
            }
        }
        return nil
    }

    /// The document bytes in a format of the roll-up.
    public func docxData() -> Data { summary.docxData(issuer: issuer) }
}
