import PlanCore

/// The status of an activity on a report's `asOf` day. The rules, applied in this order:
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
enum StatusRule {
    /// `entryDates` are the dates of the activity's current entries, in any order.
    static func status(
        schedule: Schedule, state: ActivityState, entryDates: [Day], window: DayRange, asOf: Day
    ) -> (status: ActivityStatus, day: Day?) {
        switch state {
        case .done(let day) where day <= asOf: return (.done, day)
        case .cancelled(let day) where day <= asOf: return (.cancelled, day)
        default: break
        }
        switch schedule.kind {
        case .period, .deadline:
            if let to = schedule.to, asOf > to { return (.overdue, nil) }
            return (entryDates.contains { $0 <= asOf } ? .inProgress : .notStarted, nil)
        case .continuous, .recurring:
            if entryDates.contains(where: { window.contains($0) && $0 <= asOf }) { return (.inProgress, nil) }
            return (window.to <= asOf ? .overdue : .notStarted, nil)
        case .unspecified:
            return (entryDates.contains { $0 <= asOf } ? .inProgress : .notStarted, nil)
        }
    }

    /// Whether `state` is a decision taken on or before `day`.
    static func isDone(_ state: ActivityState, by day: Day) -> Bool {
        if case .done(let d) = state { return d <= day }
        return false
    }

    static func isCancelled(_ state: ActivityState, by day: Day) -> Bool {
        if case .cancelled(let d) = state { return d <= day }
        return false
    }

    /// Whether `state` is done or cancelled on a day before `day`: finished before it.
    static func isClosed(_ state: ActivityState, before day: Day) -> Bool {
        switch state {
        case .done(let d), .cancelled(let d): return d < day
        case .open: return false
        }
    }
}
