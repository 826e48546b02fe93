import PlanCore

/// What an aggregation reads from a `cchc.report/v1` file: who reported, for which period, the status and
/// submission, and the figures. Decoding checks every field it reads and names the file and field path.
public struct ReportSummary: Hashable, Sendable {
    /// The file the report came from (as the caller named it).
    public var file: String
    public var reporter: String
    public var reporterParent: String?
    public var planCode: String?
    public var planTitle: String?
    public var periodID: String
    public var periodLabel: String
    public var window: DayRange
    public var regime: String
    public var status: ReportStatus
    public var snapshot: ReportSnapshot?
    public var activities: Int
    public var done: Int
    public var inProgress: Int
    public var notStarted: Int
    public var overdue: Int
    public var completionRate: Double?
    public var progressEntries: Int
    public var evidence: Int
    public var units: [Report.UnitCompleteness]

    /// Reads a `cchc.report/v1` value; `file` names it in errors.
    public init(json: JSONValue, file: String) throws(ReportExportError) {
        let root = JSONFieldReader(file: file, value: json)
        let format = try root.string("format")
        guard format == Report.format else { throw root.fail("format", "cần \"\(Report.format)\", gặp \"\(format)\"") }
        self.file = file
        let reporter = try root.object("reporter")
        self.reporter = try reporter.string("name")
        reporterParent = try reporter.optionalString("parent")
        let plan = try root.object("plan")
        planCode = try plan.optionalString("code")
        planTitle = try plan.optionalString("title")
        let period = try root.object("period")
        periodID = try period.string("id")
        periodLabel = try period.string("label")
        let from = try period.day("from")
        let to = try period.day("to")
        guard from <= to else { throw period.fail("to", "ngày kết thúc trước ngày bắt đầu") }
        window = DayRange(from: from, to: to)
        regime = try period.string("regime")
        let statusText = try root.string("status")
        guard let status = ReportStatus(rawValue: statusText) else {
            throw root.fail("status", "phải là draft, submitted hoặc superseded")
        }
        self.status = status
        snapshot = try root.optionalObject("snapshot").map { (reader) throws(ReportExportError) in
            ReportSnapshot(
                version: try reader.int("version"), sha256: try reader.string("sha256"),
                submittedAt: try reader.string("submittedAt"), by: try reader.string("by"))
        }
        let summary = try root.object("summary")
        activities = try summary.int("activities")
        done = try summary.int("done")
        inProgress = try summary.int("inProgress")
        notStarted = try summary.int("notStarted")
        overdue = try summary.int("overdue")
        guard done + inProgress + notStarted + overdue <= activities else {
            throw summary.fail("activities", "nhỏ hơn tổng số nhiệm vụ theo tình trạng")
        }
        completionRate = try summary.optionalDouble("completionRate")
        progressEntries = try summary.int("progressEntries")
        evidence = try summary.int("evidence")
        var units: [Report.UnitCompleteness] = []
        for unit in try summary.array("units") {
            units.append(
                Report.UnitCompleteness(
                    unit: try unit.string("unit"), expected: try unit.int("expected"),
                    reported: try unit.int("reported"), onTime: try unit.int("onTime")))
        }
        self.units = units
        _ = try root.array("activities")
    }

    /// Activities stopped (cancelled): those in the report under none of the four other statuses.
    public var cancelled: Int { activities - done - inProgress - notStarted - overdue }
}
