import PlanCore

/// Which activities a period reports on. An activity belongs to the report when
///
/// - it is continuous or recurring and its time frame (the plan year when unset) overlaps the window;
/// - it is a period activity whose time frame overlaps the window;
/// - it is a deadline activity whose deadline falls inside the window;
/// - its period or deadline ended before the window and it is not done or cancelled by then (carried
///   over, reported as overdue);
/// - its time frame is unspecified, or a period/deadline without readable days;
/// - or, failing all of these, it has results inside the window (work reported early or late still shows).
///
/// An activity done or cancelled before the window opened (and by `asOf`) is left out unless it has
/// results inside the window.
enum WindowMembership {
    static func inclusion(
        schedule: Schedule, state: ActivityState, planYear: Int, window: DayRange, asOf: Day, hasResults: Bool
    ) -> ReportActivity.Inclusion? {
        let fallback: ReportActivity.Inclusion? = hasResults ? .hasResults : nil
        if closedBeforeWindow(state, window: window, asOf: asOf) { return fallback }
        switch schedule.kind {
        case .continuous, .recurring:
            let range = schedule.range ?? .year(planYear)
            return range.overlaps(window) ? .overlapsWindow : fallback
        case .period:
            if let range = schedule.range {
                if range.overlaps(window) { return .overlapsWindow }
                return range.to < window.from ? .carriedOver : fallback
            }
            return deadlineInclusion(schedule.to, window: window) ?? fallback
        case .deadline:
            return deadlineInclusion(schedule.to, window: window) ?? fallback
        case .unspecified:
            return .unscheduled
        }
    }

    /// A deadline inside the window is due; one before it is carried over; none at all is unscheduled.
    private static func deadlineInclusion(_ to: Day?, window: DayRange) -> ReportActivity.Inclusion? {
        guard let to else { return .unscheduled }
        if window.contains(to) { return .dueInWindow }
        return to < window.from ? .carriedOver : nil
    }

    private static func closedBeforeWindow(_ state: ActivityState, window: DayRange, asOf: Day) -> Bool {
        switch state {
        case .done(let d), .cancelled(let d): return d < window.from && d <= asOf
        case .open: return false
        }
    }

    /// Whether an activity is a task of the period `window` (for "nhiệm vụ kỳ tới"): open on `asOf`, and
    /// its time frame overlaps the window or its deadline falls inside it.
    static func isTask(_ activity: ActivityRecord, planYear: Int, in window: DayRange, asOf: Day) -> Bool {
        if StatusRule.isDone(activity.state, by: asOf) || StatusRule.isCancelled(activity.state, by: asOf) {
            return false
        }
        let schedule = activity.schedule
        switch schedule.kind {
        case .continuous, .recurring: return (schedule.range ?? .year(planYear)).overlaps(window)
        case .period:
            if let range = schedule.range { return range.overlaps(window) }
            return schedule.to.map(window.contains) ?? false
        case .deadline: return schedule.to.map(window.contains) ?? false
        case .unspecified: return false
        }
    }
}
