import Testing
@testable import PlanImport

/// Units are split where a new unit name begins, never inside a name with its own comma or "và".
@Suite("Unit lists")
struct UnitListSplitterTests {
    @Test("one name with a comma or \"và\" inside stays whole", arguments: [
        "các phòng chuyên môn, nghiệp vụ thuộc Sở",
        "các sở, ban, ngành tỉnh",
        "UBND các huyện, thị xã, thành phố",
        "Sở Thông tin và Truyền thông",
        "Đài Phát thanh - Truyền hình và Báo Bình Phước",
        "Đài PT-TH và Báo Bình Phước",
        "Sở Lao động - Thương binh và Xã hội",
        "Phòng Phổ biến, giáo dục pháp luật",
        "Ban Thi đua - Khen thưởng (thuộc Sở Nội vụ)",
        "Các phòng, đơn vị thuộc Sở",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Trung tâm Văn hóa, Thể thao và Truyền thông các huyện",
        "các cơ quan, đơn vị có liên quan",
        "Ủy ban nhân dân các huyện, thị xã, thành phố",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
        "Sở Khoa học và Công nghệ",
        "UBND tỉnh",
    ])
    func keepsOneName(name: String) {
        #expect(UnitListSplitter.split(name) == [name])
    }

    @Test("a list of several units is split into its units", arguments: [
        ("Sở Tư pháp, Sở Thông tin và Truyền thông, Tỉnh đoàn", ["Sở Tư pháp", "Sở Thông tin và Truyền thông", "Tỉnh đoàn"]),
        ("Văn phòng Sở, các đơn vị sự nghiệp trực thuộc Sở", ["Văn phòng Sở", "các đơn vị sự nghiệp trực thuộc Sở"]),
        (
            "các phòng chuyên môn, nghiệp vụ thuộc Sở, các đơn vị sự nghiệp trực thuộc Sở",
            ["các phòng chuyên môn, nghiệp vụ thuộc Sở", "các đơn vị sự nghiệp trực thuộc Sở"]
        ),
        ("Sở Nội vụ, các sở, ban, ngành tỉnh.", ["Sở Nội vụ", "các sở, ban, ngành tỉnh"]),
        (
            "Sở Thông tin và Truyền thông; các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố.",
            ["Sở Thông tin và Truyền thông", "các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]
        ),
        ("Văn phòng UBND tỉnh, Sở Thông tin và Truyền thông", ["Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông"]),
        ("Văn phòng Sở; Trung tâm Phục vụ hành chính công tỉnh", ["Văn phòng Sở", "Trung tâm Phục vụ hành chính công tỉnh"]),
        ("Sở Y tế, Sở Giáo dục và Đào tạo", ["Sở Y tế", "Sở Giáo dục và Đào tạo"]),
        (
            "Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh và Liên đoàn Lao động tỉnh",
            ["Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh", "Liên đoàn Lao động tỉnh"]
        ),
        ("Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh", ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
        ("Sở Nội vụ và các sở, ngành liên quan", ["Sở Nội vụ", "các sở, ngành liên quan"]),
        (
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội"]
        ),
        (
            "Sở Nội vụ (Ban Thi đua - Khen thưởng, Ban Tôn giáo), Sở Tư pháp",
            ["Sở Nội vụ (Ban Thi đua - Khen thưởng, Ban Tôn giáo)", "Sở Tư pháp"]
        ),
        ("Văn phòng Đoàn ĐBQH và HĐND tỉnh, Sở Nội vụ", ["Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Sở Nội vụ"]),
        (
            "Sở Khoa học và Công nghệ, Sở Kế hoạch và Đầu tư",
            ["Sở Khoa học và Công nghệ", "Sở Kế hoạch và Đầu tư"]
        ),
        ("- Sở Tư pháp;\n- Sở Nội vụ.", ["Sở Tư pháp", "Sở Nội vụ"]),
        (
            "Phòng Tư pháp, Phòng Nội vụ và Văn phòng HĐND-UBND các huyện",
            ["Phòng Tư pháp", "Phòng Nội vụ", "Văn phòng HĐND-UBND các huyện"]
        ),
        (
            "Đài Phát thanh - Truyền hình và Báo Bình Phước, Cổng thông tin điện tử tỉnh",
            ["Đài Phát thanh - Truyền hình và Báo Bình Phước", "Cổng thông tin điện tử tỉnh"]
        ),
        ("Các sở, ngành và UBND các huyện", ["Các sở, ngành", "UBND các huyện"]),
        ("Thanh tra Sở, VNPT Bình Phước", ["Thanh tra Sở", "VNPT Bình Phước"]),
    ])
    func splitsUnits(text: String, units: [String]) {
        #expect(UnitListSplitter.split(text) == units)
    }

    @Test("empty text and bare punctuation give no units")
    func emptyInput() {
        #expect(UnitListSplitter.split("") == [])
        #expect(UnitListSplitter.split(" ; . ") == [])
    }

    @Test("a piece starts a unit with a head word, a collective \"các …\" or an abbreviation", arguments: [
        ("Sở Tư pháp", true), ("Ban Dân tộc", true), ("Tỉnh đoàn", true), ("Báo Bình Phước", true),
        ("các đơn vị", true), ("UBND tỉnh", true), ("Trường Chính trị", true),
        ("ban", false), ("ngành tỉnh", false), ("thị xã", false), ("Báo cáo kết quả", false),
        ("Truyền thông", false), ("Xã hội", false), ("giáo dục pháp luật", false),
    ])
    func recognisesUnitStarts(text: String, starts: Bool) {
        #expect(UnitListSplitter.startsUnit(text) == starts)
    }

    @Test("a bare head word or a trailing connector is not a complete name")
    func completeness() {
        #expect(UnitListSplitter.isComplete("Sở Nội vụ"))
        #expect(!UnitListSplitter.isComplete("Sở"))
        #expect(!UnitListSplitter.isComplete("các đơn vị thuộc"))
        #expect(UnitListSplitter.isComplete("UBND"))
    }
}
