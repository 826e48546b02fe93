import PlanCore
import Testing
@testable import PlanImport

/// "Tổ chức thực hiện": one standing duty per unit, whatever the wording.
@Suite("Responsibilities")
struct ResponsibilityTests {
    @Test("the fixtures' duties, by unit", arguments: [
        (
            "96-KH-UBND-2024.txt",
            ["Sở Nội vụ", "Sở Thông tin và Truyền thông", "Đài Phát thanh - Truyền hình và Báo Bình Phước",
                "Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"]
        ),
        (
            "KH-SLDTBXH-2024.txt",
            ["Văn phòng Sở", "Các phòng chuyên môn, nghiệp vụ thuộc Sở", "các đơn vị sự nghiệp trực thuộc Sở"]
        ),
        ("45-KH-STP-2024.docx", ["Văn phòng Sở"]),
    ])
    func fixtures(name: String, units: [String]) throws {
        let plan = try PlanImporter().read(file: Fixtures.url(name))
        #expect(plan.responsibilities.map(\.unit) == units)
        #expect(plan.responsibilities.allSatisfy { !$0.text.isEmpty })
    }

    @Test("a heading that names the units carries the paragraphs under it")
    func headedByUnit() throws {
        let plan = try PlanImporter().read(file: Fixtures.url("96-KH-UBND-2024.txt"))
        let first = try #require(plan.responsibilities.first)
        #expect(first.text.hasPrefix("Chủ trì, theo dõi, hướng dẫn"))
        #expect(plan.responsibilities[3].text.hasPrefix("a) Căn cứ Kế hoạch này"))
        #expect(plan.responsibilities[3].text.contains("\nb) Báo cáo kết quả"))
    }

    @Test("duties written as \"Unit: …\" or \"Giao/Đề nghị Unit + verb …\"; other paragraphs are not duties")
    func sentenceForms() throws {
        let plan = try importText(
            """
            KẾ HOẠCH
            Tuyên truyền năm 2024
            I. NHIỆM VỤ
            1. Tập huấn
            - Chủ trì: Văn phòng Sở
            II. TỔ CHỨC THỰC HIỆN
            1. Văn phòng Sở: tham mưu, theo dõi, tổng hợp.
            2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội phối hợp tuyên truyền.
            3. Phòng Tổ chức cán bộ chủ trì tập huấn.
            Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Văn phòng Sở.
            """)
        #expect(
            plan.responsibilities.map(\.unit) == [
                "Văn phòng Sở", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội",
                "Phòng Tổ chức cán bộ",
            ])
        #expect(plan.responsibilities[0].text == "Văn phòng Sở: tham mưu, theo dõi, tổng hợp.")
    }
}
