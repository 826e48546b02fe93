import Foundation
import PlanCore
import Testing
@testable import PlanImport

/// Markdown (and Markdown-like conversion residue) is read as plain text with its tables.
@Suite("Markdown")
struct MarkdownTests {
    @Test("emphasis, escapes and line breaks are removed, words kept", arguments: [
        ("**KT. GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
        ("+ *Cải cách thể chế*: tuyên truyền", "+ Cải cách thể chế: tuyên truyền"),
        ("báo cáo (*lồng ghép trong Báo cáo*) về", "báo cáo (lồng ghép trong Báo cáo) về"),
        ("__Nơi nhận:__", "Nơi nhận:"),
        ("_Ghi chú_: đã ký", "Ghi chú: đã ký"),
        ("1\\. Mục đích", "1. Mục đích"),
        ("Tỷ lệ 5 * 3 = 15", "Tỷ lệ 5 * 3 = 15"),
        ("tên_tệp_kèm_theo.docx", "tên_tệp_kèm_theo.docx"),
        ("Số: ____/KH-SNV", "Số: /KH-SNV"),
    ])
    func stripsEmphasis(text: String, expected: String) {
        #expect(MarkdownCleanup.stripEmphasis(text) == expected)
    }

    @Test("heading marks and block quotes are removed; \"* \" bullets become dashes", arguments: [
        ("## II. NỘI DUNG", "II. NỘI DUNG"), ("# KẾ HOẠCH #", "KẾ HOẠCH"), ("> Căn cứ Luật", "Căn cứ Luật"),
        ("* Tin, bài", "- Tin, bài"), ("#hashtag", "#hashtag"),
    ])
    func stripsLineMarkers(text: String, expected: String) {
        #expect(MarkdownCleanup.stripLineMarkers(text) == expected)
    }

    @Test("Markdown is recognised from its markers, not only its name")
    func detection() {
        #expect(MarkdownCleanup.looksLikeMarkdown(["# KẾ HOẠCH", "## I. MỤC ĐÍCH"]))
        #expect(MarkdownCleanup.looksLikeMarkdown(["| STT | Nội dung |", "|---|---|"]))
        #expect(MarkdownCleanup.looksLikeMarkdown(["**KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC**", "+ *Cải cách*: a"]))
        #expect(!MarkdownCleanup.looksLikeMarkdown(["I. MỤC ĐÍCH", "- Thời gian: Quý II/2024", "5 * 3 = 15"]))
    }

    static let plan = """
        # KẾ HOẠCH
        ## Thông tin, tuyên truyền cải cách hành chính năm 2025

        Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh,

        ## I. MỤC ĐÍCH

        Nâng cao nhận thức.

        ## II. NHIỆM VỤ

        | STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |
        |:---:|---|---|---|---|
        | **I** | **TUYÊN TRUYỀN TRÊN BÁO CHÍ** | | | |
        | 1 | Đăng tin, bài về *cải cách hành chính* | Văn phòng Sở | Phòng Nội vụ, Thanh tra Sở | Quý II |
        | 2 | Phát hành tờ gấp \\| áp phích | Phòng Nội vụ<br>Thanh tra Sở | | Thường xuyên |
        """

    @Test("a Markdown plan: headings, pipe table with a group row and <br> line breaks")
    func markdownPlan() throws {
        let plan = try importText(Self.plan, fileName: "plan.md")
        #expect(plan.source.mediaType == .md)
        #expect(plan.document.typeName == "KẾ HOẠCH")
        #expect(plan.document.title == "Thông tin, tuyên truyền cải cách hành chính năm 2025")
        #expect(plan.parent?.code == "12/KH-UBND")
        #expect(plan.sections.map(\.label) == ["I", "II"])
        #expect(plan.activities.count == 2)
        let first = try #require(plan.activities.first)
        #expect(first.ref == "II.I.1")
        #expect(first.title == "Đăng tin, bài về cải cách hành chính")
        #expect(first.group == "TUYÊN TRUYỀN TRÊN BÁO CHÍ")
        #expect(first.coordinating == ["Phòng Nội vụ", "Thanh tra Sở"])
        #expect(first.schedule.from == Day(2025, 4, 1))
        #expect(plan.activities[1].title == "Phát hành tờ gấp | áp phích")
        #expect(plan.activities[1].lead == ["Phòng Nội vụ", "Thanh tra Sở"])
    }

    @Test("the same content named .txt without Markdown markers is plain text")
    func plainText() throws {
        let plan = try importText("KẾ HOẠCH\nThông tin năm 2025\nI. MỤC ĐÍCH\n1. Tập huấn\n- Chủ trì: Văn phòng Sở\n")
        #expect(plan.source.mediaType == .txt)
        #expect(plan.activities.map(\.ref) == ["I.1"])
    }
}
