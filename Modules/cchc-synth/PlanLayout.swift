import ArgumentParser
import Foundation
import PlanCore

/// Where a synthetic plan lists its activities.
enum ActivityLayout: String, ExpressibleByArgument, CaseIterable {
    /// In the body: "1. Title" followed by labelled lines (chủ trì, phối hợp, thời gian, sản phẩm).
    case body
    /// In an annex table (Phụ lục): STT | Nội dung | Chủ trì | Phối hợp | Thời gian | Sản phẩm.
    case annex
}

/// The parts of a plan document in reading order, independent of the file format: the header table,
/// the title, the body paragraphs, the recipients and signature, and the annex table.
struct PlanLayout {
    /// A body paragraph and how it is set.
    struct Paragraph {
        enum Style { case heading, subheading, text, item }
        var text: String
        var style: Style
    }

    /// A row of the annex table.
    enum AnnexRow {
        /// A Roman-numbered group row spanning the table.
        case group(label: String, title: String)
        case activity([String])
    }

    var headerLeft: [String]
    var headerRight: [String]
    var typeName = "KẾ HOẠCH"
    var title: String
    var body: [Paragraph]
    var recipients: [String]
    var signature: [String]
    var signerName: String
    var annexHeading: [String]
    var annexColumns: [String]
    var annexRows: [AnnexRow]

    init(_ plan: SyntheticPlan, layout: ActivityLayout) {
        let issuer = plan.department.name.replacingOccurrences(of: " tỉnh", with: "")
        headerLeft = [
            VietnameseText.upper(plan.province.authorityShortName), VietnameseText.upper(issuer), "Số: \(plan.code)",
        ]
        headerRight = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", plan.dateLine]
        title = plan.title
        signerName = plan.signerName
        let me = plan.selfName
        var body: [Paragraph] = [
            Paragraph(text: "\(plan.parentCitation) \(plan.department.name) ban hành Kế hoạch như sau:", style: .text),
            Paragraph(text: "I. MỤC ĐÍCH, YÊU CẦU", style: .heading),
            Paragraph(text: "1. Mục đích", style: .subheading),
            Paragraph(
                text: "Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức và người dân, doanh nghiệp về "
                    + "cải cách hành chính; tạo sự đồng thuận trong triển khai các nhiệm vụ cải cách hành chính năm \(plan.year).",
                style: .text),
            Paragraph(text: "2. Yêu cầu", style: .subheading),
            Paragraph(
                text: "Thông tin, tuyên truyền bảo đảm chính xác, kịp thời, đúng định hướng; nội dung và hình thức phù hợp "
                    + "với từng nhóm đối tượng; gắn với nhiệm vụ chuyên môn của \(me).",
                style: .text),
            Paragraph(text: "II. NỘI DUNG THÔNG TIN, TUYÊN TRUYỀN", style: .heading),
            Paragraph(
                text: "- Các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về cải cách hành chính; các văn bản chỉ đạo "
                    + "của Trung ương và của tỉnh.",
                style: .item),
            Paragraph(
                text: "- Kết quả thực hiện 6 nội dung cải cách hành chính và các chỉ số PAR INDEX, SIPAS, PCI, PAPI của tỉnh.",
                style: .item),
            Paragraph(text: "III. NHIỆM VỤ CỤ THỂ", style: .heading),
        ]
        var rows: [AnnexRow] = []
        switch layout {
        case .body:
            // One group: "1. Title"; several: "1. Group" then "1.1. Title", "1.2. Title", …
            let grouped = plan.groups.count > 1
            let numbered = plan.groups.enumerated().flatMap { groupIndex, group in
                group.activities.enumerated().map { index, activity in
                    (label: grouped ? "\(groupIndex + 1).\(index + 1)." : "\(index + 1).", group: groupIndex, first: index == 0,
                     activity: activity)
                }
            }
            for (label, groupIndex, first, activity) in numbered {
                if grouped && first {
                    body.append(Paragraph(text: "\(groupIndex + 1). \(plan.groups[groupIndex].title)", style: .subheading))
                }
                body.append(Paragraph(text: "\(label) \(activity.title)", style: .subheading))
                body.append(Paragraph(text: "- \(activity.leadLabel): \(activity.lead.joined(separator: ", ")).", style: .item))
                if !activity.coordinating.isEmpty {
                    body.append(
                        Paragraph(
                            text: "- \(activity.coordinatingLabel): \(activity.coordinating.joined(separator: ", ")).",
                            style: .item))
                }
                body.append(Paragraph(text: "- \(activity.timeLabel): \(activity.timeFrame).", style: .item))
                body.append(
                    Paragraph(text: "- \(activity.productLabel): \(activity.products.joined(separator: ", ")).", style: .item))
            }
        case .annex:
            body.append(
                Paragraph(
                    text: "Các nhiệm vụ cụ thể, đơn vị chủ trì, phối hợp và thời gian thực hiện được nêu tại Phụ lục kèm theo "
                        + "Kế hoạch này.",
                    style: .text))
            var number = 0
            for (index, group) in plan.groups.enumerated() {
                if plan.groups.count > 1 { rows.append(.group(label: VietnameseNumerals.roman(index + 1), title: group.title)) }
                for activity in group.activities {
                    number += 1
                    rows.append(
                        .activity([
                            String(number), activity.title, activity.lead.joined(separator: ", "),
                            activity.coordinating.joined(separator: "; "), activity.timeFrame,
                            activity.products.joined(separator: ", "),
                        ]))
                }
            }
        }
        body += [
            Paragraph(text: "IV. KINH PHÍ THỰC HIỆN", style: .heading),
            Paragraph(
                text: "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn kinh phí hoạt động năm \(plan.year) của \(me) "
                    + "theo phân cấp ngân sách hiện hành.",
                style: .text),
            Paragraph(text: "V. TỔ CHỨC THỰC HIỆN", style: .heading),
            Paragraph(text: "1. \(plan.divisions[0])", style: .subheading),
            Paragraph(
                text: "Theo dõi, đôn đốc các đơn vị triển khai thực hiện Kế hoạch; tổng hợp kết quả, lồng ghép trong báo cáo "
                    + "cải cách hành chính định kỳ quý, 6 tháng, năm gửi Sở Nội vụ.",
                style: .text),
            Paragraph(text: "2. Các phòng chuyên môn, nghiệp vụ thuộc \(me)", style: .subheading),
            Paragraph(
                text: "Tổ chức thực hiện tốt nhiệm vụ được giao; báo cáo kết quả thực hiện về \(plan.divisions[0]) "
                    + "trước ngày 05 của tháng cuối quý./.",
                style: .text),
        ]
        self.body = body
        recipients = ["UBND tỉnh;", "Sở Nội vụ;", "Lãnh đạo \(me);", "Các phòng, đơn vị thuộc \(me);", "Lưu: VT, VP."]
        let head = Self.headTitle(of: plan.department)
        signature = plan.number % 3 == 0 ? [head] : ["KT. \(head)", "PHÓ \(head)"]
        annexHeading = [
            "PHỤ LỤC",
            "DANH MỤC NHIỆM VỤ THÔNG TIN, TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM \(plan.year)",
            "(Kèm theo Kế hoạch số \(plan.code) ngày \(plan.issuedDay)/\(plan.issuedMonth)/\(plan.year) của \(issuer))",
        ]
        annexColumns = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Sản phẩm"]
        annexRows = rows
    }

    /// The title of the head of a body, as the signature block writes it.
    static func headTitle(of department: UnitCatalogue.Department) -> String {
        let name = department.name
        if name.hasPrefix("Ban ") { return "TRƯỞNG BAN" }
        if name.hasPrefix("Thanh tra") { return "CHÁNH THANH TRA" }
        if name.hasPrefix("Văn phòng") { return "CHÁNH VĂN PHÒNG" }
        if name.hasPrefix("Trường") { return "HIỆU TRƯỞNG" }
        if name.hasPrefix("Viện") { return "VIỆN TRƯỞNG" }
        return "GIÁM ĐỐC"
    }

    var hasAnnex: Bool { !annexRows.isEmpty }
}
