import PlanCore

/// A readable Vietnamese summary of an imported plan (for `cchc-import plan FILE --dry-run --format text`):
/// identity, parent plan, a table of activities, the number of standing duties, and the warnings.
public enum PlanSummary {
    /// Renders the summary; a pure function of the plan.
    public static func render(_ plan: PlanDocument) -> String {
        var lines: [String] = []
        let document = plan.document
        let type = document.typeName ?? "VĂN BẢN"
        let number = document.code.map { "số \($0)" } ?? "chưa có số" + (document.symbol.map { " (…/\($0))" } ?? "")
        let date = document.issuedOn.map { "ngày \($0.vietnamese)" } ?? "chưa rõ ngày ban hành"
        lines.append("\(type) \(number), \(date)")
        lines.append("Trích yếu: \(document.title ?? "(không rõ)")")
        var issuer = document.issuer ?? "(không rõ)"
        if let parent = document.issuerParent { issuer += " (cơ quan chủ quản: \(parent))" }
        lines.append("Cơ quan ban hành: \(issuer)")
        if let dateText = document.dateText { lines.append("Địa danh, ngày tháng: \(dateText)") }
        lines.append("Năm kế hoạch: \(document.year.map(String.init) ?? "(không rõ)")")
        let signer = [document.signer.capacity, document.signer.title, document.signer.name].compactMap { $0 }
        lines.append("Người ký: \(signer.isEmpty ? "(không rõ)" : signer.joined(separator: " — "))")
        lines.append("Nơi nhận: \(document.recipients.count) nơi")
        if let parent = plan.parent {
            var text = parent.code
            if let day = parent.issuedOn { text += " ngày \(day.vietnamese)" }
            if let issuer = parent.issuer { text += " của \(issuer)" }
            lines.append("Thực hiện kế hoạch cấp trên: \(text)")
        } else {
            lines.append("Thực hiện kế hoạch cấp trên: (không có)")
        }
        lines.append("Tệp: \(plan.source.file) (\(plan.source.mediaType.rawValue), sha256 \(plan.source.sha256.prefix(12))…)")
        lines.append("")

        lines.append("Hoạt động (\(plan.activities.count)):")
        if !plan.activities.isEmpty {
            let header = ["Mục", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"]
            let rows = plan.activities.map { activity in
                [
                    activity.ref, activity.title, activity.lead.joined(separator: "; "),
                    activity.coordinating.joined(separator: "; "), schedule(activity.schedule),
                ]
            }
            lines.append(contentsOf: table(header: header, rows: rows, widths: [10, 44, 30, 30, 48]))
        }
        lines.append("")
        let units = Set(plan.responsibilities.map(\.unit)).count
        lines.append("Trách nhiệm tổ chức thực hiện: \(plan.responsibilities.count) mục, \(units) đơn vị")
        lines.append("Cảnh báo (\(plan.warnings.count)):")
        for warning in plan.warnings {
            let place = warning.location.map { "\($0): " } ?? ""
            lines.append("  - [\(warning.code)] \(place)\(warning.message)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Quý III/2024 (01/07–30/09/2024)", "Thường xuyên (cả năm 2024)", "Trước ngày 15/12/2024 (hạn 15/12/2024)".
    static func schedule(_ schedule: Schedule) -> String {
        let written = schedule.text.isEmpty ? "—" : schedule.text
        switch schedule.kind {
        case .unspecified:
            return schedule.text.isEmpty ? "—" : "\(written) (chưa xác định)"
        case .deadline:
            return "\(written) (hạn \(schedule.to?.vietnamese ?? "?"))"
        case .continuous, .period, .recurring:
            var meaning = range(schedule.from, schedule.to)
            if schedule.kind == .recurring, let every = schedule.every {
                let names: [Schedule.Recurrence: String] = [
                    .month: "hằng tháng", .quarter: "hằng quý", .halfYear: "6 tháng một lần", .year: "hằng năm",
                ]
                meaning = "\(names[every] ?? every.rawValue), \(meaning)"
            }
            return "\(written) (\(meaning))"
        }
    }

    /// "cả năm 2024", "01/07–30/09/2024", "01/12/2024–31/01/2025".
    static func range(_ from: Day?, _ to: Day?) -> String {
        guard let from, let to else { return "\(from?.vietnamese ?? "?")–\(to?.vietnamese ?? "?")" }
        if from.year == to.year {
            if from == Day(from.year, 1, 1), to == Day(to.year, 12, 31) { return "cả năm \(from.year)" }
            return String(from.vietnamese.prefix(5)) + "–" + to.vietnamese
        }
        return from.vietnamese + "–" + to.vietnamese
    }

    /// A plain-text table with cells cut to the column widths.
    static func table(header: [String], rows: [[String]], widths: [Int]) -> [String] {
        var actual = widths.indices.map { column in
            max(width(header[column]), rows.map { min(width($0[column]), widths[column]) }.max() ?? 0)
        }
        actual = actual.map { max($0, 3) }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let cell = cut(cells[column], to: actual[column])
                return cell + String(repeating: " ", count: actual[column] - width(cell))
            }.joined(separator: " | ").trimmingTrailingSpaces
        }
        var result = ["  " + line(header)]
        result.append("  " + actual.map { String(repeating: "-", count: $0) }.joined(separator: "-+-"))
        for row in rows { result.append("  " + line(row)) }
        return result
    }

    /// Cuts by Unicode scalars (NFC Vietnamese has one scalar per letter).
    private static func cut(_ text: String, to width: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > width else { return text }
        return String(scalars.prefix(width - 1)) + "…"
    }

    private static func width(_ text: String) -> Int { text.unicodeScalars.count }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
