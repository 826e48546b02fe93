import PlanCore

/// Why a report, a plan document or an aggregation could not be produced. Each case carries what a user
/// needs to fix it; `description` is the Vietnamese message the CLI prints.
public enum ReportExportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The period's data window does not touch the plan year.
    case periodOutsidePlanYear(period: String, window: String, planYear: Int)
    /// The report context lacks something the document needs (`field` names it).
    case missingField(field: String)
    /// A `cchc.report/v1` file could not be read: `field` is the JSON path ("summary.done").
    case invalidReport(file: String, field: String, reason: String)
    /// A report given to the aggregation is for another period.
    case periodMismatch(file: String, expected: String, found: String)
    /// A report given to the aggregation uses another cut-off regime.
    case regimeMismatch(file: String, expected: String, found: String)
    /// Two reports given to the aggregation come from the same unit.
    case duplicateReport(unit: String, files: [String])
    /// The period or the regime cannot give a window or a deadline (PlanCore's reason).
    case reporting(ReportingError)
    /// A submitted snapshot's stored model cannot be rendered (missing, unreadable, or not what was hashed).
    case snapshotModel(snapshot: String, reason: String)

    /// A stable code for scripts.
    public var code: String {
        switch self {
        case .periodOutsidePlanYear: return "period-outside-plan-year"
        case .missingField: return "missing-field"
        case .invalidReport: return "invalid-report"
        case .periodMismatch: return "period-mismatch"
        case .regimeMismatch: return "regime-mismatch"
        case .duplicateReport: return "duplicate-report"
        case .reporting(let error): return error.code
        case .snapshotModel: return "snapshot-model"
        }
    }

    public var description: String {
        switch self {
        case let .periodOutsidePlanYear(period, window, planYear):
            return "Kỳ báo cáo \(period) (\(window)) nằm ngoài năm kế hoạch \(planYear)."
        case let .missingField(field):
            return "Thiếu thông tin để lập văn bản: \(field)."
        case let .invalidReport(file, field, reason):
            return "\(file): báo cáo cchc.report/v1 không hợp lệ ở trường \"\(field)\": \(reason)."
        case let .periodMismatch(file, expected, found):
            return "\(file): báo cáo kỳ \(found), không phải kỳ đang tổng hợp \(expected)."
        case let .regimeMismatch(file, expected, found):
            return "\(file): báo cáo theo chế độ \(found), không phải chế độ \(expected) của đợt tổng hợp."
        case let .duplicateReport(unit, files):
            return "Đơn vị \(unit) có nhiều báo cáo cùng kỳ: \(files.joined(separator: ", "))."
        case .reporting(let error):
            return error.description
        case let .snapshotModel(snapshot, reason):
            return "Bản đã nộp \(snapshot): \(reason)."
        }
    }
}
