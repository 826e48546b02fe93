import PlanCore
import ReportExport

/// Builders for the plans, entries and contexts the specifications use.
enum Sample {
    static let owner = UnitRef(
        id: 1, name: "Sở Lao động - Thương binh và Xã hội", abbreviation: "SLĐTBXH", kind: .authority,
        parentName: "UBND tỉnh Bình Phước")
    static let office = UnitRef(id: 10, name: "Văn phòng Sở", kind: .division, parentName: owner.name)
    static let services = UnitRef(id: 20, name: "các đơn vị sự nghiệp trực thuộc Sở", kind: .group)
    static let divisions = UnitRef(id: 21, name: "các phòng chuyên môn, nghiệp vụ thuộc Sở", kind: .group)
    static let jobCentre = UnitRef(id: 30, name: "Trung tâm Dịch vụ việc làm", kind: .serviceUnit, parentName: owner.name)
    static let labourDivision = UnitRef(id: 31, name: "Phòng Lao động - Việc làm", kind: .division, parentName: owner.name)

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func period(_ text: String) -> PeriodID { try! PeriodID(parsing: text) }

    static func schedule(_ kind: Schedule.Kind, _ from: String?, _ to: String?, text: String? = nil) -> Schedule {
        Schedule(
            text: text ?? kind.rawValue, kind: kind, from: from.map(day), to: to.map(day),
            every: kind == .recurring ? .month : nil)
    }

    static func entry(
        _ id: Int64, _ date: String, by unit: UnitRef = office, text: String = "Đã thực hiện.", quantity: Double? = nil,
        quantityUnit: String? = nil, evidence: [Evidence] = [], supersedes: Int64? = nil, recordedOn: String? = nil
    ) -> ProgressRecord {
        ProgressRecord(
            id: id, date: day(date), unit: unit, text: text, quantity: quantity, quantityUnit: quantityUnit,
            evidence: evidence, supersedes: supersedes, recordedBy: "vp.tonghop", recordedOn: day(recordedOn ?? date))
    }

    static func activity(
        _ id: Int64, _ ref: String, _ schedule: Schedule, state: ActivityState = .open, lead: [UnitRef] = [office],
        coordinating: [UnitRef] = [], products: [Product] = [], group: String? = nil, parentRef: String? = nil,
        progress: [ProgressRecord] = []
    ) -> ActivityRecord {
        ActivityRecord(
            id: id, ref: ref, title: "Nhiệm vụ \(ref)", group: group, schedule: schedule, state: state, lead: lead,
            coordinating: coordinating, products: products, parentRef: parentRef, progress: progress)
    }

    static func plan(_ activities: [ActivityRecord], year: Int = 2024) -> PlanRecord {
        PlanRecord(
            id: 7,
            document: DocumentIdentity(
                code: "15/KH-SLĐTBXH", number: "15", symbol: "KH-SLĐTBXH", type: "KH", typeName: "KẾ HOẠCH",
                title: "Thông tin, tuyên truyền cải cách hành chính năm \(year)", issuer: owner.name,
                issuerParent: "UBND tỉnh Bình Phước", place: "Bình Phước", issuedOn: Day(year, 5, 10), year: year),
            year: year, owner: owner, parentCode: "96/KH-UBND", activities: activities)
    }

    static func context(
        number: Int? = 5, date: String = "2024-06-18", asOf: String? = nil, status: ReportStatus = .submitted,
        issues: String? = nil, proposals: String? = nil
    ) -> ReportContext {
        ReportContext(
            reporter: .init(
                parentName: "UBND tỉnh Bình Phước", name: owner.name, abbreviation: "SLĐTBXH", place: "Bình Phước"),
            number: number, date: day(date), asOf: asOf.map(day),
            signer: .init(capacity: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Phạm Thị Mai Hương"),
            distribution: ["Sở Nội vụ", "GĐ, các PGĐ Sở", "Các phòng, đơn vị thuộc Sở"], issues: issues,
            proposals: proposals, status: status)
    }

    /// The report of `activities` for `period` under ND09 (windows 15 → 14).
    static func report(
        _ activities: [ActivityRecord], period: String = "2024-Q2", asOf: String? = nil, planYear: Int = 2024,
        context: ReportContext? = nil
    ) throws -> Report {
        var context = context ?? Sample.context()
        if let asOf { context.asOf = day(asOf) }
        return try ReportBuilder.build(
            plan: plan(activities, year: planYear), period: self.period(period), regime: .nd09, context: context)
    }
}
