import PlanCore
import Postgres

/// A stored version of a report outline (đề cương, migration 0014): the text an admin loaded for the
/// reports of a unit and the units below it (nil: every unit), for one regime (nil: every regime).
public struct StoredOutline: Hashable, Sendable {
    public var id: Int64
    public var unitID: Int64?
    /// The unit's name today; nil for every unit.
    public var unitName: String?
    public var regime: String?
    public var version: Int
    public var source: String
    public var sha256: String
    public var loadedBy: String
    /// ISO 8601 UTC.
    public var loadedAt: String

    /// "UBND tỉnh Bình Phước, chế độ nd09", "mọi đơn vị, mọi chế độ".
    public var scope: String {
        (unitName ?? "mọi đơn vị") + ", " + (regime.map { "chế độ \($0)" } ?? "mọi chế độ")
    }
}

extension Store {
    /// Every stored version, by scope (every unit first, then by unit name), regime and version.
    public func reportOutlines() throws -> [StoredOutline] {
        try transaction("xem mẫu đề cương") { connection in
            try Self.outlines(
                connection,
                """
                \(Self.select)
                 ORDER BY o.unit_id IS NOT NULL, u.name, o.regime NULLS FIRST, o.version
                """)
        }
    }

    /// The version of exactly this scope: `version`, or the latest.
    public func reportOutline(unitID: Int64?, regime: String?, version: Int? = nil) throws -> StoredOutline? {
        try transaction("xem mẫu đề cương") { connection in
            try Self.outline(connection, unitID: unitID, regime: regime, version: version)
        }
    }

    private static func outline(_ connection: Connection, unitID: Int64?, regime: String?, version: Int?) throws
        -> StoredOutline?
    {
        try outlines(
            connection,
            """
            \(select)
             WHERE o.unit_id IS NOT DISTINCT FROM \(unitID)::bigint AND o.regime IS NOT DISTINCT FROM \(regime)::text
               AND (\(version)::integer IS NULL OR o.version = \(version)::integer)
             ORDER BY o.version DESC LIMIT 1
            """
        ).first
    }

    /// The outline a report of `unitID` under `regime` is written in: the latest version of the nearest
    /// scope (the unit itself, then each unit above it, then every unit), one for the regime before one for
    /// every regime at the same level; nil when none was loaded (the shipped outline applies).
    public func reportOutlineInForce(unitID: Int64, regime: String) throws -> StoredOutline? {
        try transaction("xem mẫu đề cương") { connection in
            try Self.outlines(
                connection,
                """
                WITH RECURSIVE up(id, depth) AS (
                    SELECT c, 0 FROM cchc_unit_chain(\(unitID)::bigint) AS c
                    UNION
                    SELECT c, up.depth + 1 FROM up JOIN units u ON u.id = up.id
                           CROSS JOIN LATERAL cchc_unit_chain(u.parent_id) AS c
                     WHERE u.parent_id IS NOT NULL AND up.depth < 50
                ), nearest AS (SELECT id, min(depth) AS depth FROM up GROUP BY id)
                \(Self.select)
                  LEFT JOIN nearest n ON n.id = o.unit_id
                 WHERE (o.unit_id IS NULL OR n.id IS NOT NULL) AND (o.regime IS NULL OR o.regime = \(regime))
                 ORDER BY coalesce(n.depth, 2147483647), o.regime IS NULL, o.version DESC
                 LIMIT 1
                """
            ).first
        }
    }

    /// Stores `source` (NFC with LF line ends, as the caller's outline reader returns it after checking it)
    /// as the next version of its scope;
    /// the same text as the latest version stores nothing and returns that version with `changed` false.
    /// Admin only, audited.
    public func loadReportOutline(source: String, unitID: Int64?, regime: String?) throws -> (
        outline: StoredOutline, changed: Bool
    ) {
        try requireAdmin("nạp mẫu đề cương")
        return try transaction("nạp mẫu đề cương") { connection in
            if let latest = try Self.outline(connection, unitID: unitID, regime: regime, version: nil), latest.source == source {
                return (latest, false)
            }
            // Version, hash, author and time are set by the database (cchc_stamp_outline).
            let id = try connection.query(
                """
                INSERT INTO report_outlines (unit_id, regime, version, source, sha256, loaded_by)
                VALUES (\(unitID)::bigint, \(regime)::text, 1, \(source), repeat('0', 64), '')
                RETURNING id
                """
            )[0].decode(Int64.self, at: 0)
            let stored = try Self.outlines(connection, "\(Self.select) WHERE o.id = \(id)")
            return (stored[0], true)
        }
    }

    /// The columns `outlines` decodes, from the table and the unit's name.
    private static let select: SQL = """
        SELECT o.id, o.unit_id, u.name, o.regime, o.version, o.source, o.sha256, o.loaded_by,
               to_char(o.loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
          FROM report_outlines o LEFT JOIN units u ON u.id = o.unit_id
        """

    private static func outlines(_ connection: Connection, _ sql: SQL) throws -> [StoredOutline] {
        try connection.query(sql).map { row in
            StoredOutline(
                id: try row.decode(Int64.self, at: 0), unitID: try row.decode(Int64?.self, at: 1),
                unitName: try row.decode(String?.self, at: 2), regime: try row.decode(String?.self, at: 3),
                version: try row.decode(Int.self, at: 4), source: try row.decode(String.self, at: 5),
                sha256: try row.decode(String.self, at: 6), loadedBy: try row.decode(String.self, at: 7),
                loadedAt: try row.decode(String.self, at: 8))
        }
    }
}
