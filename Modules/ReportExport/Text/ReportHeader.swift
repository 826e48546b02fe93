import PlanCore

/// The header lines of a document in the Nghị định 30/2020 layout: cơ quan chủ quản, cơ quan ban hành and
/// "Số: …" on the left; Quốc hiệu, Tiêu ngữ and place-and-date on the right.
struct ReportHeader: Hashable, Sendable {
    static let nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    static let motto = "Độc lập - Tự do - Hạnh phúc"

    /// Cơ quan chủ quản, upper case; "" when there is none.
    var parentLine: String
    /// Cơ quan ban hành, upper case.
    var issuerLine: String
    /// "Số: 05/BC-SLĐTBXH".
    var numberLine: String
    /// "Bình Phước, ngày 05 tháng 01 năm 2025".
    var dateLine: String

    init(parent: String?, issuer: String, code: String, place: String, date: Day?, year: Int?) {
        parentLine = VietnameseFormat.upper(parent ?? "")
        issuerLine = VietnameseFormat.upper(issuer)
        numberLine = "Số: " + code
        if let date {
            dateLine = VietnameseFormat.placeAndDate(place: place, date)
        } else {
            // A draft without a date keeps the blanks staff fill in by hand.
            dateLine = "\(place), ngày      tháng      năm \(year.map(String.init) ?? "     ")"
        }
    }

    init(_ report: Report) {
        self.init(
            parent: report.reporter.parent, issuer: report.reporter.name, code: report.code,
            place: report.reporter.place, date: report.date, year: report.date.year)
    }

    /// Thẩm quyền ký and chức vụ, upper case, each on its line ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC").
    static func signatureLines(_ signer: DocumentIdentity.Signer) -> [String] {
        [signer.capacity, signer.title].compactMap { $0 }.map(VietnameseFormat.trimmed).filter { !$0.isEmpty }
            .map(VietnameseFormat.upper)
    }
}

/// The visible marking of a report that is not the submitted original: drafts print "DỰ THẢO" above the
/// header; superseded snapshots print "BẢN ĐÃ ĐƯỢC THAY THẾ" with their version. Submitted reports print none.
enum ReportMarking {
    static func text(_ report: Report) -> String? {
        switch report.status {
        case .draft: return "DỰ THẢO"
        case .submitted: return nil
        case .superseded:
            return "BẢN ĐÃ ĐƯỢC THAY THẾ" + (report.snapshot.map { " (phiên bản \($0.version))" } ?? "")
        }
    }
}
