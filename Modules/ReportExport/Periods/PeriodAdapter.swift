import PlanCore

/// The one place ReportExport reads PlanCore's reporting periods and regimes: a period resolved under a
/// regime into the plain values a report prints (identifier, label, data window, deadline).
extension Report.Period {
    /// Resolves `period` under `regime`.
    init(_ period: PeriodID, regime: ReportingRegime) {
        self.init(
            id: period.description, label: period.label, window: regime.window(for: period),
            regime: regime.rawValue, deadline: regime.deadline(for: period))
    }
}

/// Period arithmetic the builder needs, kept beside the conversion above.
enum PeriodArithmetic {
    /// The period that follows `period`.
    static func next(_ period: PeriodID) -> PeriodID { period.next }

    /// The regime's identifier as printed in `cchc.report/v1` (`"nd09"`).
    static func name(_ regime: ReportingRegime) -> String { regime.rawValue }

    /// Parses "2024-Q2"; nil when the text is not a period identifier.
    static func parse(_ text: String) -> PeriodID? { PeriodID(text) }
}
