import PlanCore

/// The dashboard of a plan for a reporting period (bảng theo dõi): each activity's status, what each lead
/// unit owes and has reported (on time or late against the regime's deadline), and the continuous
/// ("thường xuyên") activities with nothing reported in the window yet. Pure: built from a `PlanRecord`
/// with `ActivityStatusRules`, the rules of the report builder, so the board and the report agree.
public struct StatusBoard: Sendable {
    /// An activity of the period.
    public struct Item: Sendable {
        public var id: Int64
        public var ref: String
        public var title: String
        public var lead: [String]
        public var schedule: Schedule
        public var status: ActivityStatus
        /// The day of an administrator's decision.
        public var statusDay: Day?
        public var inclusion: ActivityInclusion
        /// Current entries inside the window (up to `asOf`).
        public var results: Int
        public var lastResult: Day?
    }

    /// What a lead unit owes in the period and what it reported.
    public struct UnitLine: Sendable {
        public var unit: UnitRef
        /// Activities expecting a result from the unit.
        public var expected: Int
        /// Of those, the ones it reported inside the window.
        public var reported: Int
        /// Reported with an entry recorded no later than the deadline.
        public var onTime: Int
        /// Reported, but every entry recorded after the deadline.
        public var late: Int { reported - onTime }
        /// Refs of expected activities without a result from the unit.
        public var missing: [String]
    }

    public var planID: Int64
    public var planReference: String
    public var planTitle: String?
    public var period: PeriodID
    public var regime: String
    public var window: DayRange
    public var deadline: Day
    public var asOf: Day
    public var items: [Item]
    public var units: [UnitLine]
    /// Continuous and recurring activities, still open, without a result in the window.
    public var silentContinuous: [Item]

    /// The board of one unit: the activities it takes part in (`activities`, ids) and its own line.
    public func only(activities: Set<Int64>, unit: UnitRef) -> StatusBoard {
        var board = self
        board.items = items.filter { activities.contains($0.id) }
        board.silentContinuous = silentContinuous.filter { activities.contains($0.id) }
        board.units = units.filter { $0.unit.id == unit.id || $0.unit.name == unit.name }
        return board
    }

    /// How many activities have `status`.
    public func count(_ status: ActivityStatus) -> Int { items.filter { $0.status == status }.count }

    /// Builds the board; statuses are those of `asOf` (nil: the window's last day, as the report does).
    public static func build(plan: PlanRecord, period: PeriodID, regime: ReportingRegime, asOf: Day?)
        throws(ReportingError)
        -> StatusBoard
    {
        let window = try regime.window(for: period)
        let deadline = try regime.deadline(for: period)
        let asOf = asOf ?? window.to
        let resultDays = asOf >= window.from ? DayRange(from: window.from, to: min(window.to, asOf)) : nil
        var items: [Item] = []
        var silent: [Item] = []
        var tally = UnitTally()
        for record in plan.activities {
            let entries = record.currentProgress
            let (status, day) = ActivityStatusRules.status(
                schedule: record.schedule, state: record.state, entryDates: entries.map(\.date), window: window,
                asOf: asOf)
            let results = resultDays.map { days in entries.filter { days.contains($0.date) } } ?? []
            guard
                let inclusion = ActivityStatusRules.inclusion(
                    schedule: record.schedule, state: record.state, planYear: plan.year, window: window, asOf: asOf,
                    hasResults: !results.isEmpty)
            else { continue }
            let item = Item(
                id: record.id, ref: record.ref, title: record.title, lead: record.lead.map(\.name),
                schedule: record.schedule, status: status, statusDay: day, inclusion: inclusion, results: results.count,
                lastResult: results.map(\.date).max())
            items.append(item)
            if [.continuous, .recurring].contains(record.schedule.kind), results.isEmpty,
                !status.isDone, status != .cancelled
            {
                silent.append(item)
            }
            if ActivityStatusRules.expectsResult(status: status, schedule: record.schedule) {
                tally.add(ref: record.ref, leads: record.lead, results: results, deadline: deadline)
            }
        }
        return StatusBoard(
            planID: plan.id, planReference: plan.reference, planTitle: plan.document.title, period: period,
            regime: regime.id, window: window, deadline: deadline, asOf: asOf, items: items, units: tally.lines,
            silentContinuous: silent)
    }
}

/// Per lead unit: expected, reported, on time; a group lead ("các phòng chuyên môn thuộc Sở") counts every
/// result from a unit that is not another named lead of the activity (the report builder's rule).
struct UnitTally {
    private var order: [Int64] = []
    private var rows: [Int64: StatusBoard.UnitLine] = [:]

    mutating func add(ref: String, leads: [UnitRef], results: [ProgressRecord], deadline: Day) {
        let namedLeads = Set(leads.filter { $0.kind != .group }.map(\.id))
        var seen = Set<Int64>()
        for lead in leads where seen.insert(lead.id).inserted {
            let own = results.filter {
                lead.kind == .group ? !namedLeads.contains($0.unit.id) || $0.unit.id == lead.id : $0.unit.id == lead.id
            }
            var line =
                rows[lead.id]
                ?? {
                    order.append(lead.id)
                    return StatusBoard.UnitLine(unit: lead, expected: 0, reported: 0, onTime: 0, missing: [])
                }()
            line.expected += 1
            if own.isEmpty { line.missing.append(ref) } else { line.reported += 1 }
            if own.contains(where: { $0.recordedOn <= deadline }) { line.onTime += 1 }
            rows[lead.id] = line
        }
    }

    var lines: [StatusBoard.UnitLine] { order.compactMap { rows[$0] } }
}
