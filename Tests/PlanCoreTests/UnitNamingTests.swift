import PlanCore
import Testing

@Suite("Unit names met for the first time")
struct UnitNamingTests {
    @Test("Names in capitals become ordinary case as Vietnamese writes agency and place names", arguments: [
        ("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "Ủy ban nhân dân tỉnh Bình Phước"),
        ("UBND TỈNH BÌNH PHƯỚC", "UBND tỉnh Bình Phước"),
        ("SỞ TƯ PHÁP", "Sở Tư pháp"),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
        ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở Thông tin và Truyền thông"),
        ("VĂN PHÒNG SỞ", "Văn phòng Sở"),
        ("PHÒNG HÀNH CHÍNH TƯ PHÁP", "Phòng Hành chính tư pháp"),
        ("UBND THÀNH PHỐ ĐỒNG XOÀI", "UBND thành phố Đồng Xoài"),
    ])
    func sentenceCase(upper: String, expected: String) {
        #expect(UnitNaming.displayName(upper, candidates: []) == expected)
    }

    @Test("The document's own ordinary-case spelling wins over the rule")
    func candidatesWin() {
        let name = UnitNaming.displayName("SỞ GIÁO DỤC VÀ ĐÀO TẠO", candidates: ["Thực hiện của Sở Giáo dục và Đào tạo tỉnh."])
        #expect(name == "Sở Giáo dục và Đào tạo")
        #expect(UnitNaming.displayName("Sở Tư pháp", candidates: []) == "Sở Tư pháp")
    }

    @Test("Kinds and whether a name belongs to the issuing body", arguments: [
        ("Văn phòng Sở", OrgUnit.Kind.division, true),
        ("Phòng Hành chính tư pháp", .division, true),
        ("các phòng chuyên môn, nghiệp vụ thuộc Sở", .group, true),
        ("các sở, ban, ngành tỉnh", .group, false),
        ("Sở Nội vụ", .authority, false),
        ("UBND các huyện, thị xã, thành phố", .authority, false),
        ("Văn phòng UBND tỉnh", .authority, false),
        ("Đài Phát thanh - Truyền hình và Báo Bình Phước", .organisation, false),
        ("Tỉnh đoàn", .organisation, false),
        ("Trung tâm Phục vụ hành chính công tỉnh", .serviceUnit, false),
        ("Trung tâm Trợ giúp pháp lý", .serviceUnit, true),
    ])
    func guess(name: String, kind: OrgUnit.Kind, underIssuer: Bool) {
        let guess = UnitNaming.guess(name)
        #expect(guess.kind == kind)
        #expect(guess.underIssuer == underIssuer)
    }

    @Test("UBND and Ủy ban nhân dân are each other's alias; other names have none")
    func abbreviationVariants() {
        #expect(UnitNaming.abbreviationVariant("UBND tỉnh Bình Phước") == "Ủy ban nhân dân tỉnh Bình Phước")
        #expect(UnitNaming.abbreviationVariant("Ủy ban nhân dân tỉnh Bình Phước") == "UBND tỉnh Bình Phước")
        #expect(UnitNaming.abbreviationVariant("HĐND tỉnh") == "Hội đồng nhân dân tỉnh")
        #expect(UnitNaming.abbreviationVariant("Sở Tư pháp") == nil)
    }

    @Test("Asides in parentheses are not part of the name")
    func asides() {
        #expect(UnitNaming.withoutAside("Ban Thi đua - Khen thưởng (thuộc Sở Nội vụ)") == "Ban Thi đua - Khen thưởng")
        #expect(UnitNaming.withoutAside("Sở Tư pháp") == "Sở Tư pháp")
    }
}

@Suite("Products as plans write them")
struct ProductTextTests {
    @Test("Counts, counting words and types", arguments: [
        ("02 lớp tập huấn", 2, "lớp tập huấn", "lớp tập huấn"),
        ("12 chuyên mục phát thanh", 12, "chuyên mục phát thanh", "chuyên mục"),
        ("Tin, bài", nil, "tin, bài", "tin, bài"),
        ("24 tin, bài trên báo", 24, "tin, bài trên báo", "tin, bài"),
        ("Báo cáo kết quả khảo sát", nil, "báo cáo kết quả khảo sát", "báo cáo"),
        ("SIPAS 2024", nil, "SIPAS 2024", nil),
        ("Quyết định khen thưởng.", nil, "quyết định khen thưởng", "quyết định"),
    ] as [(String, Int?, String, String?)])
    func parse(text: String, count: Int?, type: String, unit: String?) {
        let product = ProductText.parse(text)
        #expect(product.plannedCount == count)
        #expect(product.type == type)
        #expect(product.unit == unit)
        #expect(product.text == text)
    }
    @Test("A body's initials for a ký hiệu: first letters, conjunctions left out, short words kept", arguments: [
        ("Sở Nội vụ", "SNV"),
        ("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"),
        ("Sở Tư pháp", "STP"),
        ("Sở Thông tin và Truyền thông", "STTTT"),
        ("UBND tỉnh Đồng Nai", "UBNDTĐN"),
        ("Ban Thi đua - Khen thưởng (thuộc Sở Nội vụ)", "BTĐKT"),
    ])
    func initials(name: String, expected: String) {
        #expect(UnitNaming.initials(name) == expected)
    }

    @Test("The place an authority's name ends with, or nil", arguments: [
        ("Ủy ban nhân dân tỉnh Đồng Nai", "Đồng Nai"),
        ("UBND tỉnh Bình Phước", "Bình Phước"),
        ("UBND thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("Ủy ban nhân dân tỉnh Bình Phước (cũ)", "Bình Phước"),
        ("Sở Nội vụ", nil),
        ("Phòng phố tỉnh", nil),
    ] as [(String, String?)])
    func place(name: String, expected: String?) {
        #expect(UnitNaming.place(in: name) == expected)
    }
}
