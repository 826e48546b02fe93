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

extension ProvincialSummary {
    /// Who issues the roll-up as a document: Sở Nội vụ, under the province's People's Committee, with its
    /// signer and Nơi nhận (docs/contracts/aggregate-v1.md covers only the JSON, which has no issuer).
    public struct Issuer: Hashable, Sendable {
        /// Cơ quan chủ quản: "Ủy ban nhân dân tỉnh Bình Phước"; nil when not known.
        public var parent: String?
        /// Cơ quan ban hành.
        public var name: String
        /// The short form in the ký hiệu ("SNV" → "BC-SNV").
        public var abbreviation: String
        /// The place in the date line; "" when not known.
        public var place: String
        /// Số; nil leaves it blank for the văn thư.
        public var number: Int?
        /// Ngày ban hành; nil leaves the day and month blank.
        public var date: Day?
        public var signer: DocumentIdentity.Signer
        /// Nơi nhận as printed, one entry per line ("Lưu: …" added when missing).
        public var distribution: [String]

        public init(
            parent: String?, name: String = "Sở Nội vụ", abbreviation: String? = nil, place: String? = nil,
            number: Int? = nil, date: Day? = nil, signer: DocumentIdentity.Signer? = nil, distribution: [String] = []
        ) {
            self.parent = parent
            self.name = name
            self.abbreviation = abbreviation ?? UnitNaming.initials(name)
            self.place = place ?? parent.flatMap(UnitNaming.place(in:)) ?? ""
            self.number = number
            self.date = date
            self.signer = signer ?? DocumentIdentity.Signer(capacity: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC")
            let main = parent ?? "Ủy ban nhân dân tỉnh"
            self.distribution = Distribution.normalised(
                distribution.isEmpty
                    ? [main + " (để báo cáo)", "Bộ Nội vụ (để báo cáo)", "Các sở, ban, ngành tỉnh", "Giám đốc Sở", "Lưu: VT, CCHC"]
                    : distribution,
                recipient: "")
        }

        /// "Số: 12/BC-SNV", or blank for the number.
        public var code: String { VietnameseFormat.documentNumber(number) + "/BC-" + abbreviation }
    }

    /// The issuer when no one is named: Sở Nội vụ under the body most reporting units name as their parent.
    public var defaultIssuer: Issuer {
        var counts: [String: Int] = [:]
        for parent in rows.compactMap(\.parent) { counts[parent, default: 0] += 1 }
        let parent = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
        return Issuer(parent: parent)
    }
}
