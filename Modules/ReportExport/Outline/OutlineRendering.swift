import PlanCore

extension Report {
    /// The outline this report is written in: its own (a stored đề cương, kept in a submission), else the
    /// shipped one.
    var outlineInForce: ReportOutline { outline ?? .standard }
}

extension ReportOutline {
    /// The body blocks for a report: headings numbered as they occur, sections kept or dropped, parts computed.
    func body(_ report: Report) -> [ReportBlock] {
        var numbering = HeadingNumbers()
        return blocks(body, report, &numbering)
    }

    private func blocks(_ elements: [Element], _ report: Report, _ numbering: inout HeadingNumbers) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        for element in elements {
            switch element {
            case .heading(let level, let text):
                let number = numbering.next(level)
                let heading = text.render(report, number: number)
                if level == 2 { numbering.section = text.usesNumber ? number.map { String($0.dropLast()) } : Self.leadingNumber(heading) }
                blocks.append(.heading(heading, level: level))
            case .paragraph(let text):
                blocks.append(.paragraph(text.render(report)))
            case .item(let level, let text):
                blocks.append(.item(text.render(report), level: level))
            case .part(let part):
                blocks += Self.render(part, report, section: numbering.section)
            case .section(let condition, let inverted, let inner):
                if Self.holds(condition, report) != inverted { blocks += self.blocks(inner, report, &numbering) }
            }
        }
        return blocks
    }

    private static func render(_ part: Part, _ report: Report, section: String?) -> [ReportBlock] {
        switch part {
        case .overview: return ReportNarrative.overview(report).map { .paragraph($0) }
        case .activities: return ReportNarrative.activities(report, section: section)
        case .unitsTable: return [ReportNarrative.unitsTable(report.figures.units)]
        case .products: return ReportNarrative.products(report)
        case .strengths: return ReportNarrative.strengths(report).map(ReportBlock.paragraph)
        case .issues: return ReportNarrative.issues(report)
        case .nextPeriod: return ReportNarrative.nextPeriod(report)
        case .proposals: return ReportNarrative.proposals(report)
        }
    }

    private static func holds(_ condition: Condition, _ report: Report) -> Bool {
        switch condition {
        case .internalVersion: return report.showsUnitReporting
        case .hasActivities: return !report.activities.isEmpty
        case .hasOverdue: return !report.overdue.isEmpty
        case .hasIssues: return report.issues != nil
        case .hasProposals: return report.proposals != nil
        }
    }

    /// "2" of a heading written "2. Kết quả …" (a number the outline typed instead of `{{so}}`).
    private static func leadingNumber(_ heading: String) -> String? {
        let digits = heading.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && heading.dropFirst(digits.count).hasPrefix(".") ? String(digits) : nil
    }

    // MARK: the Phụ lục

    func annexHeading(_ report: Report) -> String { annex.heading.render(report) }
    func annexTitle(_ report: Report) -> String { annex.title.render(report) }
    func annexAttachment(_ report: Report) -> String { annex.attachment.render(report) }

    /// The columns of the annex table, in order.
    var annexColumns: [AnnexColumn] { annex.columns.map(\.content) }

    /// The annex table of a report in this outline's columns.
    func annexTable(_ report: Report) -> BlockTable {
        let columns = annex.columns
        var rows: [BlockTable.Row] = []
        for (index, bucket) in ReportAnnex.groups(report.activities).enumerated() {
            if let name = bucket.name { rows.append(.group(label: VietnameseNumerals.roman(index + 1), text: name)) }
            for (number, activity) in bucket.activities.enumerated() {
                rows.append(.cells(columns.map { ReportAnnex.cell($0.content, activity, number: number + 1) }))
            }
        }
        if rows.isEmpty {
            // The notice stands in the widest text column (the task column in the shipped outline).
            let notice = columns.firstIndex { $0.content != .number } ?? 0
            rows.append(
                .cells(columns.indices.map { $0 == notice ? ["Không có nhiệm vụ thuộc kỳ báo cáo"] : $0 == 0 ? [""] : [] }))
        }
        return BlockTable(
            headers: columns.map(\.header), widths: columns.map(\.width),
            alignments: columns.map { ReportAnnex.alignment($0.content) }, rows: rows)
    }
}

/// Numbers of the headings written with `{{so}}`: I., II. at level 1; 1., 2. under each; 2.1. below.
private struct HeadingNumbers {
    var counts = [0, 0, 0]
    /// The number of the latest level-2 heading, which numbers the activities under it.
    var section: String?

    mutating func next(_ level: Int) -> String? {
        let index = level - 1
        guard counts.indices.contains(index) else { return nil }
        counts[index] += 1
        for deeper in counts.indices where deeper > index { counts[deeper] = 0 }
        switch level {
        case 1:
            section = nil
            return VietnameseNumerals.roman(counts[0]) + "."
        case 2: return "\(counts[1])."
        default: return "\(counts[1]).\(counts[2])."
        }
    }
}

extension OutlineText {
    /// The text with its placeholders filled in; `number` stands for `{{so}}`.
    func render(_ report: Report, number: String? = nil) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .literal(let literal): text += literal
            case .field(let field): text += field.value(report)
            case .number: text += number ?? ""
            }
        }
        return text
    }
}

extension OutlineField {
    /// This placeholder's value in a report.
    func value(_ report: Report) -> String {
        switch self {
        case .reporter: return report.reporter.name
        case .reporterParent: return report.reporter.parent ?? ""
        case .recipient: return report.recipient
        case .period: return report.period.label
        case .periodLower: return VietnameseFormat.lowercasedFirst(report.period.label)
        case .periodUpper: return VietnameseFormat.upper(report.period.label)
        case .windowFrom: return VietnameseFormat.date(report.period.window.from)
        case .windowTo: return VietnameseFormat.date(report.period.window.to)
        case .deadline: return VietnameseFormat.date(report.period.deadline)
        case .nextPeriod: return report.nextPeriod.label
        case .date: return VietnameseFormat.date(report.date)
        case .code: return report.code
        case .title: return report.title
        case .titleLower: return VietnameseFormat.lowercasedFirst(report.title)
        case .plan: return report.plan.code.map { "Kế hoạch số \($0)" } ?? "Kế hoạch"
        case .planFull: return ReportNarrative.planInFull(report)
        case .parentPlan: return report.plan.parent.map { "Kế hoạch số \($0)" } ?? "kế hoạch cấp trên"
        case .year: return String(report.plan.year)
        }
    }
}
