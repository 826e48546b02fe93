import Foundation
import PlanApp
import PlanCore
import PlanImport
import PlanStore
import Postgres
import ReportExport
import TestSupport
import Testing

/// The 2025 reorganisation as it happened: Sở Lao động - Thương binh và Xã hội merged into Sở Nội vụ from
/// 01/3/2025 (its Văn phòng into Sở Nội vụ's), and tỉnh Bình Phước merged into tỉnh Đồng Nai from 01/7/2025.
/// The department's 2024 plan (the fixture) and its 2025 plan (the same text a year on) are both stored.
@Suite("The 2025 reorganisation: names by report date, the receiving body takes over")
struct ReorganisationTests {
    static let department = "Sở Lao động - Thương binh và Xã hội"

    struct Province {
        let admin: Store
        let plan2024: String
        let plan2025: String
        let moved: Int
    }

    /// Imports both plans, builds the units as the review leaves them, adds one user per Văn phòng, and
    /// records the merges with their effective dates.
    static func build(_ db: TestDatabase) throws -> Province {
        let admin = try Store(connection: db.connection, actingAs: "vanphong")
        let text = try String(contentsOf: ToolRunner.fixture("KH-SLDTBXH-2024.txt"), encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reorg-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func stored(_ text: String, _ name: String) throws -> String {
            let file = folder.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return try admin.importPlan(try PlanImporter().read(file: file), replace: false).reference
        }
        let plan2024 = try stored(text, "KH-SLDTBXH-2024.txt")
        let plan2025 = try stored(text.replacingOccurrences(of: "2024", with: "2025"), "KH-SLDTBXH-2025.txt")

        let binhPhuoc = try admin.addUnit(NewUnit(name: "Ủy ban nhân dân tỉnh Bình Phước", kind: .authority, parentID: nil))
        let labour = try admin.findUnit(department)
        _ = try admin.acceptReviewUnit(labour.id, parent: .some(binhPhuoc.id))
        let home = try admin.addUnit(NewUnit(name: "Sở Nội vụ", kind: .authority, parentID: binhPhuoc.id))
        let homeOffice = try admin.addUnit(NewUnit(name: "Văn phòng Sở", kind: .division, parentID: home.id))
        let dongNai = try admin.addUnit(NewUnit(name: "Ủy ban nhân dân tỉnh Đồng Nai", kind: .authority, parentID: nil))
        let labourOffice = try admin.findUnit("\(department) > Văn phòng Sở")
        _ = try admin.acceptReviewUnit(labourOffice.id)
        _ = try admin.addUser(login: "vp.ld", role: .unit, unitID: labourOffice.id, displayName: "Nguyễn Thị Lan")
        _ = try admin.addUser(login: "vp.nv", role: .unit, unitID: homeOffice.id, displayName: "Lê Văn Hùng")

        // A result recorded before the merge, by the department's own Văn phòng.
        let before = try Store(connection: Connection(db.configuration), actingAs: "vp.ld")
        _ = try before.addProgress(
            NewProgress(
                activityID: try before.findActivity("II.3.a", plan: plan2025).id, unitID: labourOffice.id,
                date: Day(2025, 2, 10)!, text: "Đăng 2 tin, bài tháng 2", quantity: nil, quantityUnit: nil, evidence: []))

        _ = try admin.mergeUnit(labour.id, into: home.id, effective: Day(2025, 3, 1)!, act: "Nghị quyết 21/NQ-HĐND")
        let officeMerge = try admin.mergeUnit(labourOffice.id, into: homeOffice.id, effective: Day(2025, 3, 1)!, act: nil)
        _ = try admin.mergeUnit(
            binhPhuoc.id, into: dongNai.id, effective: Day(2025, 7, 1)!, act: "Nghị quyết 202/2025/QH15")
        let moved = officeMerge.summary.contains("1 tài khoản chuyển sang") ? 1 : 0
        return Province(admin: admin, plan2024: plan2024, plan2025: plan2025, moved: moved)
    }

    static func report(_ store: Store, _ plan: String, _ period: String, date: Day? = nil) throws -> Report {
        try ReportAssembly(store: store, plan: plan, period: period, regime: "cchc", date: date)
            .report(asOf: nil, status: .draft, snapshot: nil)
    }

    @Test("A report keeps the names of its date: 2024 the department, Q2/2025 Sở Nội vụ of Bình Phước, Q3/2025 of Đồng Nai")
    func namesByReportDate() throws {
        try withMigratedDatabase { db in
            let province = try Self.build(db)
            let admin = province.admin

            let old = try Self.report(admin, province.plan2024, "2024-Y")
            #expect(old.reporter.name == Self.department)
            #expect(old.reporter.parent == "Ủy ban nhân dân tỉnh Bình Phước")
            #expect(old.reporter.abbreviation == "SLĐTBXH")
            #expect(old.reporter.place == "Bình Phước")
            #expect(old.recipient == "Sở Nội vụ")
            #expect(old.distribution.first == "Sở Nội vụ")
            #expect(old.signer.name != nil, "the plan's own signer signs the department's own report")
            #expect(old.title.hasSuffix("năm 2024"))

            let spring = try Self.report(admin, province.plan2025, "2025-Q2", date: Day(2025, 6, 20))
            #expect(spring.reporter.name == "Sở Nội vụ")
            #expect(spring.reporter.parent == "Ủy ban nhân dân tỉnh Bình Phước")
            #expect(spring.reporter.abbreviation == "SNV")
            #expect(spring.code.hasSuffix("/BC-SNV"))
            #expect(spring.signer.name == nil, "the department's director does not sign for Sở Nội vụ")
            #expect(spring.recipient == "Ủy ban nhân dân tỉnh Bình Phước", "Sở Nội vụ reports to the province")
            // The tables name the receiving units: no activity still shows the absorbed department's units.
            let springUnits = spring.activities.flatMap { $0.lead + $0.coordinating }
            #expect(!springUnits.isEmpty)
            #expect(!springUnits.contains { $0.contains("Lao động") }, "\(springUnits)")

            let autumn = try Self.report(admin, province.plan2025, "2025-Q3", date: Day(2025, 9, 22))
            #expect(autumn.reporter.name == "Sở Nội vụ")
            #expect(autumn.reporter.parent == "Ủy ban nhân dân tỉnh Đồng Nai")
            #expect(autumn.reporter.place == "Đồng Nai")
            #expect(autumn.recipient == "Ủy ban nhân dân tỉnh Đồng Nai")
            let markdown = autumn.markdown()
            #expect(markdown.contains("Đồng Nai, ngày 22 tháng 9 năm 2025"), "\(markdown.prefix(600))")
            #expect(!markdown.contains("Bình Phước, ngày"))
            #expect(!markdown.contains("****"), "no empty bold line where the signer's name would be")

            // The result recorded before the merge keeps the unit that recorded it, under its new name.
            let early = try Self.report(admin, province.plan2025, "2025-Q1", date: Day(2025, 3, 20))
            let results = early.activities.flatMap(\.results)
            #expect(results.count == 1)
            #expect(results.first?.unit.name == "Văn phòng Sở")
        }
    }

    @Test("The receiving body takes over: its staff record on the absorbed plan, its lock covers it, accounts move")
    func receivingBodyTakesOver() throws {
        try withMigratedDatabase { db in
            let province = try Self.build(db)
            let admin = province.admin
            #expect(province.moved == 1, "vp.ld's account moves with the merged Văn phòng")
            let homeOffice = try admin.findUnit("Sở Nội vụ > Văn phòng Sở")
            #expect(try admin.listUsers().first { $0.user.login == "vp.ld" }?.user.unitID == homeOffice.id)

            // Sở Nội vụ's Văn phòng records on the department's activity (the merged Văn phòng leads it).
            let staff = try Store(connection: Connection(db.configuration), actingAs: "vp.nv")
            let activity = try staff.findActivity("II.3.a", plan: province.plan2025)
            func entry(_ day: Day) -> NewProgress {
                NewProgress(
                    activityID: activity.id, unitID: homeOffice.id, date: day, text: "Đăng 3 tin, bài",
                    quantity: 3, quantityUnit: "tin, bài", evidence: [])
            }
            _ = try staff.addProgress(entry(Day(2025, 4, 10)!))

            // Another Sở's plan stays out of reach.
            let other = try String(contentsOf: ToolRunner.fixture("45-KH-STP-2024.txt"), encoding: .utf8)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("reorg-stp-\(UUID()).txt")
            try other.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let justice = try admin.importPlan(try PlanImporter().read(file: file), replace: false)
            let foreign = try admin.findActivity("PL.1", plan: justice.reference)
            #expect(throws: (any Error).self) {
                _ = try staff.addProgress(
                    NewProgress(
                        activityID: foreign.id, unitID: homeOffice.id, date: Day(2024, 4, 10)!, text: "Không phải việc của Sở",
                        quantity: nil, quantityUnit: nil, evidence: []))
            }

            // Submitting Q2 locks the period for Sở Nội vụ, which now holds the plan: the absorbed plan's
            // activities are locked for everyone, Sở Nội vụ's own staff included.
            var assembly = try ReportAssembly(
                store: admin, plan: province.plan2025, period: "2025-Q2", regime: "cchc", date: Day(2025, 6, 20))
            let (submitted, _) = try assembly.submit(asOf: nil)
            #expect(submitted.reporter.name == "Sở Nội vụ")
            #expect(submitted.activities.flatMap(\.results).contains { $0.text == "Đăng 3 tin, bài" })
            let refusal = #expect(throws: (any Error).self) { _ = try staff.addProgress(entry(Day(2025, 5, 1)!)) }
            #expect("\(refusal.map { "\($0)" } ?? "")".contains("đã khóa"), "\(String(describing: refusal))")
            _ = try staff.addProgress(entry(Day(2025, 7, 15)!))
        }
    }
}
