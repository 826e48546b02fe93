/// Why a reporting period or regime could not be used; `description` is the Vietnamese message for users.
public enum ReportingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A period id that is not one of "2024-M05", "2024-Q1", "2024-H1", "2024-H2", "2024-9M", "2024-Y".
    case invalidPeriodID(String)
    /// The regime has no report of this kind (a monthly period under the CCHC regime).
    case periodNotOffered(PeriodID, regime: String, offered: [PeriodKind])
    /// No regime has this id.
    case unknownRegime(String, known: [String])
    /// A regime whose settings cannot give a window or deadline (a cut-off on day 31).
    case invalidRegime(String, reason: String)

    /// A stable kebab-case code for scripts and logs.
    public var code: String {
        switch self {
        case .invalidPeriodID: return "invalid-period-id"
        case .periodNotOffered: return "period-not-offered"
        case .unknownRegime: return "unknown-regime"
        case .invalidRegime: return "invalid-regime"
        }
    }

    public var description: String {
        switch self {
        case .invalidPeriodID(let text):
            return "Mã kỳ báo cáo không hợp lệ: \"\(text)\" (dạng đúng: 2024-M05, 2024-Q1, 2024-H1, 2024-H2, 2024-9M, 2024-Y)."
        case .periodNotOffered(let period, let regime, let offered):
            let kinds = offered.map(\.label).joined(separator: ", ")
            return "Chế độ báo cáo \"\(regime)\" không có kỳ báo cáo \(period.kind.label) (\(period)); các kỳ của chế độ này: \(kinds)."
        case .unknownRegime(let id, let known):
            return "Không có chế độ báo cáo \"\(id)\"; các chế độ hiện có: \(known.joined(separator: ", "))."
        case .invalidRegime(let id, let reason):
            return "Chế độ báo cáo \"\(id)\" được cấu hình sai: \(reason)."
        }
    }
}
