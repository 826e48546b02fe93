import PlanCore
import Postgres

/// Who signs a reporting unit's periodic reports and where they go: settings of the Sở (migration 0012),
/// used by every export unless one report overrides them.
public struct ReportSettings: Hashable, Sendable {
    public var unitID: Int64
    /// The unit's name today, for listings.
    public var unitName: String
    public var signer: DocumentIdentity.Signer
    /// Nơi nhận, one entry per line as printed.
    public var distribution: [String]

    /// The prefixes of quyền hạn ký in Nghị định 30/2020 (Phụ lục I, II.8): ký thay, thừa lệnh, thay mặt,
    /// thừa ủy quyền, quyền.
    public static let capacityPrefixes = ["KT.", "TL.", "TM.", "TUQ.", "Q."]

    /// Checks a quyền hạn ký ("KT. GIÁM ĐỐC"), upper-cased as documents print it; nil for blank.
    public static func capacity(_ text: String?) throws(StoreError) -> String? {
        guard let text = text.map(VietnameseText.trimmed), !text.isEmpty else { return nil }
        let upper = VietnameseText.upper(VietnameseText.nfc(text))
        guard let prefix = capacityPrefixes.first(where: { upper.hasPrefix($0 + " ") }),
            upper.count > prefix.count + 1
        else {
            throw .invalid(
                "Quyền hạn ký \"\(text)\" không đúng Nghị định 30/2020: bắt đầu bằng KT., TL., TM., TUQ. hoặc Q. rồi "
                    + "chức vụ của người đứng đầu (ví dụ \"KT. GIÁM ĐỐC\"); để trống khi người đứng đầu ký.")
        }
        return upper
    }
}

extension Store {
    /// The settings of a unit, or nil when none were written.
    public func reportSettings(unitID: Int64) throws -> ReportSettings? {
        try transaction("xem thiết lập báo cáo") { connection in
            try Self.reportSettings(connection, unitID: unitID).first
        }
    }

    /// Every unit's settings, by unit name.
    public func allReportSettings() throws -> [ReportSettings] {
        try transaction("xem thiết lập báo cáo") { connection in try Self.reportSettings(connection, unitID: nil) }
    }

    static func reportSettings(_ connection: Connection, unitID: Int64?) throws -> [ReportSettings] {
        try connection.query(
            """
            SELECT s.unit_id, u.name, s.signer_capacity, s.signer_title, s.signer_name, s.distribution
              FROM report_settings s JOIN units u ON u.id = s.unit_id
             WHERE \(unitID)::bigint IS NULL OR s.unit_id = \(unitID)::bigint
             ORDER BY u.name
            """
        ).map { row in
            ReportSettings(
                unitID: try row.decode(Int64.self, at: 0), unitName: try row.decode(String.self, at: 1),
                signer: .init(
                    capacity: try row.decode(String?.self, at: 2), title: try row.decode(String?.self, at: 3),
                    name: try row.decode(String?.self, at: 4)),
                distribution: try row.decode([String].self, at: 5))
        }
    }

    /// Writes a unit's settings; only the fields given change (`.some(nil)` clears one). Admin only, audited.
    @discardableResult
    public func saveReportSettings(
        unitID: Int64, capacity: String?? = nil, title: String?? = nil, name: String?? = nil,
        distribution: [String]? = nil
    ) throws -> ReportSettings {
        try requireAdmin("ghi thiết lập báo cáo")
        let checkedCapacity: String?? = try capacity.map { try ReportSettings.capacity($0) }
        func clean(_ text: String?) -> String? {
            text.map(VietnameseText.trimmed).flatMap { $0.isEmpty ? nil : VietnameseText.nfc($0) }
        }
        let entries = try distribution.map { lines in
            try lines.map { line -> String in
                var entry = VietnameseText.trimmed(VietnameseText.nfc(line))
                if entry.hasPrefix("- ") { entry = VietnameseText.trimmed(String(entry.dropFirst(2))) }
                while let last = entry.last, last == ";" || last == "." { entry.removeLast() }
                guard !entry.isEmpty else { throw StoreError.invalid("Nơi nhận có một dòng trống.") }
                return entry
            }
        }
        return try transaction("ghi thiết lập báo cáo") { connection in
            var current =
                try Self.reportSettings(connection, unitID: unitID).first
                ?? ReportSettings(unitID: unitID, unitName: "", signer: .init(), distribution: [])
            if let checkedCapacity { current.signer.capacity = checkedCapacity }
            if let title { current.signer.title = clean(title).map(VietnameseText.upper) }
            if let name { current.signer.name = clean(name) }
            if let entries { current.distribution = entries }
            try connection.query(
                """
                INSERT INTO report_settings (unit_id, signer_capacity, signer_title, signer_name, distribution)
                VALUES (\(unitID), \(current.signer.capacity), \(current.signer.title), \(current.signer.name),
                        \(current.distribution))
                ON CONFLICT (unit_id) DO UPDATE
                   SET signer_capacity = EXCLUDED.signer_capacity, signer_title = EXCLUDED.signer_title,
                       signer_name = EXCLUDED.signer_name, distribution = EXCLUDED.distribution,
                       version = report_settings.version + 1, updated_at = now()
                """)
            return try Self.reportSettings(connection, unitID: unitID)[0]
        }
    }
}
