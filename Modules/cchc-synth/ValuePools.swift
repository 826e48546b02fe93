import Foundation
import PlanCore

/// The values a synthetic database draws from, made once in Swift (through the same grammar and
/// product reader the importer uses) and sent to PostgreSQL as array parameters; the SQL picks one
/// per row by a hash of the row's position, so nothing is sent per row.
struct ValuePools {
    var titles: [String] = []
    var scheduleTexts: [String] = []
    var scheduleKinds: [String] = []
    var scheduleFrom: [String?] = []
    var scheduleTo: [String?] = []
    var scheduleEvery: [String?] = []
    var productTexts: [String] = []
    var productTypes: [String] = []
    var productCounts: [String?] = []
    var productUnits: [String?] = []
    /// What the lead of the activity with the title of the same index reports.
    var resultTexts: [String] = []
    var resultUnits: [String?] = []

    init(seed: UInt64, year: Int, size: Int = 512) {
        var random = SeededGenerator(seed: seed ^ 0x5EED_CCC4)
        var plan = SyntheticPlan.generate(activities: 1, seed: seed, year: year)
        // Titles are shared by every province: "truyền hình tỉnh" rather than one province's name.
        plan.province = UnitCatalogue.Province(place: "tỉnh", isCity: false)
        var seenTitles = Set<String>()
        var products = Set<String>()
        for _ in 0..<size * 4 where titles.count < size {
            let activity = plan.makeActivity(&random)
            guard seenTitles.insert(activity.title).inserted else { continue }
            titles.append(VietnameseText.nfc(activity.title))
            resultTexts.append(VietnameseText.nfc(activity.result))
            resultUnits.append(activity.resultUnit)
            products.formUnion(activity.products)
        }
        for text in ActivityVocabulary.timeFrames {
            let schedule = ScheduleGrammar.parse(text.replacingOccurrences(of: "{year}", with: String(year)), planYear: year)
            scheduleTexts.append(schedule.text)
            scheduleKinds.append(schedule.kind.rawValue)
            scheduleFrom.append(schedule.from?.iso)
            scheduleTo.append(schedule.to?.iso)
            scheduleEvery.append(schedule.every?.rawValue)
        }
        for text in products.sorted() {
            let product = ProductText.parse(text)
            productTexts.append(product.text)
            productTypes.append(product.type)
            productCounts.append(product.plannedCount.map(String.init))
            productUnits.append(product.unit)
        }
    }
}
