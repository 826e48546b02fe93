import PlanCore

extension Store {
    /// The status board of a plan for a period. `asOf` defaults to today, or the window's last day once
    /// the window is over (as the report does); unit names are those valid on that day.
    public func statusBoard(planID: Int64, period: PeriodID, regime: ReportingRegime, asOf: Day? = nil) throws
        -> StatusBoard
    {
        let window = try regime.window(for: period)
        let day = asOf ?? min(Store.today, window.to)
        let plan = try loadPlan(id: planID, namesOn: day)
        return try StatusBoard.build(plan: plan, period: period, regime: regime, asOf: day)
    }

    /// The period of `regime` a dashboard shows by default: the quarter whose data window holds `day`.
    public static func currentPeriod(_ regime: ReportingRegime, on day: Day) throws -> PeriodID {
        for kind in [PeriodKind.quarter, .month, .firstHalf, .year] where regime.offers(kind) {
            if let period = try regime.period(of: kind, containing: day) { return period }
        }
        throw StoreError.invalid("Chế độ báo cáo \(regime.id) không có kỳ báo cáo nào chứa ngày \(day.vietnamese).")
    }
}
