import PlanCore

/// The computed parts of a periodic report's body and the values its outline's placeholders stand for;
/// `ReportOutline` places them (the shipped outline in the order of docs/domain.md §5: I. Kết quả thực
/// hiện · II. Đánh giá chung · III. Phương hướng, nhiệm vụ kỳ tới · IV. Đề xuất, kiến nghị, closed by a
/// sentence ending in "./.").
enum ReportNarrative {
    static func body(_ report: Report) -> [ReportBlock] { report.outlineInForce.body(report) }

    /// The plan reported on, as the opening căn cứ names it: "Kế hoạch số 15/KH-SLĐTBXH ngày 10/5/2024 về
    /// … (triển khai Kế hoạch số 96/KH-UBND)".
    static func planInFull(_ report: Report) -> String {
        var plan = report.plan.code.map { "Kế hoạch số \($0)" } ?? "Kế hoạch"
        if let issued = report.plan.issuedOn { plan += " ngày \(VietnameseFormat.date(issued))" }
        if let title = report.plan.title.map(VietnameseFormat.withoutFinalStop), !title.isEmpty {
            plan += " về " + VietnameseFormat.lowercasedFirst(title)
        }
        if let parent = report.plan.parent { plan += " (triển khai Kế hoạch số \(parent))" }
        return plan
    }

    // MARK: I. Kết quả thực hiện

    /// "1. Tình hình chung": the period's activities by the statuses that occur, the year to date, the
    /// results recorded; the sentences every rendering (Word, Markdown, the web preview) shows.
    static func overview(_ report: Report) -> [String] {
        let f = report.figures
        let window = report.period.window
        var lines: [String] = []
        let plan = report.plan.code.map { "Kế hoạch số \($0)" } ?? "Kế hoạch"
        let span = "Trong kỳ báo cáo (từ ngày \(VietnameseFormat.date(window.from)) đến ngày \(VietnameseFormat.date(window.to)))"
        if f.activities == 0 {
            lines.append("\(span), \(plan) không có nhiệm vụ cần thực hiện.")
        } else {
            // Only the statuses that occur, as a Văn phòng writes them; no rate that says nothing.
            let counts = [
                (f.done, "đã hoàn thành"), (f.inProgress, "đang thực hiện"), (f.notStarted, "chưa thực hiện"),
                (f.overdue, "quá hạn"), (f.cancelled, "dừng thực hiện"),
            ].filter { $0.0 > 0 }.map { "\($0.0) nhiệm vụ \($0.1)" }
            let rate =
                f.done > 0
                ? "; tỷ lệ hoàn thành trong kỳ đạt \(VietnameseFormat.percent(f.completionRate))"
                : "; trong kỳ chưa có nhiệm vụ hoàn thành"
            lines.append(
                "\(span), \(plan) có \(f.activities) nhiệm vụ cần thực hiện, trong đó: "
                    + counts.joined(separator: ", ") + (f.done > 0 || f.activities > 1 ? rate : "") + ".")
        }
        let ytd = f.yearToDate
        let ytdText =
            ytd.due == 0
            ? "chưa có nhiệm vụ đến hạn hoàn thành"
            : "hoàn thành \(ytd.done)/\(ytd.due) nhiệm vụ đến hạn (\(VietnameseFormat.percent(ytd.rate)))"
        lines.append(
            "Lũy kế từ đầu năm đến ngày \(VietnameseFormat.date(report.asOf)): \(ytdText); "
                + "Kế hoạch có tổng số \(ytd.planTotal) nhiệm vụ.")
        lines.append(
            f.progressEntries == 0
                ? "Trong kỳ, các đơn vị chưa cập nhật kết quả thực hiện."
                : "Trong kỳ, các đơn vị đã cập nhật \(f.progressEntries) kết quả thực hiện"
                    + (f.evidence > 0 ? " với \(f.evidence) tài liệu kiểm chứng." : "."))
        return lines
    }

    /// "2. Kết quả thực hiện các nhiệm vụ": each activity in detail, or one line each for a long plan;
    /// `section` numbers them ("2" → 2.1., 2.2.; nil → 1., 2.).
    static func activities(_ report: Report, section: String?) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        if report.activities.isEmpty {
            blocks.append(.paragraph("Không có nhiệm vụ nào thuộc kỳ báo cáo."))
        }
        let detailed = report.activities.count <= detailLimit
        if !detailed {
            blocks.append(
                .paragraph(
                    "Kỳ báo cáo có \(report.activities.count) nhiệm vụ; tình trạng từng nhiệm vụ nêu dưới đây, kết quả "
                        + "và tài liệu kiểm chứng chi tiết tại Phụ lục kèm theo."))
        }
        let prefix = section.map { $0 + "." } ?? ""
        for (index, activity) in report.activities.enumerated() {
            let number = "\(prefix)\(index + 1)."
            blocks += detailed
                ? activityBlocks(activity, number: number, parentPlan: report.plan.parent)
                : [activityLine(activity, number: number)]
        }
        return blocks
    }

    /// "Sản phẩm": planned and reported products, or the sentence saying the plan names none.
    static func products(_ report: Report) -> [ReportBlock] {
        report.figures.products.isEmpty
            ? [.paragraph("Kế hoạch không xác định sản phẩm cụ thể cho các nhiệm vụ trong kỳ.")]
            : [productsTable(report.figures.products)]
    }

    /// Above this many activities the body gives one line per activity and leaves results and evidence to
    /// the Phụ lục (which always has them): a body listing thousands of results is read by nobody, and
    /// writing everything twice doubles the document.
    static let detailLimit = 100

    /// "2.1. <title> (II.3.a): Đang thực hiện; 3 kết quả, 4 tài liệu kiểm chứng."
    private static func activityLine(_ activity: ReportActivity, number: String) -> ReportBlock {
        var counts = activity.results.isEmpty ? "chưa có kết quả trong kỳ" : "\(activity.results.count) kết quả"
        if activity.evidenceCount > 0 { counts += ", \(activity.evidenceCount) tài liệu kiểm chứng" }
        return .paragraph([
            TextSpan("\(number) \(VietnameseFormat.withoutFinalStop(activity.title)) (\(activity.ref)): "),
            TextSpan(StatusWording.text(activity), bold: true), TextSpan("; \(counts)."),
        ])
    }

    private static func activityBlocks(_ activity: ReportActivity, number: String, parentPlan: String?) -> [ReportBlock] {
        var blocks: [ReportBlock] = [
            .heading("\(number) \(VietnameseFormat.withoutFinalStop(activity.title)) (\(activity.ref))", level: 3),
            .item("- Đơn vị chủ trì: \(list(activity.lead))."),
        ]
        if !activity.coordinating.isEmpty { blocks.append(.item("- Đơn vị phối hợp: \(list(activity.coordinating)).")) }
        blocks.append(.item("- Thời gian thực hiện: \(VietnameseFormat.withoutFinalStop(VietnameseFormat.schedule(activity.schedule)))."))
        if let parentRef = activity.parentRef {
            let title = activity.parentTitle.map { " “\(VietnameseFormat.withoutFinalStop($0))”" } ?? ""
            let plan = parentPlan.map { "Kế hoạch số \($0)" } ?? "kế hoạch cấp trên"
            blocks.append(.item("- Thực hiện nhiệm vụ \(parentRef)\(title) của \(plan)."))
        }
        blocks.append(.item([TextSpan("- Tình trạng: "), TextSpan(StatusWording.text(activity), bold: true), TextSpan(".")], level: 1))
        if activity.results.isEmpty {
            blocks.append(.item("- Kết quả trong kỳ: chưa có kết quả được cập nhật."))
            return blocks
        }
        blocks.append(.item("- Kết quả trong kỳ:"))
        for result in activity.results {
            var line = "+ Ngày \(VietnameseFormat.date(result.date)), \(result.unit.name): \(sentence(result.text))"
            if let quantity = ResultText.quantity(result), !ResultText.mentionsQuantity(result) { line += " Số lượng: \(quantity)." }
            if !result.evidence.isEmpty {
                line += " Tài liệu kiểm chứng: " + result.evidence.map(ResultText.evidence).joined(separator: "; ") + "."
            }
            blocks.append(.item(line, level: 2))
        }
        return blocks
    }

    static func unitsTable(_ units: [Report.UnitCompleteness]) -> ReportBlock {
        var rows: [BlockTable.Row] = units.enumerated().map { index, unit in
            .cells([
                ["\(index + 1)"], [VietnameseFormat.capitalisedFirst(unit.unit)], ["\(unit.expected)"], ["\(unit.reported)"], ["\(unit.onTime)"],
                ["\(unit.late)"], ["\(unit.missing)"],
            ])
        }
        if units.isEmpty { rows = [.cells([[""], ["Không có nhiệm vụ cần báo cáo"], [""], [""], [""], [""], [""]])] }
        return .table(
            BlockTable(
                headers: ["STT", "Đơn vị chủ trì", "Cần báo cáo", "Đã báo cáo", "Đúng hạn", "Trễ hạn", "Chưa báo cáo"],
                widths: [8, 37, 12, 12, 11, 10, 11], alignments: [.center, .left, .center, .center, .center, .center, .center],
                rows: rows))
    }

    private static func productsTable(_ products: [Report.ProductTotal]) -> ReportBlock {
        .table(
            BlockTable(
                headers: ["STT", "Loại sản phẩm", "Kế hoạch", "Thực hiện trong kỳ"], widths: [8, 52, 20, 20],
                alignments: [.center, .left, .center, .center],
                rows: products.enumerated().map { index, product in
                    .cells([
                        ["\(index + 1)"], [ResultText.productName(product.name)], [product.planned.map(VietnameseFormat.count) ?? "-"],
                        [product.reported.map(VietnameseFormat.quantity) ?? "-"],
                    ])
                }))
    }

    // MARK: II. Đánh giá chung

    /// Tồn tại, hạn chế: what staff wrote, else what the figures show.
    static func issues(_ report: Report) -> [ReportBlock] {
        if let issues = report.issues { return paragraphs(issues) }
        return generatedIssues(report).map(ReportBlock.paragraph)
    }

    /// Ưu điểm, stated from the figures only.
    static func strengths(_ report: Report) -> [String] {
        let f = report.figures
        var lines: [String] = []
        if f.done > 0 {
            lines.append(
                "Đã hoàn thành \(f.done)/\(f.activities) nhiệm vụ trong kỳ (\(VietnameseFormat.percent(f.completionRate)))"
                    + (f.inProgress > 0 ? "; \(f.inProgress) nhiệm vụ đang được triển khai." : "."))
        } else if f.inProgress > 0 {
            lines.append("Có \(f.inProgress)/\(f.activities) nhiệm vụ đang được triển khai, có kết quả trong kỳ.")
        }
        if f.progressEntries > 0 {
            var text = "Các đơn vị đã cập nhật \(f.progressEntries) kết quả với \(f.evidence) tài liệu kiểm chứng"
            let made = f.products.filter { !ResultText.countsPeople($0.name) }.compactMap { product in
                product.reported.map { "\(VietnameseFormat.quantity($0)) \(product.name)" }
            }
            if !made.isEmpty { text += "; sản phẩm đã thực hiện: " + made.joined(separator: ", ") }
            let people = f.products.filter { ResultText.countsPeople($0.name) }.compactMap { product in
                product.reported.map { "\(VietnameseFormat.quantity($0)) \(product.name)" }
            }
            if !people.isEmpty { text += "; số người tham gia: " + people.joined(separator: ", ") }
            lines.append(text + ".")
        }
        let expected = f.units.filter { $0.expected > 0 }
        if report.showsUnitReporting && !expected.isEmpty {
            let reported = expected.filter { $0.reported == $0.expected }.count
            let onTime = expected.filter { $0.onTime == $0.expected }.count
            lines.append(
                "\(reported)/\(expected.count) đơn vị chủ trì đã báo cáo đầy đủ kết quả các nhiệm vụ được giao; "
                    + "\(onTime) đơn vị báo cáo đúng hạn.")
        }
        if lines.isEmpty { lines.append("Chưa có kết quả thực hiện được cập nhật trong kỳ.") }
        return lines
    }

    /// Tồn tại, hạn chế when staff wrote none: the overdue tasks and the units that did not report.
    static func generatedIssues(_ report: Report) -> [String] {
        var lines: [String] = []
        let overdue = report.overdue
        if !overdue.isEmpty {
            lines.append(
                "Còn \(overdue.count) nhiệm vụ quá hạn chưa hoàn thành: "
                    + overdue.map { "\(VietnameseFormat.withoutFinalStop($0.title)) (\($0.ref); \(list($0.lead)))" }.joined(separator: "; ") + ".")
        }
        let silent = report.showsUnitReporting ? report.figures.units.filter { $0.missing > 0 } : []
        if !silent.isEmpty {
            lines.append(
                "Đơn vị chưa báo cáo đầy đủ kết quả: "
                    + silent.map { "\($0.unit) (\($0.missing)/\($0.expected) nhiệm vụ)" }.joined(separator: "; ") + ".")
        }
        let late = report.showsUnitReporting ? report.figures.units.filter { $0.late > 0 } : []
        if !late.isEmpty {
            lines.append("Đơn vị báo cáo trễ hạn: " + late.map(\.unit).joined(separator: "; ") + ".")
        }
        if lines.isEmpty {
            lines.append(
                report.showsUnitReporting
                    ? "Không có nhiệm vụ quá hạn; các đơn vị báo cáo đầy đủ, đúng hạn." : "Không có nhiệm vụ quá hạn.")
        }
        return lines
    }

    // MARK: III. Phương hướng, nhiệm vụ kỳ tới

    /// The tasks of the next period and the overdue ones carried into it.
    static func nextPeriod(_ report: Report) -> [ReportBlock] {
        let next = report.nextPeriod
        if report.nextTasks.isEmpty && report.overdue.isEmpty {
            return [.paragraph("Kế hoạch không có nhiệm vụ đến hạn trong kỳ tới (\(next.label)).")]
        }
        var blocks: [ReportBlock] = [
            .paragraph(
                "Trong kỳ tới (\(next.label), từ ngày \(VietnameseFormat.date(next.window.from)) đến ngày "
                    + "\(VietnameseFormat.date(next.window.to))), tập trung thực hiện các nhiệm vụ sau:")
        ]
        for task in report.nextTasks {
            blocks.append(
                .item(
                    "- \(VietnameseFormat.withoutFinalStop(task.title)) (\(task.ref); chủ trì: \(list(task.lead)); "
                        + "thời gian: \(VietnameseFormat.withoutFinalStop(VietnameseFormat.schedule(task.schedule))))."))
        }
        let carried = report.overdue.filter { overdue in !report.nextTasks.contains { $0.ref == overdue.ref } }
        if !carried.isEmpty {
            blocks.append(
                .item(
                    "- Khẩn trương hoàn thành các nhiệm vụ quá hạn: "
                        + carried.map { "\(VietnameseFormat.withoutFinalStop($0.title)) (\($0.ref))" }.joined(separator: "; ") + "."))
        }
        return blocks
    }

    // MARK: IV. Đề xuất, kiến nghị

    /// What staff proposed, else "Không.".
    static func proposals(_ report: Report) -> [ReportBlock] {
        report.proposals.map(paragraphs) ?? [.paragraph("Không.")]
    }

    // MARK: helpers

    /// Unit names joined the way plans list them ("Văn phòng Sở; các phòng chuyên môn, nghiệp vụ thuộc Sở").
    static func list(_ names: [String]) -> String { names.isEmpty ? "chưa xác định" : names.joined(separator: "; ") }

    /// Free text split into paragraphs at line breaks; "- " lines become list items.
    static func paragraphs(_ text: String) -> [ReportBlock] {
        text.split(whereSeparator: \.isNewline).map { VietnameseFormat.trimmed(String($0)) }.filter { !$0.isEmpty }.map {
            $0.hasPrefix("- ") ? .item($0) : $0.hasPrefix("+ ") ? .item($0, level: 2) : .paragraph($0)
        }
    }

    /// The text ending with a full stop.
    private static func sentence(_ text: String) -> String {
        let trimmed = VietnameseFormat.trimmed(text)
        guard let last = trimmed.last else { return trimmed }
        return ".;:!?".contains(last) ? trimmed : trimmed + "."
    }
}

extension Report {
    /// The overview sentences of "1. Tình hình chung", as the Word report and the Markdown write them (for
    /// a preview that must say the same).
    public var overview: [String] { ReportNarrative.overview(self) }
}
