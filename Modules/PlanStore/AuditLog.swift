import PlanCore
import Postgres

/// One field of a row before and after a change.
public struct AuditChange: Hashable, Sendable {
    public var field: String
    public var before: JSONValue?
    public var after: JSONValue?
}

/// One row of the audit trail: who changed what, when, from what to what.
public struct AuditEntry: Sendable {
    public var id: Int64
    /// "2024-06-20 09:15:02" in Việt Nam time.
    public var at: String
    /// The person (`cchc.user`), or the database login for direct SQL.
    public var actor: String
    /// Who acted for `actor` (an operator's `--as`), or nil.
    public var operatorLogin: String?
    public var databaseLogin: String
    public var table: String
    public var rowID: String?
    /// insert, update or delete.
    public var action: String
    public var before: JSONValue?
    public var after: JSONValue?
    /// For an update the fields that changed; for an insert or a delete the row's main fields.
    public var changes: [AuditChange]

    /// "title: "A" → "B"; version: 1 → 2", or "name: "Phòng X"; kind: "division"" for inserts and deletes.
    public var summary: String {
        changes.map { change in
            switch action {
            case "update": return "\(change.field): \(Self.show(change.before)) → \(Self.show(change.after))"
            case "delete": return "\(change.field): \(Self.show(change.before))"
            default: return "\(change.field): \(Self.show(change.after))"
            }
        }.joined(separator: "; ")
    }

    static func show(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return "∅"
        case .string(let s)?: return "\"\(s.count > 80 ? String(s.prefix(79)) + "…" : s)\""
        case let value?: return value.serialized(pretty: false)
        }
    }
}

/// Which audit entries to show.
public struct AuditFilter: Sendable {
    public var since: Day?
    public var until: Day?
    /// Changes of the activity, its assignments, products, progress entries and their evidence.
    public var activityID: Int64?
    public var table: String?
    public var actor: String?
    /// The latest `limit` entries (still shown oldest first).
    public var limit: Int?

    public init(
        since: Day? = nil, until: Day? = nil, activityID: Int64? = nil, table: String? = nil, actor: String? = nil,
        limit: Int? = nil
    ) {
        self.since = since
        self.until = until
        self.activityID = activityID
        self.table = table
        self.actor = actor
        self.limit = limit
    }
}

extension Store {
    /// Tables the audit trail covers.
    public static let auditedTables = [
        "units", "unit_aliases", "unit_lineage", "unit_group_members", "users", "documents", "plans",
        "plan_revisions", "sections", "activities", "activity_assignments", "products", "progress_entries",
        "evidence", "evidence_files", "period_locks", "reports", "report_snapshots", "report_settings",
        "report_outlines",
    ]

    /// The audit trail, oldest first. Days are Việt Nam days.
    public func auditLog(_ filter: AuditFilter) throws -> [AuditEntry] {
        if let table = filter.table, !Store.auditedTables.contains(table) {
            throw StoreError.invalid(
                "Bảng \"\(table)\" không có trong nhật ký; các bảng được ghi: \(Store.auditedTables.joined(separator: ", "))."
            )
        }
        return try transaction("xem nhật ký thay đổi") { connection in
            let id = filter.activityID.map(String.init)
            let rows = try connection.query(
                """
                SELECT l.id, to_char(l.at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI:SS'), l.actor, l.db_login,
                       l.table_name, l.row_id, l.action, l.before::text, l.after::text, l.operator
                  FROM audit_log l
                 WHERE (\(filter.since?.iso)::date IS NULL
                        OR l.at >= (\(filter.since?.iso)::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))
                   AND (\(filter.until?.iso)::date IS NULL
                        OR l.at < ((\(filter.until?.iso)::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'))
                   AND (\(filter.table)::text IS NULL OR l.table_name = \(filter.table)::text)
                   AND (\(filter.actor)::text IS NULL OR l.actor = \(filter.actor)::text)
                   AND (\(id)::text IS NULL
                        OR (l.table_name = 'activities' AND l.row_id = \(id)::text)
                        OR (l.table_name IN ('activity_assignments', 'products', 'progress_entries')
                            AND coalesce(l.after, l.before) ->> 'activity_id' = \(id)::text)
                        OR (l.table_name = 'evidence'
                            AND (coalesce(l.after, l.before) ->> 'progress_entry_id')::bigint IN
                                (SELECT e.id FROM progress_entries e WHERE e.activity_id = \(id)::text::bigint)))
                 ORDER BY l.id DESC
                 LIMIT \(filter.limit ?? Int(Int32.max))
                """
            )
            return try rows.reversed().map { row in
                let action = try row.decode(String.self, at: 6)
                let before = try row.decode(String?.self, at: 7).map { try JSONValue.parse($0) }
                let after = try row.decode(String?.self, at: 8).map { try JSONValue.parse($0) }
                let table = try row.decode(String.self, at: 4)
                return AuditEntry(
                    id: try row.decode(Int64.self, at: 0), at: try row.decode(String.self, at: 1),
                    actor: try row.decode(String.self, at: 2), operatorLogin: try row.decode(String?.self, at: 9),
                    databaseLogin: try row.decode(String.self, at: 3),
                    table: table, rowID: try row.decode(String?.self, at: 5), action: action, before: before,
                    after: after, changes: AuditChanges.of(table: table, action: action, before: before, after: after))
            }
        }
    }
}

/// The readable part of a change.
enum AuditChanges {
    /// Derived or bulky fields that say nothing to a reader.
    static let noise: Set<String> = [
        "updated_at", "created_at", "name_key", "alias_key", "content", "body", "recorded_at",
    ]

    /// The fields that identify a new or deleted row, per table (others: every field but the noise).
    static let mainFields: [String: [String]] = [
        "units": ["name", "kind", "parent_id", "valid_from", "valid_to", "needs_review"],
        "unit_aliases": ["alias", "unit_id", "scope_id"],
        "unit_lineage": ["kind", "from_unit_id", "to_unit_id", "effective", "legal_act"],
        "unit_group_members": ["group_id", "member_id"],
        "users": ["login", "role", "unit_id", "active", "db_login"],
        "documents": ["code", "title", "issuer_name", "issued_on"],
        "plans": ["document_id", "year", "owner_unit_id", "parent_plan_id"],
        "plan_revisions": ["plan_id", "revision", "source_file", "source_sha256"],
        "sections": ["plan_id", "path", "heading"],
        "activities": ["plan_id", "ref", "title", "schedule_text", "state"],
        "activity_assignments": ["activity_id", "unit_id", "role"],
        "products": ["activity_id", "text"],
        "progress_entries": [
            "activity_id", "unit_id", "entry_date", "text", "quantity", "quantity_unit", "supersedes_id", "reason", "withdrawn",
        ],
        "evidence": ["progress_entry_id", "kind", "value"],
        "evidence_files": ["sha256", "file_name", "size"],
        "period_locks": ["plan_id", "unit_id", "period_id", "regime", "window_from", "window_to", "reopen_reason"],
        "reports": ["plan_id", "unit_id", "period_id", "regime"],
        "report_snapshots": ["report_id", "version", "status", "sha256"],
        "report_settings": ["unit_id", "signer_capacity", "signer_title", "signer_name", "distribution"],
        "report_outlines": ["unit_id", "regime", "version", "sha256"],
    ]

    static func of(table: String, action: String, before: JSONValue?, after: JSONValue?) -> [AuditChange] {
        func pairs(_ value: JSONValue?) -> [(String, JSONValue)] {
            if case .object(let pairs)? = value { return pairs }
            return []
        }
        if action == "update" {
            let old = Dictionary(pairs(before), uniquingKeysWith: { a, _ in a })
            return pairs(after).compactMap { key, value in
                guard !noise.contains(key), old[key] != value else { return nil }
                return AuditChange(field: key, before: old[key], after: value)
            }
        }
        let row = pairs(after ?? before).filter { key, value in !noise.contains(key) && !value.isNull }
        let wanted = mainFields[table]
        let fields = wanted.map { names in names.compactMap { name in row.first { $0.0 == name } } } ?? row
        return fields.map { key, value in
            AuditChange(field: key, before: action == "delete" ? value : nil, after: action == "delete" ? nil : value)
        }
    }
}
