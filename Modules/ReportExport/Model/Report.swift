import PlanCore

/// One unit's periodic report on one plan: the single model every rendering (docx, `cchc.report/v1`,
/// CSV, Markdown) is made from, so they never disagree. Built by `ReportBuilder.build`.
public struct Report: Hashable, Sendable, Codable {
    /// The exchange format identifier.
    public static let format = "cchc.report/v1"

    /// The reporting body as the header prints it (names valid on the report date).
    public struct Reporter: Hashable, Sendable, Codable {
        public var name: String
        /// Cơ quan chủ quản, or nil.
        public var parent: String?
        public var abbreviation: String
        public var place: String
    }

    /// The plan reported on.
    public struct Plan: Hashable, Sendable, Codable {
        /// "15/KH-SLĐTBXH"; nil while the plan's number is blank.
        public var code: String?
        public var title: String?
        public var year: Int
        /// The parent plan's code ("96/KH-UBND"), or nil.
        public var parent: String?
        public var issuedOn: Day?
    }

    /// A reporting period resolved under a regime: the values a report prints.
    public struct Period: Hashable, Sendable, Codable {
        /// "2024-Q2".
        public var id: String
        /// "Quý II năm 2024".
        public var label: String
        /// The data window (cut-off rule of the regime).
        public var window: DayRange
        /// "nd09", "cchc".
        public var regime: String
        /// The last day a unit's entry counts as on time.
        public var deadline: Day

        public init(id: String, label: String, window: DayRange, regime: String, deadline: Day) {
            self.id = id
            self.label = label
            self.window = window
            self.regime = regime
            self.deadline = deadline
        }
    }

    public var reporter: Reporter
    public var recipient: String
    public var plan: Plan
    public var period: Period
    /// The following period, for "Phương hướng, nhiệm vụ kỳ tới".
    public var nextPeriod: Period
    public var status: ReportStatus
    public var snapshot: ReportSnapshot?
    /// Số; nil while blank.
    public var number: Int?
    public var date: Day
    /// The day statuses were evaluated on.
    public var asOf: Day
    /// Trích yếu ("Kết quả thực hiện Kế hoạch … Quý II năm 2024").
    public var title: String
    public var signer: DocumentIdentity.Signer
    /// Nơi nhận, ending with the "Lưu: …" entry.
    public var distribution: [String]
    public var figures: Figures
    /// The activities the period reports on, in plan order.
    public var activities: [ReportActivity]
    /// Activities due in or overlapping the next period, in plan order.
    public var nextTasks: [ReportActivity]
    public var issues: String?
    public var proposals: String?
    public var generatedAt: String?
    /// The internal version: the body names how each of the Sở's own units reported (late, missing).
    /// Off for the report sent outward; the board always shows it.
    public var showsUnitReporting: Bool
    /// The đề cương the body and the Phụ lục are written in; nil for the shipped outline.
    public var outline: ReportOutline?

    /// Ký hiệu: "BC-SLĐTBXH".
    public var symbol: String { "BC-" + reporter.abbreviation }

    /// Số và ký hiệu: "05/BC-SLĐTBXH", or "      /BC-SLĐTBXH" while the number is blank.
    public var code: String { VietnameseFormat.documentNumber(number) + "/" + symbol }

    /// The activities whose status is overdue, in plan order.
    public var overdue: [ReportActivity] { activities.filter { $0.status == .overdue } }
}
