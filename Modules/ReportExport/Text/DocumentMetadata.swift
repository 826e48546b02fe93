import OOXML
import PlanCore

/// The e-document metadata of Nghị định 30/2020 (Phụ lục I: cơ quan ban hành, số và ký hiệu, ngày
/// ban hành, loại văn bản, trích yếu, người ký) written into the package properties of the .docx and
/// .xlsx, so a records system (hệ thống quản lý văn bản) reads them without opening the text: the core
/// properties a file manager shows (title = trích yếu, subject = "Báo cáo số …", creator = cơ quan ban
/// hành) and one named custom property per field.
enum DocumentMetadata {
    static func properties(_ report: Report) -> DocxProperties {
        let code = VietnameseFormat.trimmed(report.code)
        let signer = report.signer
        var custom: [DocxProperties.Custom] = [
            .init("Cơ quan ban hành", report.reporter.name),
            .init("Cơ quan chủ quản", report.reporter.parent ?? ""),
            .init("Loại văn bản", "Báo cáo"),
            .init("Số và ký hiệu", code),
            .init("Ngày ban hành", VietnameseFormat.date(report.date)),
            .init("Trích yếu", report.title),
            .init("Kỳ báo cáo", report.period.label),
            .init("Quyền hạn ký", signer.capacity ?? ""),
            .init("Chức vụ người ký", signer.title ?? ""),
            .init("Người ký", signer.name ?? ""),
            .init("Nơi nhận", report.distribution.joined(separator: "; ")),
        ]
        switch report.status {
        case .draft: custom.append(.init("Trạng thái", "Dự thảo"))
        case .submitted, .superseded:
            let version = report.snapshot.map { " (bản số \($0.version), sha256 \($0.sha256))" } ?? ""
            custom.append(.init("Trạng thái", (report.status == .submitted ? "Đã nộp" : "Đã được thay thế") + version))
        }
        return DocxProperties(
            title: report.title, subject: "Báo cáo số \(code)", creator: report.reporter.name,
            keywords: "Báo cáo; \(code); \(report.period.label)",
            description: "\(report.reporter.name), Báo cáo số \(code) ngày \(VietnameseFormat.date(report.date))",
            created: report.date.iso + "T00:00:00Z", modified: report.date.iso + "T00:00:00Z",
            custom: custom.filter { !$0.value.isEmpty })
    }
}
