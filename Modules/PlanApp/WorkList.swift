import PlanCore
import PlanStore

/// Việc của tôi: what a unit leads or coordinates in the current reporting period, grouped the way staff
/// look at it, with the same statuses as the board and the report (`ActivityStatusRules`).
public struct WorkList: Sendable {
    /// One activity of the list.
    public struct Item: Sendable {
        public var overview: ActivityOverview
        /// Chủ trì (true) or phối hợp.
        public var leads: Bool
        /// The last day of its time frame, when it has one.
        public var deadline: Day?
    }

    /// The groups, in the order a page shows them.
    public enum Group: String, CaseIterable, Sendable {
        /// Quá hạn: the time frame ended (or the period's window did, for continuous work) without completion.
        case overdue
        /// Đến hạn trong kỳ: period and deadline activities of this period.
        case due
        /// Thường xuyên: continuous and recurring work, owed a result every period.
        case continuous
        /// Đã xong: done or cancelled by a decision.
        case finished
    }

    public var unitID: Int64
    public var period: PeriodID
    public var regime: ReportingRegime
    public var window: DayRange
    public var deadline: Day
    public var today: Day
    public var groups: [(group: Group, items: [Item])]

    /// The unit's activities of plans of `today`'s year that belong to the period holding `today`.
    public static func load(store: Store, unitID: Int64, today: Day, regime: ReportingRegime = .cchc) throws -> WorkList {
        let period = try Store.currentPeriod(regime, on: today)
        let window = try regime.window(for: period)
        let deadline = try regime.deadline(for: period)
        var included: [ActivityOverview] = []
        for overview in try store.listActivities(ActivityFilter(unitID: unitID, asOf: today, regime: regime)) {
            let activity = overview.activity
            guard activity.planYear == today.year || window.overlaps(.year(activity.planYear)) else { continue }
            let hasResults = overview.lastEntry.map(window.contains) ?? false
            guard
                ActivityStatusRules.inclusion(
                    schedule: activity.schedule, state: activity.state, planYear: activity.planYear, window: window,
                    asOf: today, hasResults: hasResults) != nil
            else { continue }
            included.append(overview)
        }
        let led = try store.ledActivities(unitID: unitID, among: included.map(\.activity.id))
        var buckets: [Group: [Item]] = [:]
        for overview in included {
            let item = Item(overview: overview, leads: led.contains(overview.activity.id), deadline: overview.activity.schedule.to)
            buckets[group(of: overview), default: []].append(item)
        }
        return WorkList(
            unitID: unitID, period: period, regime: regime, window: window, deadline: deadline, today: today,
            groups: Group.allCases.compactMap { group in buckets[group].map { (group, $0) } })
    }

    static func group(of overview: ActivityOverview) -> Group {
        switch overview.status {
        case .done, .doneLate, .cancelled: return .finished
        case .overdue: return .overdue
        default: break
        }
        switch overview.activity.schedule.kind {
        case .continuous, .recurring: return .continuous
        default: return .due
        }
    }
}
