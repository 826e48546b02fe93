import PlanCore
import Testing

@Suite("Names suggested for one that matched nothing")
struct NearestNamesTests {
    static let units = [
        "Sở Tư pháp", "Văn phòng Sở", "Phòng Hành chính tư pháp", "Phòng Phổ biến, giáo dục pháp luật",
        "Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ",
    ]

    @Test("A typo, missing diacritics or a part of the name finds the unit; nothing close finds nothing", arguments: [
        ("Phong Hanh chinh tu phap", ["Phòng Hành chính tư pháp"]),
        ("Phòng Hành chánh tư pháp", ["Phòng Hành chính tư pháp"]),
        ("So Noi vu", ["Sở Nội vụ"]),
        ("Van phong", ["Văn phòng Sở"]),
        ("Thương binh", ["Sở Lao động - Thương binh và Xã hội"]),
        ("Sở Y tế", []),
    ])
    func suggestions(typed: String, expected: [String]) {
        #expect(NearestNames.suggest(typed, among: Self.units) == expected)
    }

    @Test("At most three, nearest first")
    func order() {
        let names = ["Sở Tư pháp", "Sở Tư pháo", "Sở Tư phép", "Sở Tư phấp x", "Sở Từ phạp"]
        let found = NearestNames.suggest("Sở Tư phap", among: names)
        #expect(found.count == 3)
        #expect(found.first == "Sở Tư pháp")
    }
}
