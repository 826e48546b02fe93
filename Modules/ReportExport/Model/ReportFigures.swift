import PlanCore

extension Report {
    /// The report's figures: counts by status, completion rates, units' completeness, product totals.
    public struct Figures: Hashable, Sendable, Codable {
        /// Activities in the report.
        public var activities: Int
        public var done: Int
        public var inProgress: Int
        public var notStarted: Int
        public var overdue: Int
        public var cancelled: Int
        /// done ÷ activities in the report, 0…1; nil when the report has no activities.
        public var completionRate: Double?
        public var yearToDate: YearToDate
        /// Results (current progress entries) inside the window.
        public var progressEntries: Int
        /// Evidence items attached to those results.
        public var evidence: Int
        /// Per lead unit: how many activities expected a result, how many got one, how many on time.
        public var units: [UnitCompleteness]
        /// Planned products by type beside the quantities reported in the window.
        public var products: [ProductTotal]
    }

    /// Lũy kế từ đầu năm. `due` counts the plan's activities that are due by `asOf` (a period or
    /// deadline activity whose last day is ≤ asOf, any other kind only once its time frame has ended) or
    /// already done by `asOf`, leaving out those cancelled by `asOf`; `done` counts those done by `asOf`.
    public struct YearToDate: Hashable, Sendable, Codable {
        public var done: Int
        public var due: Int
        /// All activities of the plan, cancelled ones excluded.
        public var planTotal: Int
        /// done ÷ due, 0…1; nil when nothing is due yet.
        public var rate: Double? { due == 0 ? nil : Double(done) / Double(due) }
    }

    /// A lead unit's reporting in the period.
    public struct UnitCompleteness: Hashable, Sendable, Codable {
        /// The unit's name as on the report date.
        public var unit: String
        /// Activities it leads in the report that expect a result in this window.
        public var expected: Int
        /// Of those, the ones with at least one result by the unit inside the window.
        public var reported: Int
        /// Of those, the ones where a result was recorded no later than the period's deadline.
        public var onTime: Int

        /// Reported, but every result recorded after the deadline.
        public var late: Int { reported - onTime }
        /// Expected, but nothing reported.
        public var missing: Int { expected - reported }
    }

    /// A product type: the planned count (sum of `Product.plannedCount` over the report's activities) and
    /// the quantity reported in the window (sum of results' `quantity` with a matching `quantityUnit`).
    public struct ProductTotal: Hashable, Sendable, Codable {
        /// The product type ("lớp tập huấn") or, for quantities matching no planned type, the quantity unit.
        public var name: String
        /// Nil when no product of this type gives a count.
        public var planned: Int?
        /// Nil when nothing of this type was reported.
        public var reported: Double?
    }
}
