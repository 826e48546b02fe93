import PlanCore

/// The Phụ lục of a periodic report: every activity with its units, time frame, results, status and
/// evidence (at most `resultLimit` results listed per row). When activities carry groups, rows stand under
/// Roman-numbered group rows (in order of each group's first appearance; activities without a group last,
/// under "Nhiệm vụ khác") and are numbered from 1 within each group; otherwise they are numbered 1…n.
enum ReportAnnex {
    static let heading = "Phụ lục"

    static func title(_ report: Report) -> String {
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ " + VietnameseFormat.upper(report.period.label)
    }

    /// "(Kèm theo Báo cáo số 05/BC-SLĐTBXH ngày 05/01/2025 của Sở Lao động - Thương binh và Xã hội)".
    static func attachment(_ report: Report) -> String {
        "(Kèm theo Báo cáo số \(report.code) ngày \(VietnameseFormat.date(report.date)) của \(report.reporter.name))"
    }

    static let headers = ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Kết quả", "Tình trạng", "Minh chứng"]

    static func table(_ report: Report) -> BlockTable {
        var rows: [BlockTable.Row] = []
        for (index, bucket) in groups(report.activities).enumerated() {
            if let name = bucket.name { rows.append(.group(label: VietnameseNumerals.roman(index + 1), text: name)) }
            for (number, activity) in bucket.activities.enumerated() {
                rows.append(.cells(cells(activity, number: number + 1)))
            }
        }
        if rows.isEmpty { rows.append(.cells([[""], ["Không có nhiệm vụ thuộc kỳ báo cáo"], [], [], [], [], [], []])) }
        return BlockTable(
            headers: headers, widths: [5, 18, 10, 10, 10, 21, 10, 20],
            alignments: [.center, .left, .left, .left, .center, .left, .center, .left], rows: rows)
    }

    static func cells(_ activity: ReportActivity, number: Int) -> [[String]] {
        [
            ["\(number)"],
            ["\(VietnameseFormat.withoutFinalStop(activity.title)) (\(activity.ref))"],
            listed(activity.lead.map(VietnameseFormat.capitalisedFirst)),
            listed(activity.coordinating.map(VietnameseFormat.capitalisedFirst)),
            [VietnameseFormat.schedule(activity.schedule)],
            resultLines(activity.results),
            [StatusWording.text(activity.status)] + (activity.statusDay.map { ["(\(VietnameseFormat.date($0)))"] } ?? []),
            evidenceLines(activity.results),
        ]
    }

    /// The most results one row lists; beyond it the row gives the count and totals and lists the latest
    /// ones (every result stays in the `cchc.report/v1` data sent with the report).
    static let resultLimit = 5

    /// Each result on its line; above `resultLimit`, a count-and-totals line and the latest results.
    static func resultLines(_ results: [ReportResult]) -> [String] {
        guard !results.isEmpty else { return ["Chưa có kết quả trong kỳ"] }
        guard results.count > resultLimit else { return listed(results.map(ResultText.line)) }
        let totals = ResultText.quantities(results)
        let summary =
            "Có \(results.count) kết quả trong kỳ" + (totals.isEmpty ? "" : " (tổng: \(totals))")
            + ", liệt kê \(resultLimit) kết quả gần nhất:"
        return [summary] + results.suffix(resultLimit).map { "- " + ResultText.line($0) }
    }

    /// The evidence of the results the row lists; for results not listed, how many items they carry.
    static func evidenceLines(_ results: [ReportResult]) -> [String] {
        guard results.count > resultLimit else { return listed(results.flatMap { $0.evidence.map(ResultText.evidence) }) }
        let shown = results.suffix(resultLimit).flatMap { $0.evidence.map(ResultText.evidence) }
        let others = results.dropLast(resultLimit).reduce(0) { $0 + $1.evidence.count }
        let lines = shown.map { "- " + $0 }
        return others == 0 ? lines : lines + ["- Và \(others) minh chứng của các kết quả khác."]
    }

    /// Several lines in one cell each start with "- ", so they read as separate items.
    static func listed(_ lines: [String]) -> [String] {
        lines.count > 1 ? lines.map { "- " + $0 } : lines
    }

    /// Activities in buckets by group; one unnamed bucket when no activity has a group.
    static func groups(_ activities: [ReportActivity]) -> [(name: String?, activities: [ReportActivity])] {
        guard activities.contains(where: { $0.group != nil }) else {
            return activities.isEmpty ? [] : [(nil, activities)]
        }
        var order: [String] = []
        var buckets: [String: [ReportActivity]] = [:]
        var others: [ReportActivity] = []
        for activity in activities {
            guard let group = activity.group else {
                others.append(activity)
                continue
            }
            if buckets[group] == nil { order.append(group) }
            buckets[group, default: []].append(activity)
        }
        var result: [(name: String?, activities: [ReportActivity])] = order.map { ($0, buckets[$0]!) }
        if !others.isEmpty { result.append(("Nhiệm vụ khác", others)) }
        return result
    }
}
