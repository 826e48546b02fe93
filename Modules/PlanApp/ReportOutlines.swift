import PlanCore
import PlanStore
import ReportExport

/// The đề cương templates as every front end uses them: which one a report is written in, and loading
/// an edited one (checked line by line before anything is stored).
public enum ReportOutlines {
    /// The outline a report of `unitID` under `regime` is written in, or nil for the shipped one.
    public static func inForce(_ store: Store, unitID: Int64, regime: String) throws -> ReportOutline? {
        guard let stored = try store.reportOutlineInForce(unitID: unitID, regime: regime) else { return nil }
        return try outline(stored)
    }

    /// A stored version read as an outline (one written by raw SQL, bypassing the check, is refused here).
    public static func outline(_ stored: StoredOutline) throws -> ReportOutline {
        do {
            return try ReportOutline(parsing: stored.source, version: stored.version)
        } catch {
            throw PlanAppError(
                nil,
                "Mẫu đề cương đã lưu (\(stored.scope), phiên bản \(stored.version)) không dùng được, \(error); "
                    + "nạp lại mẫu đã sửa bằng cchc-export template load.")
        }
    }

    /// Checks `text` (read from `file`) and stores it as the next version for the unit (nil: every unit)
    /// and regime (nil: every regime); `changed` is false when it is the latest version already.
    public static func load(_ store: Store, text: String, file: String, unitID: Int64?, regime: String?) throws -> (
        outline: StoredOutline, changed: Bool
    ) {
        let parsed: ReportOutline
        do {
            parsed = try ReportOutline(parsing: text)
        } catch {
            throw PlanAppError(nil, "\(file), \(error).")
        }
        if let regime {
            guard ReportingRegime.all.contains(where: { $0.id == regime }) else {
                throw PlanAppError(
                    .regime, "không có chế độ báo cáo \"\(regime)\"; dùng " + ReportingRegime.all.map(\.id).joined(separator: " hoặc "))
            }
        }
        return try store.loadReportOutline(source: parsed.source, unitID: unitID, regime: regime)
    }
}
