import PlanCore
import Postgres

/// A submitted reporting period, locked: progress dated inside its window is refused (by the database)
/// until an administrator reopens it, with a reason; both are audited.
public struct PeriodLock: Hashable, Sendable {
    public var id: Int64
    public var planID: Int64
    public var planReference: String
    /// The unit whose reporting is locked (and its divisions); nil locks the whole plan.
    public var unitID: Int64?
    public var unitName: String?
    public var period: String
    public var regime: String
    public var window: DayRange
    public var lockedAt: String
    public var lockedBy: String
    public var reopenedAt: String?
    public var reopenedBy: String?
    public var reopenReason: String?

    public var isActive: Bool { reopenedAt == nil }

    static let columns = """
        l.id, l.plan_id, coalesce(d.code, '#' || p.id), l.unit_id, u.name, l.period_id, l.regime, l.window_from::text,
        l.window_to::text, to_char(l.locked_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI:SS'), l.locked_by,
        to_char(l.reopened_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI:SS'), l.reopened_by, l.reopen_reason
        """
    static let from = """
        period_locks l JOIN plans p ON p.id = l.plan_id JOIN documents d ON d.id = p.document_id
        LEFT JOIN units u ON u.id = l.unit_id
        """

    init(row: PostgresRow) throws(PostgresError) {
        id = try row.decode(Int64.self, at: 0)
        planID = try row.decode(Int64.self, at: 1)
        planReference = try row.decode(String.self, at: 2)
        unitID = try row.decode(Int64?.self, at: 3)
        unitName = try row.decode(String?.self, at: 4)
        period = try row.decode(String.self, at: 5)
        regime = try row.decode(String.self, at: 6)
        window = DayRange(from: try row.day(at: 7)!, to: try row.day(at: 8)!)
        lockedAt = try row.decode(String.self, at: 9)
        lockedBy = try row.decode(String.self, at: 10)
        reopenedAt = try row.decode(String?.self, at: 11)
        reopenedBy = try row.decode(String?.self, at: 12)
        reopenReason = try row.decode(String?.self, at: 13)
    }
}

/// The outcome of locking: the active lock, and whether this call made it.
public struct PeriodLockResult: Sendable {
    public var lock: PeriodLock
    /// False when the period was already locked (locking again changes nothing).
    public var created: Bool
}

/// Period locks on a connection, for callers inside their own `Store.transaction` (the exporter's
/// `--submit` stores its snapshot and locks in one transaction).
public struct PeriodLocks {
    public let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Locks `period` of `plan` (for `unit`, or the whole plan) over `window`; already locked: unchanged.
    public func lock(plan: Int64, unit: Int64?, period: PeriodID, regime: String, window: DayRange) throws
        -> PeriodLockResult
    {
        if let existing = try active(plan: plan, unit: unit, period: period, regime: regime) {
            return PeriodLockResult(lock: existing, created: false)
        }
        let id = try connection.query(
            """
            INSERT INTO period_locks (plan_id, unit_id, period_id, regime, window_from, window_to)
            VALUES (\(plan), \(unit), \(period.description), \(regime), \(window.from.iso)::date, \(window.to.iso)::date)
            RETURNING id
            """
        ).scalar(Int64.self)
        return PeriodLockResult(lock: try load(id)!, created: true)
    }

    /// Reopens the active lock, with the reason (stamped with who and when by the database).
    public func reopen(plan: Int64, unit: Int64?, period: PeriodID, regime: String, reason: String) throws -> PeriodLock
    {
        let why = VietnameseText.nfc(reason)
        guard !why.isEmpty else { throw StoreError.invalid("Mở lại kỳ báo cáo cần lý do (--reason).") }
        guard let existing = try active(plan: plan, unit: unit, period: period, regime: regime) else {
            throw StoreError.notFound(what: "kỳ báo cáo đang khóa", reference: "\(period) (\(regime))")
        }
        try connection.query(
            "UPDATE period_locks SET reopened_at = now(), reopen_reason = \(why) WHERE id = \(existing.id)")
        return try load(existing.id)!
    }

    /// Locks of a plan (or all), newest first.
    public func list(plan: Int64?, includeReopened: Bool) throws -> [PeriodLock] {
        try connection.query(
            """
            SELECT \(unsafeRaw: PeriodLock.columns) FROM \(unsafeRaw: PeriodLock.from)
             WHERE (\(plan)::bigint IS NULL OR l.plan_id = \(plan)::bigint) AND (\(includeReopened) OR l.reopened_at IS NULL)
             ORDER BY l.window_from DESC, l.id DESC
            """
        ).map { row throws(PostgresError) in try PeriodLock(row: row) }
    }

    func active(plan: Int64, unit: Int64?, period: PeriodID, regime: String) throws -> PeriodLock? {
        try connection.query(
            """
            SELECT \(unsafeRaw: PeriodLock.columns) FROM \(unsafeRaw: PeriodLock.from)
             WHERE l.plan_id = \(plan) AND l.unit_id IS NOT DISTINCT FROM \(unit)::bigint
               AND l.period_id = \(period.description) AND l.regime = \(regime) AND l.reopened_at IS NULL
            """
        ).first.map { row throws(PostgresError) in try PeriodLock(row: row) }
    }

    func load(_ id: Int64) throws -> PeriodLock? {
        try connection.query(
            "SELECT \(unsafeRaw: PeriodLock.columns) FROM \(unsafeRaw: PeriodLock.from) WHERE l.id = \(id)"
        )
        .first.map { row throws(PostgresError) in try PeriodLock(row: row) }
    }
}

extension Store {
    /// Locks a submitted period (admin). `window` defaults to the regime's data window of the period.
    public func lockPeriod(
        plan: Int64, unit: Int64?, period: PeriodID, regime: ReportingRegime, window: DayRange? = nil
    ) throws -> PeriodLockResult {
        try requireAdmin("khóa kỳ báo cáo")
        let range = try window ?? Store.window(of: period, regime)
        return try transaction("khóa kỳ báo cáo") { connection in
            try PeriodLocks(connection).lock(plan: plan, unit: unit, period: period, regime: regime.id, window: range)
        }
    }

    /// Reopens a locked period (admin, with a reason); audited.
    public func reopenPeriod(plan: Int64, unit: Int64?, period: PeriodID, regime: ReportingRegime, reason: String)
        throws -> PeriodLock
    {
        try requireAdmin("mở lại kỳ báo cáo đã khóa")
        return try transaction("mở lại kỳ báo cáo đã khóa") { connection in
            try PeriodLocks(connection).reopen(
                plan: plan, unit: unit, period: period, regime: regime.id, reason: reason)
        }
    }

    /// Locks of a plan (or of every plan), newest first; reopened ones when asked.
    public func periodLocks(plan: Int64?, includeReopened: Bool = false) throws -> [PeriodLock] {
        try transaction("xem các kỳ báo cáo đã khóa") { connection in
            try PeriodLocks(connection).list(plan: plan, includeReopened: includeReopened)
        }
    }

    /// The data window of a period under a regime, as a store error when the regime has no such period.
    public static func window(of period: PeriodID, _ regime: ReportingRegime) throws(StoreError) -> DayRange {
        do {
            return try regime.window(for: period)
        } catch {
            throw .invalid(error.description)
        }
    }
}
