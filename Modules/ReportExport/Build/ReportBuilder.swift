import PlanCore

/// Builds the report model of a plan for a period. Pure: the same plan, period, regime and context give
/// the same `Report` (statuses are evaluated on `context.asOf`, by default the window's last day, never on
/// the clock).
public enum ReportBuilder {
    /// The report of `plan` for `period` under `regime`.
    ///
    /// Membership and statuses: PlanCore's `ActivityStatusRules` (shared with `cchc-admin status`); units: `UnitCompletenessTally`; products:
    /// `ProductTally`. Results are the current (non-superseded) entries dated inside the window and not
    /// after `asOf`, oldest first (ties by entry id). Completion rate for the period = done ÷ activities in
    /// the report (cancelled ones included in the denominator); year to date: see `Report.YearToDate`.
    public static func build(
        plan: PlanRecord, period: PeriodID, regime: ReportingRegime, context: ReportContext
    ) throws(ReportExportError) -> Report {
        for (field, value) in [
            ("reporter.name", context.reporter.name), ("reporter.abbreviation", context.reporter.abbreviation),
            ("reporter.place", context.reporter.place),
        ] where VietnameseFormat.trimmed(value).isEmpty {
            throw .missingField(field: field)
        }
        let current = try Report.Period(period, regime: regime)
        let window = current.window
        guard window.overlaps(.year(plan.year)) else {
            throw .periodOutsidePlanYear(
                period: current.id, window: "\(window.from.vietnamese) – \(window.to.vietnamese)", planYear: plan.year)
        }
        let next = try Report.Period.following(period, regime: regime)
        let asOf = context.asOf ?? window.to
        let resultDays = asOf >= window.from ? DayRange(from: window.from, to: min(window.to, asOf)) : nil
        let parentTitles = Dictionary(context.parentActivities.map { ($0.ref, $0.title) }) { first, _ in first }

        var activities: [ReportActivity] = []
        var nextTasks: [ReportActivity] = []
        var units = UnitCompletenessTally()
        var products = ProductTally()
        var yearToDate = Report.YearToDate(done: 0, due: 0, planTotal: 0)

        for record in plan.activities {
            let (entryDates, results) = Self.entries(of: record, resultDays: resultDays)
            countYearToDate(record, asOf: asOf, into: &yearToDate)
            let (status, statusDay) = ActivityStatusRules.status(
                schedule: record.schedule, state: record.state, entryDates: entryDates, window: window, asOf: asOf)
            func reportActivity(_ inclusion: ReportActivity.Inclusion, results: [ReportResult]) -> ReportActivity {
                ReportActivity(
                    ref: record.ref, title: record.title, group: record.group, lead: record.lead.map(\.name),
                    coordinating: record.coordinating.map(\.name), schedule: record.schedule, status: status,
                    statusDay: statusDay, inclusion: inclusion, products: record.products, parentRef: record.parentRef,
                    parentTitle: record.parentRef.flatMap { parentTitles[$0] }, results: results)
            }
            if ActivityStatusRules.isTask(
                schedule: record.schedule, state: record.state, planYear: plan.year, in: next.window, asOf: asOf) {
                nextTasks.append(reportActivity(.overlapsWindow, results: []))
            }
            guard
                let inclusion = ActivityStatusRules.inclusion(
                    schedule: record.schedule, state: record.state, planYear: plan.year, window: window, asOf: asOf,
                    hasResults: !results.isEmpty)
            else { continue }
            let activity = reportActivity(inclusion, results: results)
            activities.append(activity)
            units.add(activity, leads: record.lead, deadline: current.deadline)
            products.plan(record.products)
            products.report(results)
        }

        return Report(
            reporter: .init(
                name: context.reporter.name, parent: context.reporter.parentName,
                abbreviation: context.reporter.abbreviation, place: context.reporter.place),
            recipient: context.recipient,
            plan: .init(
                code: plan.document.code, title: plan.document.title, year: plan.year, parent: plan.parentCode,
                issuedOn: plan.document.issuedOn),
            period: current, nextPeriod: next, status: context.status, snapshot: context.snapshot,
            number: context.number, date: context.date, asOf: asOf,
            title: context.title ?? ReportTitle.make(planTitle: plan.document.title, planCode: plan.document.code,
                                                      planYear: plan.year, periodLabel: current.label),
            signer: context.signer,
            distribution: Distribution.normalised(context.distribution, recipient: context.recipient),
            figures: figures(activities, yearToDate: yearToDate, units: units.result, products: products.totals),
            activities: activities, nextTasks: nextTasks, issues: nonBlank(context.issues),
            proposals: nonBlank(context.proposals), generatedAt: context.generatedAt,
            showsUnitReporting: context.showsUnitReporting, outline: context.outline)
    }

    /// The dates of the activity's current (non-superseded, not withdrawn) entries, and those dated inside `resultDays` as
    /// results, oldest first (ties by entry id). One pass over the entries, no copies of superseded ones.
    private static func entries(of record: ActivityRecord, resultDays: DayRange?) -> ([Day], [ReportResult]) {
        let progress = record.progress
        let superseded: Set<Int64> =
            progress.contains { $0.supersedes != nil } ? Set(progress.lazy.compactMap(\.supersedes)) : []
        var dates: [Day] = []
        dates.reserveCapacity(progress.count)
        var results: [ReportResult] = []
        for entry in progress where (superseded.isEmpty || !superseded.contains(entry.id)) && !entry.withdrawn {
            dates.append(entry.date)
            guard let days = resultDays, days.contains(entry.date) else { continue }
            results.append(
                ReportResult(
                    id: entry.id, date: entry.date, unit: entry.unit, text: entry.text, quantity: entry.quantity,
                    quantityUnit: entry.quantityUnit, evidence: entry.evidence, recordedOn: entry.recordedOn))
        }
        let ordered = zip(results, results.dropFirst()).allSatisfy { ($0.date, $0.id) <= ($1.date, $1.id) }
        if !ordered { results.sort { ($0.date, $0.id) < ($1.date, $1.id) } }
        return (dates, results)
    }

    private static func countYearToDate(_ record: ActivityRecord, asOf: Day, into total: inout Report.YearToDate) {
        guard !ActivityStatusRules.isCancelled(record.state, by: asOf) else { return }
        total.planTotal += 1
        let done = ActivityStatusRules.isDone(record.state, by: asOf)
        let due = record.schedule.to.map { $0 <= asOf } ?? false
        if done || due { total.due += 1 }
        if done { total.done += 1 }
    }

    private static func figures(
        _ activities: [ReportActivity], yearToDate: Report.YearToDate, units: [Report.UnitCompleteness],
        products: [Report.ProductTotal]
    ) -> Report.Figures {
        func count(_ status: ActivityStatus) -> Int { activities.reduce(0) { $1.status == status ? $0 + 1 : $0 } }
        // Hoàn thành counts those done late too (they are done); chưa thực hiện those without a result in
        // the period: the figures of cchc.report/v1 keep their five statuses.
        let done = count(.done) + count(.doneLate)
        return Report.Figures(
            activities: activities.count, done: done, inProgress: count(.inProgress),
            notStarted: count(.notStarted) + count(.noResult),
            overdue: count(.overdue), cancelled: count(.cancelled),
            completionRate: activities.isEmpty ? nil : Double(done) / Double(activities.count),
            yearToDate: yearToDate,
            progressEntries: activities.reduce(0) { $0 + $1.results.count },
            evidence: activities.reduce(0) { $0 + $1.evidenceCount },
            units: units, products: products)
    }

    private static func nonBlank(_ text: String?) -> String? {
        guard let trimmed = text.map(VietnameseFormat.trimmed), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
