import PlanCore
import ReportExport
import Testing

@Suite("Product totals")
struct ProductTotalTests {
    @Test("planned counts by type beside reported quantities by unit")
    func totals() throws {
        let yearLong = Sample.schedule(.continuous, "2024-01-01", "2024-12-31")
        let activities = [
            Sample.activity(
                1, "1", yearLong,
                products: [
                    Product(text: "12 tin, bài", type: "tin, bài", plannedCount: 12),
                    Product(text: "02 lớp tập huấn", type: "lớp tập huấn", plannedCount: 2, unit: "lớp"),
                ],
                progress: [
                    Sample.entry(1, "2024-04-01", quantity: 3, quantityUnit: "tin, bài"),
                    Sample.entry(2, "2024-05-01", quantity: 2, quantityUnit: "Tin, bài"),
                    Sample.entry(3, "2024-05-02", quantity: 1, quantityUnit: "lớp"),
                    Sample.entry(4, "2024-05-03", quantity: 150, quantityUnit: "người"),
                    Sample.entry(5, "2024-05-04", quantity: 2.5),
                ]),
            Sample.activity(
                2, "2", yearLong, products: [Product(text: "Tin, bài", type: "tin, bài"), Product(text: "Pano", type: "pano")]),
        ]
        let products = try Sample.report(activities).figures.products
        #expect(products.map(\.name) == ["tin, bài", "lớp tập huấn", "pano", "người", "khác"])
        #expect(products.map(\.planned) == [12, 2, nil, nil, nil])
        #expect(products.map(\.reported) == [5, 1, nil, 150, 2.5])
    }
}
