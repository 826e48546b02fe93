/// The trích yếu of a periodic report: "Kết quả thực hiện Kế hoạch thông tin, tuyên truyền cải cách hành
/// chính Quý II năm 2024". The plan title's first letter is lowered (unless it is an abbreviation) and a
/// trailing "năm <plan year>" is dropped, since the period label names the year ("… năm 2024" for the year).
enum ReportTitle {
    static func make(planTitle: String?, planCode: String?, planYear: Int, periodLabel label: String) -> String {
        // Inside the sentence a year is "năm 2024"; "Quý II" keeps its capital.
        let periodLabel = label.hasPrefix("Năm ") ? "năm" + label.dropFirst(3) : label
        guard let planTitle = planTitle.map(VietnameseFormat.trimmed), !planTitle.isEmpty else {
            let plan = planCode.map { "Kế hoạch số \($0)" } ?? "Kế hoạch năm \(planYear)"
            return "Kết quả thực hiện \(plan) \(periodLabel)"
        }
        var title = planTitle
        for suffix in [" năm \(planYear)", " năm \(planYear)."] where title.hasSuffix(suffix) {
            title.removeLast(suffix.count)
        }
        return "Kết quả thực hiện Kế hoạch \(VietnameseFormat.lowercasedFirst(title)) \(periodLabel)"
    }
}
