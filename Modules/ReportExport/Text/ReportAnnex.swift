import PlanCore

/// The Phụ lục of a periodic report: every activity with its units, time frame, results, status and
/// evidence (at most `resultLimit` results listed per row). When activities carry groups, rows stand under
/// Roman-numbered group rows (in order of each group's first appearance; activities without a group last,
/// under "Nhiệm vụ khác") and are numbered from 1 within each group; otherwise they are numbered 1…n.
enum ReportAnnex {
    static func heading(_ report: Report) -> String { report.outlineInForce.annexHeading(report) }
    static func title(_ report: Report) -> String { report.outlineInForce.annexTitle(report) }
    static func attachment(_ report: Report) -> String { report.outlineInForce.annexAttachment(report) }
    static func table(_ report: Report) -> BlockTable { report.outlineInForce.annexTable(report) }

    /// The cells of the shipped outline's eight columns (STT … Minh chứng).
    static func cells(_ activity: ReportActivity, number: Int) -> [[String]] {
        ReportOutline.standard.annexColumns.map { cell($0, activity, number: number) }
    }

    /// One cell of an activity's row; each line is a paragraph in Word.
    static func cell(_ column: AnnexColumn, _ activity: ReportActivity, number: Int) -> [String] {
        switch column {
        case .number: return ["\(number)"]
        case .ref: return [activity.ref]
        case .titleAndRef: return ["\(VietnameseFormat.withoutFinalStop(activity.title)) (\(activity.ref))"]
        case .title: return [VietnameseFormat.withoutFinalStop(activity.title)]
        case .lead: return listed(activity.lead.map(VietnameseFormat.capitalisedFirst))
        case .coordinating: return listed(activity.coordinating.map(VietnameseFormat.capitalisedFirst))
        case .schedule: return [VietnameseFormat.schedule(activity.schedule)]
        case .results: return resultLines(activity.results)
        case .status:
            return [StatusWording.text(activity.status)] + (activity.statusDay.map { ["(\(VietnameseFormat.date($0)))"] } ?? [])
        case .evidence: return evidenceLines(activity.results)
        case .products: return listed(activity.products.map(\.text))
        case .parentRef:
            return [[activity.parentRef, activity.parentTitle.map(VietnameseFormat.withoutFinalStop)].compactMap { $0 }.joined(separator: ": ")]
        }
    }

    /// How a column's cells are aligned.
    static func alignment(_ column: AnnexColumn) -> BlockTable.Alignment {
        switch column {
        case .number, .ref, .schedule, .status: return .center
        default: return .left
        }
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
