/// Vai trò: how a unit takes part in an activity.
public enum AssignmentRole: String, CaseIterable, Sendable {
    /// Đơn vị chủ trì (or "thực hiện"): owns the activity and reports on it.
    case lead
    /// Đơn vị phối hợp: supports an activity without owning it.
    case coordinating
}

/// A unit's part in an activity.
public struct Assignment: Hashable, Sendable {
    public var unitID: Int64
    public var role: AssignmentRole

    public init(unitID: Int64, role: AssignmentRole) {
        self.unitID = unitID
        self.role = role
    }
}

/// Sản phẩm: an expected product ("02 lớp tập huấn", "12 chuyên mục phát thanh", "Tin, bài").
public struct Product: Hashable, Sendable, Codable {
    /// The product as written.
    public var text: String
    /// A normalised product type ("lớp tập huấn", "chuyên mục", "tin, bài"), for totals by type.
    public var type: String
    /// The planned count, when the text gives one.
    public var plannedCount: Int?
    /// The counting word ("lớp", "chuyên mục"), when given.
    public var unit: String?

    public init(text: String, type: String, plannedCount: Int? = nil, unit: String? = nil) {
        self.text = text
        self.type = type
        self.plannedCount = plannedCount
        self.unit = unit
    }
}

/// The state of an activity as shown in reports (tình trạng).
public enum ActivityStatus: String, CaseIterable, Sendable, Codable {
    case notStarted
    /// A continuous (thường xuyên) activity with no result in the window: nothing was due, so not overdue.
    case noResult
    case inProgress
    case done
    /// Done after the last day of its time frame or its deadline.
    case doneLate
    case overdue
    case cancelled

    /// Done, on time or late.
    public var isDone: Bool { self == .done || self == .doneLate }

    /// Tình trạng as reports, the board and the pages print it.
    public var vietnamese: String {
        switch self {
        case .notStarted: "Chưa thực hiện"
        case .noResult: "Chưa có kết quả trong kỳ"
        case .inProgress: "Đang thực hiện"
        case .done: "Hoàn thành"
        case .doneLate: "Hoàn thành quá hạn"
        case .overdue: "Quá hạn"
        case .cancelled: "Dừng thực hiện"
        }
    }
}

/// Tài liệu kiểm chứng: what proves a result.
public struct Evidence: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// A link to the published article, video, page.
        case url
        /// A document number ("123/BC-SLĐTBXH").
        case document
        /// A file kept by the system (minutes, photos), identified by its sha256.
        case file
    }

    public var kind: Kind
    /// The URL, the document number, or the file name.
    public var value: String
    public var title: String?
    /// For files: lower-case hex sha256 of the content.
    public var sha256: String?

    public init(kind: Kind, value: String, title: String? = nil, sha256: String? = nil) {
        self.kind = kind
        self.value = value
        self.title = title
        self.sha256 = sha256
    }
}

/// What a unit reported for an activity on a day. Entries are append-only: a correction is a new
/// entry that supersedes an older one, with a reason.
public struct ProgressEntry: Hashable, Sendable {
    public var id: Int64?
    public var activityID: Int64
    public var unitID: Int64
    public var date: Day
    public var text: String
    public var quantity: Double?
    /// "tin, bài", "lớp", "người".
    public var quantityUnit: String?
    public var evidence: [Evidence]
    public var supersedes: Int64?
    public var reason: String?

    public init(
        id: Int64? = nil, activityID: Int64, unitID: Int64, date: Day, text: String, quantity: Double? = nil,
        quantityUnit: String? = nil, evidence: [Evidence] = [], supersedes: Int64? = nil, reason: String? = nil
    ) {
        self.id = id
        self.activityID = activityID
        self.unitID = unitID
        self.date = date
        self.text = text
        self.quantity = quantity
        self.quantityUnit = quantityUnit
        self.evidence = evidence
        self.supersedes = supersedes
        self.reason = reason
    }
}
