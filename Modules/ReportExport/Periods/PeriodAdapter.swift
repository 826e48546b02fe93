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

    /// The period "Phương hướng, nhiệm vụ kỳ tới" is about (`PeriodID.following`). A regime without 6-month
    /// periods of its own for the second half (both regimes report H1 and the year) gets the second half
    /// as its two quarters together: from Quý III's first day to Quý IV's last, Quý IV's deadline.
    static func following(_ period: PeriodID, regime: ReportingRegime) throws(ReportExportError) -> Report.Period {
        let next = period.following
        guard next.kind == .secondHalf, !regime.offers(.secondHalf), regime.offers(.quarter) else {
            return try Report.Period(next, regime: regime)
        }
        do {
            let third = try PeriodID(year: next.year, kind: .quarter, index: 3)
            let fourth = try PeriodID(year: next.year, kind: .quarter, index: 4)
            return Report.Period(
                id: next.description, label: next.label,
                window: DayRange(from: try regime.window(for: third).from, to: try regime.window(for: fourth).to),
                regime: regime.id, deadline: try regime.deadline(for: fourth))
        } catch {
            throw .reporting(error)
        }
    }
}
