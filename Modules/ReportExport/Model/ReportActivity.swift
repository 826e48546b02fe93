import PlanCore

/// An activity as a report shows it: what was planned, its status on the report's `asOf` day, and the
/// results recorded inside the data window.
public struct ReportActivity: Hashable, Sendable, Codable {
    /// Why the activity belongs to the report (PlanCore's rule, shared with the status board).
    public typealias Inclusion = ActivityInclusion

    public var ref: String
    public var title: String
    public var group: String?
    public var lead: [String]
    public var coordinating: [String]
    public var schedule: Schedule
    public var status: ActivityStatus
    /// The day of `done` / `cancelled`, when the status comes from an administrator's decision.
    public var statusDay: Day?
    public var inclusion: Inclusion
    public var products: [Product]
    /// The parent plan's task this activity implements, or nil.
    public var parentRef: String?
    /// The parent task's title when the caller supplied the parent plan's tasks.
    public var parentTitle: String?
    /// Current entries dated inside the window (up to `asOf`), oldest first.
    public var results: [ReportResult]

    /// The number of evidence items over all results.
    public var evidenceCount: Int { results.reduce(0) { $0 + $1.evidence.count } }
}

/// A progress entry as a report shows it.
public struct ReportResult: Hashable, Sendable, Codable {
    public var id: Int64
    public var date: Day
    public var unit: UnitRef
    public var text: String
    public var quantity: Double?
    public var quantityUnit: String?
    public var evidence: [Evidence]
    /// The day it was recorded (for on-time judgements).
    public var recordedOn: Day
}
