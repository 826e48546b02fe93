/// Why an activity belongs to a reporting period (the report builder's membership rule).
public enum ActivityInclusion: String, CaseIterable, Hashable, Sendable, Codable {
    /// Its time frame overlaps the window (continuous, recurring and period activities).
    case overlapsWindow
    /// Its deadline falls inside the window.
    case dueInWindow
    /// Its time frame ended before the window and it is still not done: carried over as overdue.
    case carriedOver
    /// Its time frame is unspecified ("khi có yêu cầu"): always reported while open.
    case unscheduled
    /// Outside all of the above, but results were recorded for it inside the window.
    case hasResults
}

/// The pure rules that give an activity its status and its place in a reporting period. The report
/// builder (ReportExport) and the status board (cchc-admin status) apply the same rules, so the
/// dashboard and the submitted report never disagree.
public enum ActivityStatusRules {
    /// The status of an activity on `asOf`. The rules, applied in this order:
    ///
    /// 1. An administrator's decision counts once its day is ≤ asOf: `ActivityState.done` → done,
    ///    `.cancelled` → cancelled. A decision dated after asOf is ignored (the activity is still open).
    /// 2. Period and deadline activities: overdue when asOf > schedule.to; otherwise in progress when any
    ///    current (non-superseded) entry is dated ≤ asOf; otherwise not started.
    /// 3. Continuous and recurring activities, which owe a result every period: in progress when a current
    ///    entry falls inside the window (and ≤ asOf); otherwise overdue when the window has ended by asOf
    ///    (window.to ≤ asOf: on its last day the window is complete); otherwise not started.
    /// 4. Unspecified activities: in progress when any current entry is dated ≤ asOf; otherwise not started.
    ///
    /// A period or deadline activity without a last day (an unreadable schedule) is never overdue.
    /// `entryDates` are the dates of the activity's current entries, in any order; `day` is the day of
    /// the decision when the status comes from one.
    public static func status(
        schedule: Schedule, state: ActivityState, entryDates: [Day], window: DayRange, asOf: Day
    ) -> (status: ActivityStatus, day: Day?) {
        switch state {
        case .done(let day) where day <= asOf:
            // Done after the time frame or deadline of a period or deadline activity: hoàn thành quá hạn.
            if [.period, .deadline].contains(schedule.kind), let to = schedule.to, day > to { return (.doneLate, day) }
            return (.done, day)
        case .cancelled(let day) where day <= asOf: return (.cancelled, day)
        default: break
        }
        switch schedule.kind {
        case .period, .deadline:
            if let to = schedule.to, asOf > to { return (.overdue, nil) }
            return (entryDates.contains { $0 <= asOf } ? .inProgress : .notStarted, nil)
        case .continuous:
            // Thường xuyên: results are welcome in every period but none is due, so a period without one is
            // "chưa có kết quả trong kỳ", never overdue.
            if entryDates.contains(where: { window.contains($0) && $0 <= asOf }) { return (.inProgress, nil) }
            return (.noResult, nil)
        case .recurring:
            // Định kỳ: the plan asks for a result every period; none by the window's end is overdue.
            if entryDates.contains(where: { window.contains($0) && $0 <= asOf }) { return (.inProgress, nil) }
            return (window.to <= asOf ? .overdue : .notStarted, nil)
        case .unspecified:
            return (entryDates.contains { $0 <= asOf } ? .inProgress : .notStarted, nil)
        }
    }

    /// Which activities a period reports on. An activity belongs to the period when
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
    /// results inside the window. Nil: not part of the period.
    public static func inclusion(
        schedule: Schedule, state: ActivityState, planYear: Int, window: DayRange, asOf: Day, hasResults: Bool
    ) -> ActivityInclusion? {
        let fallback: ActivityInclusion? = hasResults ? .hasResults : nil
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

    /// Whether an activity of the period expects a result from its lead units: it is not cancelled and its
    /// time frame is not unspecified (continuous/recurring owe one every period; period and deadline
    /// activities owe one while due or overdue).
    public static func expectsResult(status: ActivityStatus, schedule: Schedule) -> Bool {
        status != .cancelled && schedule.kind != .unspecified
    }

    /// Whether an activity is a task of the period `window` (for "nhiệm vụ kỳ tới"): open on `asOf`, and
    /// its time frame overlaps the window or its deadline falls inside it.
    public static func isTask(schedule: Schedule, state: ActivityState, planYear: Int, in window: DayRange, asOf: Day)
        -> Bool
    {
        if isDone(state, by: asOf) || isCancelled(state, by: asOf) { return false }
        switch schedule.kind {
        case .continuous, .recurring: return (schedule.range ?? .year(planYear)).overlaps(window)
        case .period:
            if let range = schedule.range { return range.overlaps(window) }
            return schedule.to.map(window.contains) ?? false
        case .deadline: return schedule.to.map(window.contains) ?? false
        case .unspecified: return false
        }
    }

    /// Whether `state` is a "done" decision taken on or before `day`.
    public static func isDone(_ state: ActivityState, by day: Day) -> Bool {
        if case .done(let d) = state { return d <= day }
        return false
    }

    /// Whether `state` is a "cancelled" decision taken on or before `day`.
    public static func isCancelled(_ state: ActivityState, by day: Day) -> Bool {
        if case .cancelled(let d) = state { return d <= day }
        return false
    }

    /// A deadline inside the window is due; one before it is carried over; none at all is unscheduled.
    private static func deadlineInclusion(_ to: Day?, window: DayRange) -> ActivityInclusion? {
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
}
