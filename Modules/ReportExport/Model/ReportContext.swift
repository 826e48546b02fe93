import PlanCore

/// What a report needs beyond the plan: who reports to whom, its number and date, who signs, the free
/// text staff wrote, and its submission state. Unit names are already resolved by the caller to the
/// versions valid on the report date.
public struct ReportContext: Hashable, Sendable {
    /// The reporting body as its header prints it.
    public struct Reporter: Hashable, Sendable {
        /// Cơ quan chủ quản ("UBND tỉnh Bình Phước"), or nil.
        public var parentName: String?
        /// Cơ quan ban hành ("Sở Lao động - Thương binh và Xã hội").
        public var name: String
        /// Its abbreviation for the ký hiệu ("SLĐTBXH").
        public var abbreviation: String
        /// Địa danh for the date line ("Bình Phước").
        public var place: String

        public init(parentName: String?, name: String, abbreviation: String, place: String) {
            self.parentName = parentName
            self.name = name
            self.abbreviation = abbreviation
            self.place = place
        }
    }

    /// A task of the parent plan, so a report can name the task an activity implements.
    public struct ParentActivity: Hashable, Sendable {
        public var ref: String
        public var title: String

        public init(ref: String, title: String) {
            self.ref = ref
            self.title = title
        }
    }

    public var reporter: Reporter
    /// Nơi nhận chính ("Sở Nội vụ").
    public var recipient: String
    /// Số of the report; nil prints a blank number ("Số:      /BC-SLĐTBXH").
    public var number: Int?
    /// The report date (ngày ban hành).
    public var date: Day
    /// The day statuses are evaluated on; nil means the last day of the data window. Never the clock.
    public var asOf: Day?
    public var signer: DocumentIdentity.Signer
    /// Nơi nhận entries without "- " and the final ";" / "."; "Lưu: VT, VP." is added when missing.
    public var distribution: [String]
    /// Tồn tại, hạn chế (free text kept with the report), or nil.
    public var issues: String?
    /// Đề xuất, kiến nghị, or nil.
    public var proposals: String?
    public var status: ReportStatus
    public var snapshot: ReportSnapshot?
    /// The parent plan's tasks, to name the task each activity implements; may be empty.
    public var parentActivities: [ParentActivity]
    /// A trích yếu replacing the generated one, or nil.
    public var title: String?
    /// A generation stamp for `cchc.report/v1`; nil unless the user asks for one (determinism).
    public var generatedAt: String?
    /// The internal version, naming how each of the Sở's units reported (see `Report.showsUnitReporting`).
    public var showsUnitReporting: Bool
    /// The đề cương of the province or Sở (a stored template), or nil for the shipped outline.
    public var outline: ReportOutline?

    public init(
        reporter: Reporter, recipient: String = "Sở Nội vụ", number: Int? = nil, date: Day, asOf: Day? = nil,
        signer: DocumentIdentity.Signer = .init(), distribution: [String] = [], issues: String? = nil,
        proposals: String? = nil, status: ReportStatus = .draft, snapshot: ReportSnapshot? = nil,
        parentActivities: [ParentActivity] = [], title: String? = nil, generatedAt: String? = nil,
        showsUnitReporting: Bool = false
    ) {
        self.showsUnitReporting = showsUnitReporting
        self.reporter = reporter
        self.recipient = recipient
        self.number = number
        self.date = date
        self.asOf = asOf
        self.signer = signer
        self.distribution = distribution
        self.issues = issues
        self.proposals = proposals
        self.status = status
        self.snapshot = snapshot
        self.parentActivities = parentActivities
        self.title = title
        self.generatedAt = generatedAt
    }
}

/// Where a report stands: a working draft, a frozen submitted snapshot, or a snapshot replaced by a newer one.
public enum ReportStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case draft
    case submitted
    case superseded
}

/// The frozen copy a submission made (`snapshot` in `cchc.report/v1`).
public struct ReportSnapshot: Hashable, Sendable, Codable {
    public var version: Int
    /// Lower-case hex sha256 of the snapshot content.
    public var sha256: String
    /// The submission instant as the store prints it (ISO 8601); its first 10 characters are the day.
    public var submittedAt: String
    /// Who submitted it.
    public var by: String

    public init(version: Int, sha256: String, submittedAt: String, by: String) {
        self.version = version
        self.sha256 = sha256
        self.submittedAt = submittedAt
        self.by = by
    }

    /// The day of submission, read from the start of `submittedAt`.
    public var submittedOn: Day? { Day(iso: String(submittedAt.prefix(10))) }
}
