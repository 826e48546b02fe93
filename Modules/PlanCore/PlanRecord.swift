/// A unit as a document or report names it: its name (valid on the day in question) and its place in
/// the hierarchy.
public struct UnitRef: Hashable, Sendable, Codable {
    public var id: Int64
    public var name: String
    public var abbreviation: String?
    public var kind: OrgUnit.Kind
    /// The name of the unit above it (cơ quan chủ quản for a Sở, the Sở for a division), or nil.
    public var parentName: String?

    public init(id: Int64, name: String, abbreviation: String? = nil, kind: OrgUnit.Kind, parentName: String? = nil) {
        self.id = id
        self.name = name
        self.abbreviation = abbreviation
        self.kind = kind
        self.parentName = parentName
    }
}

/// What an administrator decided about an activity, beside what its progress shows.
public enum ActivityState: Hashable, Sendable {
    case open
    /// Hoàn thành, on the given day.
    case done(Day)
    /// Dừng thực hiện / hủy, on the given day.
    case cancelled(Day)
}

/// A progress entry as reports show it, with the unit's name and its evidence.
public struct ProgressRecord: Hashable, Sendable {
    public var id: Int64
    public var date: Day
    public var unit: UnitRef
    public var text: String
    public var quantity: Double?
    public var quantityUnit: String?
    public var evidence: [Evidence]
    /// The entry this one corrects, if any.
    public var supersedes: Int64?
    public var reason: String?
    /// A withdrawal: the entry it supersedes was recorded by mistake. Neither counts.
    public var withdrawn: Bool
    public var recordedBy: String
    /// The day the result reached the Văn phòng, which on-time/late judgements count from: the day it was
    /// recorded, or for a result backfilled from paper (nhập bù, `progress add --received-on`), the day
    /// of the paper report it came in.
    public var recordedOn: Day

    public init(
        id: Int64, date: Day, unit: UnitRef, text: String, quantity: Double? = nil, quantityUnit: String? = nil,
        evidence: [Evidence] = [], supersedes: Int64? = nil, reason: String? = nil, withdrawn: Bool = false,
        recordedBy: String, recordedOn: Day
    ) {
        self.id = id
        self.date = date
        self.unit = unit
        self.text = text
        self.quantity = quantity
        self.quantityUnit = quantityUnit
        self.evidence = evidence
        self.supersedes = supersedes
        self.reason = reason
        self.withdrawn = withdrawn
        self.recordedBy = recordedBy
        self.recordedOn = recordedOn
    }
}

/// An activity as stored, with its units, products and every progress entry recorded so far.
public struct ActivityRecord: Hashable, Sendable {
    public var id: Int64
    public var ref: String
    public var title: String
    public var group: String?
    public var schedule: Schedule
    public var state: ActivityState
    public var lead: [UnitRef]
    public var coordinating: [UnitRef]
    public var products: [Product]
    /// The ref of the parent plan's activity this one implements, or nil.
    public var parentRef: String?
    /// All entries, oldest first; superseded entries included (reports drop them).
    public var progress: [ProgressRecord]

    public init(
        id: Int64, ref: String, title: String, group: String? = nil, schedule: Schedule, state: ActivityState = .open,
        lead: [UnitRef] = [], coordinating: [UnitRef] = [], products: [Product] = [], parentRef: String? = nil,
        progress: [ProgressRecord] = []
    ) {
        self.id = id
        self.ref = ref
        self.title = title
        self.group = group
        self.schedule = schedule
        self.state = state
        self.lead = lead
        self.coordinating = coordinating
        self.products = products
        self.parentRef = parentRef
        self.progress = progress
    }

    /// Entries still in force: those no later entry supersedes, withdrawals excluded.
    public var currentProgress: [ProgressRecord] {
        let superseded = Set(progress.compactMap(\.supersedes))
        return progress.filter { !superseded.contains($0.id) && !$0.withdrawn }
    }
}

/// A stored plan with everything a report or a plan document needs.
public struct PlanRecord: Hashable, Sendable {
    public var id: Int64
    public var document: DocumentIdentity
    public var year: Int
    /// The unit that owns the plan (the Sở), named as on the report day.
    public var owner: UnitRef
    /// The parent plan's code ("96/KH-UBND"), or nil.
    public var parentCode: String?
    public var activities: [ActivityRecord]

    public init(
        id: Int64, document: DocumentIdentity, year: Int, owner: UnitRef, parentCode: String? = nil,
        activities: [ActivityRecord] = []
    ) {
        self.id = id
        self.document = document
        self.year = year
        self.owner = owner
        self.parentCode = parentCode
        self.activities = activities
    }

    /// How the plan is referred to: its code, or "#id" while its number is blank.
    public var reference: String { document.code ?? "#\(id)" }
}
