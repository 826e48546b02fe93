import Foundation
import PlanCore
import Testing
@testable import PlanImport

/// A plan issued by a Quyết định: "QUYẾT ĐỊNH Về việc ban hành Kế hoạch …", the decision's basis and
/// articles (Điều 1–3), then the plan itself ("KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)"). The
/// stored identity is the decision's (its number is the one the plan is known and cited by), titled
/// with the plan's title; the tasks come from the attached plan.
@Suite("Plans issued by a Quyết định")
struct DecisionPlanTests {
    typealias P = TestDocx.P
    typealias C = TestDocx.Cell

    static let fixture = "123-QD-UBND-2024.txt"
    static let planTitle = "Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh Tây Ninh"

    @Test("the decision's number, type and date, and the plan's title, as the plan's identity")
    func identity() throws {
        let plan = try PlanImporter().read(file: Fixtures.url(Self.fixture))
        let document = plan.document
        #expect(document.code == "123/QĐ-UBND")
        #expect(document.number == "123")
        #expect(document.symbol == "QĐ-UBND")
        #expect(document.type == "QĐ")
        #expect(document.typeName == "QUYẾT ĐỊNH")
        #expect(document.title == Self.planTitle)
        #expect(document.issuer == "ỦY BAN NHÂN DÂN TỈNH TÂY NINH")
        #expect(document.issuerParent == nil)
        #expect(document.place == "Tây Ninh")
        #expect(document.issuedOn == Day(2024, 1, 22))
        #expect(document.year == 2024)
        #expect(document.signer == DocumentIdentity.Signer(capacity: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn C"))
        #expect(document.recipients.first == "Như Điều 3")
        #expect(document.recipients.last == "Lưu: VT, (NV)")
        #expect(plan.warnings.isEmpty, "\(plan.warnings.map(\.code))")
    }

    @Test("the parent is the plan issued by the decision cited in the basis, on the same subject")
    func parent() throws {
        let plan = try PlanImporter().read(file: Fixtures.url(Self.fixture))
        #expect(plan.parent == ParentReference(code: "456/QĐ-UBND", issuedOn: Day(2023, 12, 28), issuer: "Ủy ban nhân dân tỉnh"))
    }

    @Test("the tasks and sections are the attached plan's, not the decision's articles")
    func tasks() throws {
        let plan = try PlanImporter().read(file: Fixtures.url(Self.fixture))
        #expect(plan.sections.map(\.label) == ["I", "II", "III", "IV", "V"])
        #expect(plan.sections.allSatisfy { !$0.text.joined().contains("Điều") })
        #expect(plan.activities.map(\.ref) == ["III.1", "III.2", "III.3", "III.4", "III.5"])
        try #require(plan.activities.count == 5)
        #expect(plan.activities[0].lead == ["Báo Tây Ninh", "Đài Phát thanh và Truyền hình Tây Ninh"])
        #expect(plan.activities[2].coordinating == ["Sở Thông tin và Truyền thông", "Tỉnh đoàn", "Báo Tây Ninh"])
        #expect(plan.activities[4].schedule.from == Day(2024, 4, 1))
        #expect(plan.activities[4].schedule.to == Day(2024, 6, 30))
        #expect(plan.responsibilities.map(\.unit) == ["Sở Nội vụ", "Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"])
    }

    /// The fixture as Word lays it out: header tables, the signature table, bold centred titles and
    /// auto-numbered headings ("I.", "1.", "-" from numbering.xml).
    static func docx() throws -> TestDocx {
        let lines = try String(contentsOf: Fixtures.url(fixture), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        var blocks: [TestDocx.Block] = []
        var index = 0
        func take(_ count: Int) -> [String] {
            defer { index += count }
            return Array(lines[index..<(index + count)])
        }
        func cell(_ texts: [String]) -> C {
            var cell = C()
            cell.paragraphs = texts.map { P($0, centered: true) }
            return cell
        }
        let header = take(6)
        blocks.append(.table([[cell(Array(header[0..<3])), cell(Array(header[3..<6]))]]))
        while index < lines.count {
            let line = lines[index]
            if line == "Nơi nhận:" {
                var left: [String] = []
                while !lines[index].hasPrefix("KT.") { left += take(1) }
                let right = take(3)
                var signature = C()
                signature.paragraphs = [P(right[0], bold: true), P(right[1], bold: true), P(""), P(right[2], bold: true)]
                var recipients = C()
                recipients.paragraphs = left.map { P($0) }
                blocks.append(.table([[recipients, signature]]))
                // The attached plan's own header: chủ quản and Quốc hiệu, no number.
                let repeated = take(4)
                blocks.append(.table([[cell(Array(repeated[0..<2])), cell(Array(repeated[2..<4]))]]))
                continue
            }
            index += 1
            if let (label, rest) = Labels.parse(line) {
                switch label.kind {
                case .roman: blocks.append(.paragraph(P(rest, list: 1, level: 0, bold: true)))
                case .arabic: blocks.append(.paragraph(P(rest, list: 1, level: 1)))
                case .dash: blocks.append(.paragraph(P(rest, list: 1, level: 3)))
                default: blocks.append(.paragraph(P(line)))
                }
            } else if TextNormalization.isUppercase(line) || line.hasPrefix("Về việc") || line == planTitle {
                blocks.append(.paragraph(P(line, bold: true, centered: true)))
            } else if line.hasPrefix("(") {
                blocks.append(.paragraph(P(line, centered: true)))
            } else {
                blocks.append(.paragraph(P(line)))
            }
        }
        return TestDocx(blocks)
    }

    @Test("the Word version reads as the text version")
    func wordVersion() throws {
        let text = try PlanImporter().read(file: Fixtures.url(Self.fixture))
        let word = try PlanImporter().read(data: Self.docx().data(), fileName: "123-QD-UBND-2024.docx")
        #expect(word.source.mediaType == .docx)
        #expect(word.document == text.document)
        #expect(word.parent == text.parent)
        #expect(word.sections == text.sections)
        #expect(word.activities == text.activities)
        #expect(word.responsibilities == text.responsibilities)
        #expect(word.warnings.map(\.code) == text.warnings.map(\.code))
    }

    /// A district's decision: "Ban hành Kế hoạch …" as the trích yếu, the parent plan issued by the
    /// province's decision, the plan's title on the line of "KẾ HOẠCH", its tasks in an annex table.
    static let district = """
        ỦY BAN NHÂN DÂN
        THỊ XÃ CHƠN THÀNH
        Số: 35/QĐ-UBND
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Chơn Thành, ngày 05 tháng 02 năm 2024
        QUYẾT ĐỊNH
        Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024 trên địa bàn thị xã
        CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ XÃ CHƠN THÀNH
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
        Căn cứ Quyết định số 123/QĐ-UBND ngày 22/01/2024 của UBND tỉnh ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh;
        Xét đề nghị của Trưởng phòng Nội vụ thị xã.
        QUYẾT ĐỊNH:
        Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính năm 2024 trên địa bàn thị xã.
        Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
        Điều 3. Chánh Văn phòng HĐND và UBND thị xã, Trưởng phòng Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.
        Nơi nhận:
        - Như Điều 3;
        - Lưu: VT.
        CHỦ TỊCH
        Lê Văn D
        KẾ HOẠCH Tuyên truyền cải cách hành chính năm 2024 trên địa bàn thị xã
        (Ban hành kèm theo Quyết định số 35/QĐ-UBND ngày 05/02/2024 của Chủ tịch UBND thị xã)
        I. MỤC ĐÍCH, YÊU CẦU
        Nâng cao nhận thức của cán bộ, công chức và người dân về cải cách hành chính.
        II. NHIỆM VỤ
        Các nhiệm vụ cụ thể tại Phụ lục kèm theo.
        III. TỔ CHỨC THỰC HIỆN
        Phòng Nội vụ theo dõi, tổng hợp kết quả./.
        PHỤ LỤC
        STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện
        1 | Đăng tải tin, bài về cải cách hành chính trên trang thông tin điện tử thị xã | Văn phòng HĐND và UBND thị xã | Phòng Nội vụ | Thường xuyên
        2 | Tuyên truyền trên hệ thống truyền thanh cơ sở | Trung tâm Văn hóa, Thông tin và Thể thao thị xã | UBND các xã, phường | Quý II/2024
        """

    @Test("a district's decision: parent through the province's decision, tasks from the attached plan's annex")
    func districtDecision() throws {
        let plan = try importText(Self.district)
        #expect(plan.document.code == "35/QĐ-UBND")
        #expect(plan.document.type == "QĐ")
        #expect(plan.document.title == "Tuyên truyền cải cách hành chính năm 2024 trên địa bàn thị xã")
        #expect(plan.document.issuer == "ỦY BAN NHÂN DÂN THỊ XÃ CHƠN THÀNH")
        #expect(plan.document.signer == DocumentIdentity.Signer(title: "CHỦ TỊCH", name: "Lê Văn D"))
        #expect(plan.parent == ParentReference(code: "123/QĐ-UBND", issuedOn: Day(2024, 1, 22), issuer: "UBND tỉnh"))
        #expect(plan.activities.map(\.title) == [
            "Đăng tải tin, bài về cải cách hành chính trên trang thông tin điện tử thị xã",
            "Tuyên truyền trên hệ thống truyền thanh cơ sở",
        ])
        #expect(plan.activities.map(\.lead) == [["Văn phòng HĐND và UBND thị xã"], ["Trung tâm Văn hóa, Thông tin và Thể thao thị xã"]])
        #expect(plan.sections.map(\.label) == ["I", "II", "III", "PL"])
        #expect(plan.warnings.isEmpty, "\(plan.warnings.map(\.code))")
    }

    static let titleCases: [(String, String)] = [
        ("Về việc ban hành Kế hoạch thông tin, tuyên truyền năm 2025", "Thông tin, tuyên truyền năm 2025"),
        ("V/v ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025", "Tuyên truyền cải cách hành chính năm 2025"),
        ("Ban hành Kế hoạch Tuyên truyền cải cách hành chính năm 2025", "Tuyên truyền cải cách hành chính năm 2025"),
        ("Phê duyệt Kế hoạch tuyên truyền cải cách hành chính năm 2025", "Tuyên truyền cải cách hành chính năm 2025"),
        ("BAN HÀNH KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025", "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2025"),
    ]

    @Test("the plan's title as the decision states it", arguments: titleCases)
    func titleForms(trichYeu: String, title: String) throws {
        let plan = try importText(
            "UBND HUYỆN BÙ ĐĂNG\nSố: 7/QĐ-UBND\nBù Đăng, ngày 10 tháng 01 năm 2025\nQUYẾT ĐỊNH\n\(trichYeu)\n"
                + "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
                + "Điều 2. Quyết định có hiệu lực kể từ ngày ký./.\nKẾ HOẠCH\n\(title)\nI. NHIỆM VỤ\n1. Tập huấn\n"
                + "- Đơn vị chủ trì: Phòng Nội vụ.\n- Thời gian: Quý II\n")
        #expect(plan.document.title == title)
        #expect(plan.document.code == "7/QĐ-UBND")
        #expect(plan.document.year == 2025)
        #expect(plan.activities.map(\.title) == ["Tập huấn"])
        #expect(plan.activities.first?.schedule.from == Day(2025, 4, 1))
    }

    @Test("a decision that issues no plan keeps its own title; its articles are not tasks")
    func otherDecision() throws {
        let plan = try importText(
            "UBND HUYỆN BÙ ĐĂNG\nSố: 8/QĐ-UBND\nBù Đăng, ngày 10 tháng 01 năm 2025\nQUYẾT ĐỊNH\n"
                + "Về việc thành lập Tổ công tác cải cách hành chính huyện\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN\n"
                + "QUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ công tác.\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký./.\n")
        #expect(plan.document.title == "Về việc thành lập Tổ công tác cải cách hành chính huyện")
        #expect(plan.document.type == "QĐ")
        #expect(plan.activities.isEmpty)
    }
}
