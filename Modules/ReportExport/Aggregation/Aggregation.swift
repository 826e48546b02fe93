import PlanCore

/// Provincial aggregation: many units' `cchc.report/v1` reports for one period → `ProvincialSummary`.
public enum Aggregation {
    /// Combines `reports` (each with the file it came from, for error messages) for `period`.
    ///
    /// Every report must be for `period` (else `.periodMismatch` naming the file) and under one regime:
    /// `regime` when given, else the regime the reports name (looked up in `ReportingRegime.all`; they
    /// must agree, else `.regimeMismatch`). A report is on time when its snapshot was submitted on or
    /// before the regime's deadline for the period; drafts have no submission. Units are matched to
    /// `expectedUnits` by `VietnameseText.foldedKey`, so "Sở Tư pháp" and "sở tư pháp" are one unit; two
    /// reports from one unit are an error (`.duplicateReport`).
    public static func combine(
        reports: [(file: String, json: JSONValue)], period: PeriodID, regime: ReportingRegime? = nil,
        expectedUnits: [String], generatedAt: String? = nil
    ) throws(ReportExportError) -> ProvincialSummary {
        var summaries: [ReportSummary] = []
        for report in reports { summaries.append(try ReportSummary(json: report.json, file: report.file)) }
        for summary in summaries where summary.periodID != period.description {
            throw .periodMismatch(file: summary.file, expected: period.description, found: summary.periodID)
        }
        let used: ReportingRegime
        if let regime {
            used = regime
        } else {
            used = try agreedRegime(summaries)
        }
        for summary in summaries where summary.regime != used.id {
            throw .regimeMismatch(file: summary.file, expected: used.id, found: summary.regime)
        }
        let resolved = try Report.Period(period, regime: used)

        var byUnit: [String: ReportSummary] = [:]
        var order: [String] = []
        for summary in summaries {
            let key = VietnameseText.foldedKey(summary.reporter)
            if let earlier = byUnit[key] {
                throw .duplicateReport(unit: summary.reporter, files: [earlier.file, summary.file])
            }
            byUnit[key] = summary
            order.append(key)
        }
        let expectedKeys = expectedUnits.map(VietnameseText.foldedKey)
        var rows: [ProvincialSummary.Row] = []
        var missing: [String] = []
        for (name, key) in zip(expectedUnits, expectedKeys) {
            if let summary = byUnit[key] {
                rows.append(row(summary, deadline: resolved.deadline))
            } else if !missing.contains(name) {
                missing.append(name)
            }
        }
        let expectedSet = Set(expectedKeys)
        for key in order where !expectedSet.contains(key) {
            rows.append(row(byUnit[key]!, deadline: resolved.deadline))
        }
        return ProvincialSummary(
            period: resolved, expectedUnits: expectedUnits, rows: rows, missing: missing, generatedAt: generatedAt)
    }

    private static func agreedRegime(_ summaries: [ReportSummary]) throws(ReportExportError) -> ReportingRegime {
        guard let first = summaries.first else { return .cchc }
        for summary in summaries where summary.regime != first.regime {
            throw .regimeMismatch(file: summary.file, expected: first.regime, found: summary.regime)
        }
        do {
            return try ReportingRegime.named(first.regime)
        } catch {
            throw .reporting(error)
        }
    }

    private static func row(_ summary: ReportSummary, deadline: Day) -> ProvincialSummary.Row {
        let submitted = summary.status == .draft ? nil : summary.snapshot
        return ProvincialSummary.Row(
            unit: summary.reporter, parent: summary.reporterParent, file: summary.file, plan: summary.planCode,
            status: summary.status, activities: summary.activities, done: summary.done,
            inProgress: summary.inProgress, notStarted: summary.notStarted, overdue: summary.overdue,
            cancelled: summary.cancelled,
            completionRate: summary.activities == 0 ? nil : Double(summary.done) / Double(summary.activities),
            progressEntries: summary.progressEntries, evidence: summary.evidence, submittedAt: submitted?.submittedAt,
            onTime: submitted.map { snapshot in snapshot.submittedOn.map { $0 <= deadline } ?? false })
    }
}
