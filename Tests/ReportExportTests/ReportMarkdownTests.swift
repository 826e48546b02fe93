import Foundation
import PlanCore
import ReportExport
import Testing

@Suite("Markdown preview")
struct ReportMarkdownTests {
    @Test("the preview has the document's sections in order")
    func sections() throws {
        let md = try SamplePlan.report().markdown()
        let markers = [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 05/BC-SLĐTBXH", "Bình Phước, ngày 18 tháng 6 năm 2024",
            "# BÁO CÁO", "Kết quả thực hiện Kế hoạch thông tin, tuyên truyền cải cách hành chính Quý II năm 2024",
            "## I. KẾT QUẢ THỰC HIỆN", "## II. ĐÁNH GIÁ CHUNG", "### 1. Ưu điểm",
            "### 2. Tồn tại, hạn chế và nguyên nhân", "## III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
            "## IV. ĐỀ XUẤT, KIẾN NGHỊ", "./.", "Nơi nhận:", "- Lưu: VT, VP.", "## Phụ lục",
            "(Kèm theo Báo cáo số 05/BC-SLĐTBXH ngày 18/06/2024 của Sở Lao động - Thương binh và Xã hội)",
        ]
        var position = md.startIndex
        for marker in markers {
            let found = md.range(of: marker, range: position..<md.endIndex)
            #expect(found != nil, "missing or out of order: \(marker)")
            if let found { position = found.upperBound }
        }
        #expect(!md.contains("DỰ THẢO"))
    }

    @Test("drafts are marked")
    func draft() throws {
        let report = try Sample.report([], context: Sample.context(status: .draft))
        #expect(report.markdown().hasPrefix("> **DỰ THẢO**"))
    }

    @Test("user text cannot inject Markdown")
    func escaping() throws {
        let activity = Sample.activity(
            1, "II.1", Sample.schedule(.continuous, "2024-01-01", "2024-12-31"),
            progress: [Sample.entry(1, "2024-04-01", text: "Bài *quan trọng* | [link](x) <b>")])
        let md = try Sample.report([activity]).markdown()
        #expect(md.contains("Bài \\*quan trọng\\* \\| \\[link\\](x) \\<b\\>"))
    }
}
