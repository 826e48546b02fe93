import Foundation
import OOXML
import PlanApp
import PlanCore
import PlanImport
import PlanStore
import ReportExport
import TestSupport
import Testing

@Suite("The provincial roll-up issued by Sở Nội vụ, from stored submissions")
struct ProvincialAggregateTests {
    /// The provincial plan 96/KH-UBND and two department plans under it; Sở Nội vụ under the province.
    static func province(_ db: TestDatabase, home withHome: Bool = true) throws -> (store: Store, home: UnitRecord?, province: UnitRef, labour: String) {
        let store = try Store(connection: db.connection, actingAs: "vanphong")
        var references: [String] = []
        for name in ["96-KH-UBND-2024.docx", "KH-SLDTBXH-2024.txt", "45-KH-STP-2024.txt"] {
            references.append(try store.importPlan(try PlanImporter().read(file: ToolRunner.fixture(name)), replace: false).reference)
        }
        let parent = try store.findPlan("96/KH-UBND")
        let province = try store.planOwner(id: parent.id, namesOn: Day(2024, 6, 25)!)
        let home = withHome ? try store.addUnit(NewUnit(name: "Sở Nội vụ", kind: .authority, parentID: province.id)) : nil
        return (store, home, province, references[1])
    }

    @Test("Sở Nội vụ of the province issues it with its own settings; only submitted snapshots count; the rest are named")
    func issuedBySoNoiVu() throws {
        try withMigratedDatabase { db in
            let (store, home, province, plan) = try Self.province(db)
            _ = try store.saveReportSettings(
                unitID: try #require(home).id, capacity: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Trần Văn Bình",
                distribution: ["UBND tỉnh (để báo cáo)", "Các sở, ban, ngành", "Lưu: VT, CCHC"])
            var labour = try ReportAssembly(store: store, plan: plan, period: "2024-Q2", regime: "cchc", date: nil)
            _ = try labour.submit(asOf: nil)

            var request = ProvincialAggregate.Request(period: try PeriodID(parsing: "2024-Q2"))
            request.plan = "96/KH-UBND"
            request.date = Day(2024, 6, 25)
            request.number = 12
            let aggregate = try ProvincialAggregate(request, store: store)
            #expect(aggregate.issuer.name == "Sở Nội vụ")
            #expect(aggregate.issuer.parent == province.name)
            #expect(aggregate.issuer.code == "12/BC-SNV")
            #expect(aggregate.issuer.place == "Bình Phước")
            #expect(aggregate.issuer.signer == .init(capacity: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Trần Văn Bình"))
            #expect(aggregate.issuer.distribution == ["UBND tỉnh (để báo cáo)", "Các sở, ban, ngành", "Lưu: VT, CCHC"])
            // The department that submitted is a row; the one with only live data is named as not reported.
            #expect(aggregate.summary.rows.map(\.unit) == ["Sở Lao động - Thương binh và Xã hội"])
            #expect(aggregate.summary.missing == ["Sở Tư pháp"])

            let texts = try WordDocument(docx: aggregate.docxData()).body.flatMap { block -> [String] in
                switch block {
                case .paragraph(let paragraph): return [paragraph.text]
                case .table(let table): return table.rows.flatMap { $0.flatMap { $0.paragraphs.map(\.text) } }
                }
            }.map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") }
            #expect(texts.contains("Số: 12/BC-SNV"))
            #expect(texts.contains("Bình Phước, ngày 25 tháng 6 năm 2024"))
            #expect(texts.contains("Trần Văn Bình"))
            #expect(texts.contains("Có 1/2 đơn vị nộp báo cáo (sau hạn ngày 20/06/2024)."))

            // This document's own signer and Nơi nhận win over the settings.
            request.signerOverride = .init(name: "Nguyễn Văn An")
            request.distributionOverride = ["Ủy ban nhân dân tỉnh"]
            let overridden = try ProvincialAggregate(request, store: store)
            #expect(overridden.issuer.signer == .init(capacity: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "Nguyễn Văn An"))
            #expect(overridden.issuer.distribution == ["Ủy ban nhân dân tỉnh", "Lưu: VT, VP"])

            // An issuer that does not exist is refused by name.
            request.issuer = "Sở Nội vụ tỉnh Không Có"
            #expect(throws: StoreError.self) { try ProvincialAggregate(request, store: store) }
        }
    }

    @Test("Without a Sở Nội vụ in the registry, Sở Nội vụ under the province the reports name, with the usual signer")
    func defaultIssuer() throws {
        try withMigratedDatabase { db in
            let (store, _, _, plan) = try Self.province(db, home: false)
            var labour = try ReportAssembly(store: store, plan: plan, period: "2024-Q2", regime: "cchc", date: nil)
            _ = try labour.submit(asOf: nil)
            var request = ProvincialAggregate.Request(period: try PeriodID(parsing: "2024-Q2"))
            request.plan = "96/KH-UBND"
            let aggregate = try ProvincialAggregate(request, store: store)
            #expect(aggregate.issuer.name == "Sở Nội vụ")
            #expect(aggregate.issuer.parent == aggregate.summary.rows.first?.parent)
            #expect(aggregate.issuer.signer == .init(capacity: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC"))
            #expect(aggregate.issuer.date == nil && aggregate.issuer.number == nil)
        }
    }
}
