import Testing
@testable import PlanImport

/// Products split before counted items, and stay whole otherwise.
@Suite("Product lists")
struct ProductListSplitterTests {
    @Test("products are split at semicolons and before counted items", arguments: [
        (
            "12 chuyên mục phát thanh, 12 chuyên mục truyền hình, 24 tin, bài trên báo.",
            ["12 chuyên mục phát thanh", "12 chuyên mục truyền hình", "24 tin, bài trên báo"]
        ),
        ("Tin, bài", ["Tin, bài"]),
        ("Tờ gấp, video clip", ["Tờ gấp, video clip"]),
        ("02 lớp tập huấn và 01 hội nghị", ["02 lớp tập huấn", "01 hội nghị"]),
        ("Báo cáo kết quả; Kế hoạch triển khai", ["Báo cáo kết quả", "Kế hoạch triển khai"]),
        ("- Pano, áp phích\n- 500 tờ gấp", ["Pano, áp phích", "500 tờ gấp"]),
        ("Kế hoạch, thể lệ và kết quả Hội thi", ["Kế hoạch, thể lệ và kết quả Hội thi"]),
    ])
    func splits(text: String, items: [String]) {
        #expect(ProductListSplitter.split(text) == items)
    }
}
