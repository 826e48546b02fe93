import PlanCore
import Testing
@testable import PlanImport

/// The section tree: I. / 1. / 1.1. / a) with paragraphs and bullets as text; numbering checks;
/// sentences broken by a page break rejoined.
@Suite("Section tree")
struct SectionTreeTests {
    static let document = """
        KẾ HOẠCH
        Tuyên truyền năm 2024
        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích
        Nâng cao nhận thức.
        2. Yêu cầu
        - Kịp thời, đầy đủ;
        + đúng định hướng.
        II. NỘI DUNG
        1. Nội dung
        1.1. Tuyên truyền chủ trương
        1.2. Tuyên truyền kết quả
        a) Trên báo chí
        b) Trên mạng xã hội
        c) Tại hội nghị
        d) Qua tờ gấp
        đ) Qua pano
        e) Qua hội thi
        III. KINH PHÍ
        Từ nguồn ngân sách.
        Trên đây là Kế hoạch tuyên truyền năm 2024./.
        """

    @Test("numbered sections nest by level; paragraphs and bullets are their text")
    func tree() throws {
        let plan = try importText(Self.document)
        #expect(plan.sections.map(\.label) == ["I", "II", "III"])
        let first = plan.sections[0]
        #expect(first.heading == "MỤC ĐÍCH, YÊU CẦU")
        #expect(first.children.map(\.label) == ["1", "2"])
        #expect(first.children[0].text == ["Nâng cao nhận thức."])
        #expect(first.children[1].text == ["- Kịp thời, đầy đủ;", "+ đúng định hướng."])
        let content = plan.sections[1].children[0]
        #expect(content.children.map(\.label) == ["1.1", "1.2"])
        #expect(content.children[1].children.map(\.label) == ["a", "b", "c", "d", "đ", "e"])
        #expect(plan.sections[2].text == ["Từ nguồn ngân sách.", "Trên đây là Kế hoạch tuyên truyền năm 2024./."])
        #expect(!plan.warnings.contains { $0.code == "numbering-gap" })
    }

    @Test("\"VI\" right after \"III\" is a numbering gap, reported at its line")
    func romanGap() throws {
        let plan = try importText("KẾ HOẠCH\nTuyên truyền\nI. A\nII. B\nIII. C\nVI. D\n")
        let gap = try #require(plan.warnings.first { $0.code == "numbering-gap" })
        #expect(gap.location == "dòng 6")
        #expect(gap.message.contains("“VI” đứng ngay sau “III”"))
        #expect(gap.message.contains("thiếu IV, V"))
    }

    @Test("gaps among numbers and letters, and repeats", arguments: [
        ("1. A\n2. B\n4. C", "thiếu 3"), ("a) A\nb) B\nd) C", "thiếu c"), ("1. A\n2. B\n2. C", "lặp lại"),
    ])
    func otherGaps(body: String, fragment: String) throws {
        let plan = try importText("KẾ HOẠCH\nTuyên truyền\nI. NỘI DUNG\n" + body)
        let gap = try #require(plan.warnings.first { $0.code == "numbering-gap" })
        #expect(gap.message.contains(fragment))
    }

    @Test("Word's letters (a, b, c, d, e, f) are not a gap")
    func wordLetters() throws {
        let plan = try importText("KẾ HOẠCH\nTuyên truyền\nI. NỘI DUNG\na) A\nb) B\nc) C\nd) D\ne) E\nf) F")
        #expect(!plan.warnings.contains { $0.code == "numbering-gap" })
    }

    @Test("a sentence split by a page break is rejoined; a new sentence is not")
    func pageBreak() throws {
        let plan = try importText(
            """
            KẾ HOẠCH
            Tuyên truyền
            I. NỘI DUNG
            - Tuyên truyền về tác động của cải cách hành chính đến phát triển kinh tế - xã hội của tỉnh; tuyên

            truyền tình hình triển khai, kết quả thực hiện.

            Công tác tuyên truyền phải kịp thời
            Nội dung phải phong phú.
            """)
        #expect(
            plan.sections[0].text == [
                "- Tuyên truyền về tác động của cải cách hành chính đến phát triển kinh tế - xã hội của tỉnh; tuyên "
                    + "truyền tình hình triển khai, kết quả thực hiện.",
                "Công tác tuyên truyền phải kịp thời", "Nội dung phải phong phú.",
            ])
    }

    @Test("refs are the path of labels; a multi-level label stands for its parent")
    func refs() throws {
        let plan = try importText(
            """
            KẾ HOẠCH
            Tuyên truyền
            II. NHIỆM VỤ
            1. Nhóm một
            1.2. Tập huấn
            - Chủ trì: Văn phòng Sở
            3. Nhóm ba
            a) Hội thi
            - Chủ trì: Sở Nội vụ
            """)
        #expect(plan.activities.map(\.ref) == ["II.1.2", "II.3.a"])
        #expect(plan.activities.map(\.group) == ["Nhóm một", "Nhóm ba"])
    }
}
