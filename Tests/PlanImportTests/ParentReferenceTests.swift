import PlanCore
import Testing
@testable import PlanImport

/// The parent plan is a Kế hoạch cited after "Thực hiện" / "Căn cứ"; other documents cited are not.
@Suite("Parent plan")
struct ParentReferenceTests {
    static let title = "Thông tin, tuyên truyền cải cách hành chính năm 2024"

    static func parent(_ preamble: [String], ownCode: String? = nil) -> ParentReference? {
        ParentReferenceParser.parse(preamble, ownCode: ownCode, title: title)
    }

    @Test("\"Thực hiện Kế hoạch số …\" gives the code, date and issuer")
    func implements() {
        let parent = Self.parent([
            "Thực hiện Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh về thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh Bình Phước,"
        ])
        #expect(parent == ParentReference(code: "96/KH-UBND", issuedOn: Day(2024, 3, 19), issuer: "UBND tỉnh"))
    }

    @Test("a date written in words and an issuer before the date")
    func otherOrders() {
        #expect(
            Self.parent(["Căn cứ Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh;"])
                == ParentReference(code: "12/KH-UBND", issuedOn: Day(2024, 1, 5), issuer: "Ủy ban nhân dân tỉnh"))
        #expect(
            Self.parent(["Triển khai Kế hoạch 30/KH-SNV của Sở Nội vụ ngày 10/02/2024 về cải cách hành chính,"])
                == ParentReference(code: "30/KH-SNV", issuedOn: Day(2024, 2, 10), issuer: "Sở Nội vụ"))
    }

    @Test("a Nghị quyết or Quyết định cited is a legal basis, not the parent plan")
    func otherDocumentsAreNotParents() {
        #expect(
            Self.parent([
                "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể;",
                "Căn cứ Quyết định số 1291/QĐ-UBND ngày 01/6/2022 của UBND tỉnh;",
                "Căn cứ Kế hoạch cải cách hành chính nhà nước giai đoạn 2021 - 2025 của tỉnh;",
                "Xét đề nghị của Giám đốc Sở Nội vụ,",
            ]) == nil)
    }

    @Test("the plan after the Nghị quyết is found")
    func planAmongOtherDocuments() {
        let parent = Self.parent([
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
            "Căn cứ Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh về thông tin, tuyên truyền cải cách hành chính năm 2024;",
        ])
        #expect(parent?.code == "96/KH-UBND")
    }

    @Test("among several plans cited, the one on the same subject; \"Thực hiện\" wins over \"Căn cứ\"")
    func choosesAmongPlans() {
        let basis = [
            "Căn cứ Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh về thông tin, tuyên truyền cải cách hành chính năm 2024;",
            "Căn cứ Kế hoạch số 20/KH-UBND ngày 10/01/2024 của UBND tỉnh về cải cách hành chính nhà nước năm 2024;",
        ]
        #expect(Self.parent(basis)?.code == "96/KH-UBND")
        #expect(Self.parent(basis + ["Thực hiện Kế hoạch số 7/KH-SNV ngày 01/4/2024 của Sở Nội vụ,"])?.code == "7/KH-SNV")
    }

    @Test("a legal basis listed under \"Căn cứ:\" as bullets")
    func bulletedBasis() {
        let parent = Self.parent([
            "Căn cứ:", "- Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
            "- Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh.",
        ])
        #expect(parent?.code == "96/KH-UBND")
    }

    @Test("the document's own number is not its parent")
    func notItself() {
        #expect(Self.parent(["Thực hiện Kế hoạch số 45/KH-STP ngày 02/4/2024 của Sở Tư pháp,"], ownCode: "45/KH-STP") == nil)
    }

    @Test("a plan named through the decision that issued it: the decision's code, date and issuer")
    func issuedByDecision() {
        #expect(
            Self.parent([
                "Căn cứ Quyết định số 456/QĐ-UBND ngày 10/01/2024 của UBND tỉnh ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024;"
            ]) == ParentReference(code: "456/QĐ-UBND", issuedOn: Day(2024, 1, 10), issuer: "UBND tỉnh"))
        #expect(
            Self.parent([
                "Thực hiện Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2024 của Chủ tịch Ủy ban nhân dân tỉnh về việc phê duyệt Kế hoạch tuyên truyền cải cách hành chính năm 2024,"
            ]) == ParentReference(code: "12/QĐ-UBND", issuedOn: Day(2024, 1, 5), issuer: "Chủ tịch Ủy ban nhân dân tỉnh"))
        // The plan first, then the decision it was issued with.
        #expect(
            Self.parent([
                "Thực hiện Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024 ban hành kèm theo Quyết định số 456/QĐ-UBND ngày 10/01/2024 của UBND tỉnh,"
            ]) == ParentReference(code: "456/QĐ-UBND", issuedOn: Day(2024, 1, 10), issuer: "UBND tỉnh"))
    }

    @Test("among decisions that issue plans, the one on the same subject; a decision issuing something else is no parent")
    func choosesAmongDecisions() {
        let basis = [
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
            "Căn cứ Quyết định số 789/QĐ-UBND ngày 30/12/2021 của UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước giai đoạn 2021 - 2025;",
            "Căn cứ Quyết định số 456/QĐ-UBND ngày 10/01/2024 của UBND tỉnh ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024;",
            "Căn cứ Quyết định số 1291/QĐ-UBND ngày 01/6/2022 của UBND tỉnh ban hành Quy chế phối hợp thực hiện Kế hoạch cải cách hành chính;",
        ]
        #expect(Self.parent(basis)?.code == "456/QĐ-UBND")
        #expect(Self.parent([basis[0], basis[3]]) == nil)
        // A Kế hoạch cited by its own number after "Thực hiện" still wins over the basis.
        #expect(Self.parent(basis + ["Thực hiện Kế hoạch số 7/KH-SNV ngày 01/4/2024 của Sở Nội vụ,"])?.code == "7/KH-SNV")
    }

    @Test("a decision's own number is not its parent")
    func decisionNotItself() {
        #expect(
            Self.parent(["Thực hiện Quyết định số 123/QĐ-UBND ngày 22/01/2024 của UBND tỉnh ban hành Kế hoạch thông tin, tuyên truyền,"],
                        ownCode: "123/QĐ-UBND") == nil)
    }

    @Test("the fixtures' parents", arguments: [
        ("KH-SLDTBXH-2024.txt", "96/KH-UBND"), ("45-KH-STP-2024.docx", "96/KH-UBND"), ("96-KH-UBND-2024.docx", nil),
        ("123-QD-UBND-2024.txt", "456/QĐ-UBND"),
    ])
    func fixtures(name: String, code: String?) throws {
        let plan = try PlanImporter().read(file: Fixtures.url(name))
        #expect(plan.parent?.code == code)
        if code == "96/KH-UBND" {
            #expect(plan.parent?.issuedOn == Day(2024, 3, 19))
            #expect(plan.parent?.issuer == "UBND tỉnh")
        }
    }
}
