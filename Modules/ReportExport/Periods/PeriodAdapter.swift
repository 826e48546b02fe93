import PlanCore

/// The one place ReportExport reads PlanCore's reporting periods and regimes: a period resolved under a
/// regime into the plain values a report prints (identifier, label, data window, deadline).
extension Report.Period {
    /// Resolves `period` under `regime`; fails when the regime has no such period or is misconfigured.
    init(_ period: PeriodID, regime: ReportingRegime) throws(ReportExportError) {
        do {
            self.init(
                id: period.description, label: period.label, window: try regime.window(for: period),
                regime: regime.id, deadline: try regime.deadline(for: period))
        } catch {
            throw .reporting(error)
        }
    }
}
