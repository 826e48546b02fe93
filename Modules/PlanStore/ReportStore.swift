import Crypto
import Foundation
import PlanCore
import Postgres

/// The free text and numbering staff keep with a periodic report, per plan, reporting unit, period and regime.
public struct ReportRecord: Hashable, Sendable {
    public var id: Int64?
    public var planID: Int64
    public var unitID: Int64
    public var periodID: String
    public var regime: String
    /// Số of the report, when assigned.
    public var number: Int?
    public var issuedOn: Day?
    /// Tồn tại, hạn chế.
    public var issues: String?
    /// Đề xuất, kiến nghị.
    public var proposals: String?
}

/// A frozen, numbered copy of a submitted report.
public struct SnapshotRecord: Hashable, Sendable {
    public var id: Int64
    public var reportID: Int64
    public var planReference: String
    public var periodID: String
    public var regime: String
    public var version: Int
    /// submitted | superseded.
    public var status: String
    public var sha256: String
    /// ISO 8601 in UTC.
    public var submittedAt: String
    public var submittedBy: String
    /// The `cchc.report/v1` JSON text that was frozen.
    public var content: String?
    /// The whole report model stored with it (ReportExport's `modelText`), nil for snapshots made before
    /// migration 0011 or when not asked for.
    public var model: String?
}

/// What a submission freezes: the hashed `cchc.report/v1` text and the report model that renders it.
public struct SnapshotContent: Sendable {
    public var json: String
    public var model: String

    public init(json: String, model: String) {
        self.json = json
        self.model = model
    }
}

extension Store {
    /// The stored text of a report, or an empty record when none was written yet.
    public func reportRecord(planID: Int64, unitID: Int64, period: String, regime: String) throws -> ReportRecord {
        try transaction("xem báo cáo") { connection in
            try Self.reportRow(connection, planID: planID, unitID: unitID, period: period, regime: regime)
                ?? ReportRecord(planID: planID, unitID: unitID, periodID: period, regime: regime)
        }
    }

    static func reportRow(_ connection: Connection, planID: Int64, unitID: Int64, period: String, regime: String)
        throws -> ReportRecord?
    {
        try connection.query(
            """
            SELECT id, number, issued_on::text, issues, proposals FROM reports
             WHERE plan_id = \(planID) AND unit_id = \(unitID) AND period_id = \(period) AND regime = \(regime)
            """
        ).first.map { row in
            ReportRecord(
                id: try row.decode(Int64.self, at: 0), planID: planID, unitID: unitID, periodID: period, regime: regime,
                number: try row.decode(Int?.self, at: 1),
                issuedOn: try row.decode(String?.self, at: 2).flatMap { Day(iso: $0) },
                issues: try row.decode(String?.self, at: 3), proposals: try row.decode(String?.self, at: 4))
        }
    }

    /// Writes the report's text and numbering (only the fields given change).
    @discardableResult
    public func saveReportRecord(
        planID: Int64, unitID: Int64, period: String, regime: String, number: Int?? = nil, issuedOn: Day?? = nil,
        issues: String?? = nil, proposals: String?? = nil
    ) throws -> ReportRecord {
        try requireAdmin("ghi nội dung báo cáo")
        return try transaction("ghi nội dung báo cáo") { connection in
            var record =
                try Self.reportRow(connection, planID: planID, unitID: unitID, period: period, regime: regime)
                ?? ReportRecord(planID: planID, unitID: unitID, periodID: period, regime: regime)
            if let number { record.number = number }
            if let issuedOn { record.issuedOn = issuedOn }
            if let issues { record.issues = issues.map(VietnameseText.trimmed).flatMap { $0.isEmpty ? nil : $0 } }
            if let proposals {
                record.proposals = proposals.map(VietnameseText.trimmed).flatMap { $0.isEmpty ? nil : $0 }
            }
            let id = try connection.query(
                """
                INSERT INTO reports (plan_id, unit_id, period_id, regime, number, issued_on, issues, proposals)
                VALUES (\(planID), \(unitID), \(period), \(regime), \(record.number), \(record.issuedOn?.iso)::date,
                        \(record.issues), \(record.proposals))
                ON CONFLICT (plan_id, unit_id, period_id, regime) DO UPDATE
                   SET number = EXCLUDED.number, issued_on = EXCLUDED.issued_on, issues = EXCLUDED.issues,
                       proposals = EXCLUDED.proposals, version = reports.version + 1
                RETURNING id
                """
            ).scalar(Int64.self)
            record.id = id
            return record
        }
    }

    /// Freezes a report: a new numbered snapshot (the previous one superseded) and the period locked for
    /// the plan and the reporting unit, in one transaction. Refused while the period is locked (an earlier
    /// submission not reopened). `content` makes the `cchc.report/v1` text inside that transaction, after
    /// the lock is taken (load the plan in it: it sees what the lock froze); its sha256 is computed here.
    public func submitReport(
        planID: Int64, unitID: Int64, period: PeriodID, regime: String, window: DayRange,
        content: () throws -> SnapshotContent
    ) throws -> SnapshotRecord {
        try requireAdmin("nộp báo cáo")
        return try transaction("nộp báo cáo") { connection in
            // Writers of what a report says wait until the snapshot is stored, and find the period locked
            // afterwards: the frozen report is exactly what the database holds when the lock is taken.
            try connection.query("LOCK TABLE progress_entries, evidence, activities IN SHARE MODE")
            let lock = try PeriodLocks(connection).lock(
                plan: planID, unit: unitID, period: period, regime: regime, window: window)
            guard lock.created else { throw StoreError.periodLocked(period: period.description) }
            let frozen = try content()
            let text = frozen.json
            let sha256 = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
            let reportID = try connection.query(
                """
                INSERT INTO reports (plan_id, unit_id, period_id, regime)
                VALUES (\(planID), \(unitID), \(period.description), \(regime))
                ON CONFLICT (plan_id, unit_id, period_id, regime) DO UPDATE SET version = reports.version
                RETURNING id
                """
            ).scalar(Int64.self)
            let version = try connection.query(
                "SELECT coalesce(max(version), 0) + 1 FROM report_snapshots WHERE report_id = \(reportID)"
            ).scalar(Int.self)
            try connection.query(
                "UPDATE report_snapshots SET status = 'superseded' WHERE report_id = \(reportID) AND status = 'submitted'")
            let id = try connection.query(
                """
                INSERT INTO report_snapshots (report_id, version, status, sha256, content, content_text, model_text)
                VALUES (\(reportID), \(version), 'submitted', \(sha256), \(PostgresBind.jsonb(text)), \(text),
                        \(frozen.model))
                RETURNING id
                """
            ).scalar(Int64.self)
            return try Self.snapshots(connection, id: id, withContent: true)[0]
        }
    }

    /// Snapshots, newest first, optionally of one plan and/or period.
    public func snapshots(planID: Int64? = nil, period: String? = nil) throws -> [SnapshotRecord] {
        try transaction("xem báo cáo đã nộp") { connection in
            try Self.snapshots(connection, planID: planID, period: period, withContent: false)
        }
    }

    /// One snapshot with its content, checked against the sha256 stored with it.
    public func snapshot(id: Int64) throws -> SnapshotRecord {
        let found = try transaction("xem báo cáo đã nộp") { connection in
            guard let found = try Self.snapshots(connection, id: id, withContent: true).first else {
                throw StoreError.notFound(what: "bản báo cáo đã nộp", reference: "#\(id)")
            }
            return found
        }
        return try Self.checked(found)
    }

    /// The snapshot in force (status submitted) of a plan's report for a unit, period and regime, with its
    /// content checked against its sha256; nil when the period was never submitted.
    public func currentSnapshot(planID: Int64, unitID: Int64, period: String, regime: String) throws
        -> SnapshotRecord?
    {
        let found = try transaction("xem báo cáo đã nộp") { connection -> SnapshotRecord? in
            guard
                let id = try connection.query(
                    """
                    SELECT s.id FROM report_snapshots s JOIN reports r ON r.id = s.report_id
                     WHERE r.plan_id = \(planID) AND r.unit_id = \(unitID) AND r.period_id = \(period)
                       AND r.regime = \(regime) AND s.status = 'submitted'
                    """
                ).first?.decode(Int64.self, at: 0)
            else { return nil }
            return try Self.snapshots(connection, id: id, withContent: true).first
        }
        return try found.map(Self.checked)
    }

    private static func checked(_ found: SnapshotRecord) throws -> SnapshotRecord {
        let id = found.id
        let sha = SHA256.hash(data: Data((found.content ?? "").utf8)).map { String(format: "%02x", $0) }.joined()
        guard sha == found.sha256 else {
            throw StoreError.invalid(
                "Bản đã nộp #\(id) không khớp sha256 đã ghi (\(found.sha256.prefix(16))… ≠ \(sha.prefix(16))…).")
        }
        return found
    }

    static func snapshots(
        _ connection: Connection, id: Int64? = nil, planID: Int64? = nil, period: String? = nil, withContent: Bool
    ) throws -> [SnapshotRecord] {
        try connection.query(
            """
            SELECT s.id, s.report_id, coalesce(d.code, '#' || p.id), r.period_id, r.regime, s.version, s.status, s.sha256,
                   to_char(s.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), s.submitted_by,
                   CASE WHEN \(withContent) THEN s.content_text END, CASE WHEN \(withContent) THEN s.model_text END
              FROM report_snapshots s JOIN reports r ON r.id = s.report_id
              JOIN plans p ON p.id = r.plan_id JOIN documents d ON d.id = p.document_id
             WHERE (\(id)::bigint IS NULL OR s.id = \(id)::bigint)
               AND (\(planID)::bigint IS NULL OR r.plan_id = \(planID)::bigint)
               AND (\(period)::text IS NULL OR r.period_id = \(period)::text)
             ORDER BY s.submitted_at DESC, s.id DESC
            """
        ).map { row in
            SnapshotRecord(
                id: try row.decode(Int64.self, at: 0), reportID: try row.decode(Int64.self, at: 1),
                planReference: try row.decode(String.self, at: 2), periodID: try row.decode(String.self, at: 3),
                regime: try row.decode(String.self, at: 4), version: try row.decode(Int.self, at: 5),
                status: try row.decode(String.self, at: 6), sha256: try row.decode(String.self, at: 7),
                submittedAt: try row.decode(String.self, at: 8), submittedBy: try row.decode(String.self, at: 9),
                content: try row.decode(String?.self, at: 10), model: try row.decode(String?.self, at: 11))
        }
    }
}
