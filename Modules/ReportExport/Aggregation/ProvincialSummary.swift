import PlanCore

/// The Sở Nội vụ's roll-up of many units' `cchc.report/v1` reports for one period (`cchc.aggregate/v1`,
/// docs/contracts/aggregate-v1.md): one row per reporting unit, totals, and the expected units that have
/// not reported.
public struct ProvincialSummary: Hashable, Sendable {
    /// The exchange format identifier.
    public static let format = "cchc.aggregate/v1"

    /// One unit's report as the roll-up shows it.
    public struct Row: Hashable, Sendable {
        public var unit: String
        public var parent: String?
        /// The file the report was read from.
        public var file: String
        public var plan: String?
        public var status: ReportStatus
        public var activities: Int
        public var done: Int
        public var inProgress: Int
        public var notStarted: Int
        public var overdue: Int
        public var cancelled: Int
        /// done ÷ activities, nil without activities.
        public var completionRate: Double?
        public var progressEntries: Int
        public var evidence: Int
        /// The submission instant as the report states it, nil for drafts.
        public var submittedAt: String?
        /// Submitted on or before the period's deadline; nil when not submitted (a draft).
        public var onTime: Bool?
    }

    /// Sums over every row.
    public struct Totals: Hashable, Sendable {
        public var activities: Int
        public var done: Int
        public var inProgress: Int
        public var notStarted: Int
        public var overdue: Int
        public var cancelled: Int
        public var progressEntries: Int
        public var evidence: Int
        /// Rows submitted on time.
        public var onTime: Int
        /// done ÷ activities over all rows, nil without activities.
        public var completionRate: Double? { activities == 0 ? nil : Double(done) / Double(activities) }
    }

    public var period: Report.Period
    /// The units asked to report, as given.
    public var expectedUnits: [String]
    /// Expected units first (in the order given), then other reporting units in input order.
    public var rows: [Row]
    /// Expected units without a report, in the order given.
    public var missing: [String]
    public var generatedAt: String?

    public var totals: Totals {
        Totals(
            activities: rows.reduce(0) { $0 + $1.activities }, done: rows.reduce(0) { $0 + $1.done },
            inProgress: rows.reduce(0) { $0 + $1.inProgress }, notStarted: rows.reduce(0) { $0 + $1.notStarted },
            overdue: rows.reduce(0) { $0 + $1.overdue }, cancelled: rows.reduce(0) { $0 + $1.cancelled },
            progressEntries: rows.reduce(0) { $0 + $1.progressEntries }, evidence: rows.reduce(0) { $0 + $1.evidence },
            onTime: rows.filter { $0.onTime == true }.count)
    }
}
