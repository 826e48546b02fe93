import PlanCore
import Postgres

/// A progress entry as the administration tool lists it.
public struct ProgressRow: Hashable, Sendable {
    public var id: Int64
    public var activityID: Int64
    /// "45/KH-STP#III.2".
    public var activityReference: String
    public var unitID: Int64
    public var unitName: String
    public var date: Day
    public var text: String
    public var quantity: Double?
    /// The quantity as stored ("12", "2.5"), exact.
    public var quantityText: String?
    public var quantityUnit: String?
    public var evidence: [Evidence]
    public var supersedes: Int64?
    /// The entry correcting this one, when there is one.
    public var supersededBy: Int64?
    public var reason: String?
    /// A withdrawal of the entry it supersedes (recorded by mistake): it and that entry count nowhere.
    public var withdrawn: Bool
    public var recordedBy: String
    /// "2024-06-20 09:15:02" in Việt Nam time.
    public var recordedAt: String
    public var recordedOn: Day
    /// Backfilled from paper: when and in which document the result reached the Văn phòng.
    public var received: ReceivedOnPaper?

    static let columns = """
        e.id, e.activity_id, coalesce(d.code, '#' || pl.id) || '#' || a.ref, e.unit_id, u.name, e.entry_date::text,
        e.text, e.quantity::float8, e.quantity::text, e.quantity_unit, e.supersedes_id,
        (SELECT s.id FROM progress_entries s WHERE s.supersedes_id = e.id), e.reason, e.recorded_by,
        to_char(e.recorded_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI:SS'),
        (e.recorded_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text, e.withdrawn, e.received_on::text, e.received_in
        """
    static let from = """
        progress_entries e JOIN activities a ON a.id = e.activity_id JOIN plans pl ON pl.id = a.plan_id
        JOIN documents d ON d.id = pl.document_id JOIN units u ON u.id = e.unit_id
        """

    init(row: PostgresRow) throws(PostgresError) {
        id = try row.decode(Int64.self, at: 0)
        activityID = try row.decode(Int64.self, at: 1)
        activityReference = try row.decode(String.self, at: 2)
        unitID = try row.decode(Int64.self, at: 3)
        unitName = try row.decode(String.self, at: 4)
        date = try row.day(at: 5)!
        text = try row.decode(String.self, at: 6)
        quantity = try row.decode(Double?.self, at: 7)
        quantityText = try row.decode(String?.self, at: 8)
        quantityUnit = try row.decode(String?.self, at: 9)
        evidence = []
        supersedes = try row.decode(Int64?.self, at: 10)
        supersededBy = try row.decode(Int64?.self, at: 11)
        reason = try row.decode(String?.self, at: 12)
        recordedBy = try row.decode(String.self, at: 13)
        recordedAt = try row.decode(String.self, at: 14)
        recordedOn = try row.day(at: 15)!
        withdrawn = try row.decode(Bool.self, at: 16)
        if let day = try row.day(at: 17), let document = try row.decode(String?.self, at: 18) {
            received = ReceivedOnPaper(day: day, document: document)
        }
    }

    /// Reads rows matching `condition` (SQL over `e`), with their evidence.
    static func load(where condition: SQL, _ connection: Connection) throws -> [ProgressRow] {
        var rows = try connection.query(
            "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE \(condition) ORDER BY e.entry_date, e.id"
        ).map { row throws(PostgresError) in try ProgressRow(row: row) }
        guard !rows.isEmpty else { return rows }
        var evidence: [Int64: [Evidence]] = [:]
        for row in try connection.query(
            """
            SELECT progress_entry_id, kind, value, title, file_sha256 FROM evidence
             WHERE progress_entry_id = ANY(\(rows.map { String($0.id) })::bigint[])
             ORDER BY progress_entry_id, position
            """)
        {
            evidence[try row.decode(Int64.self, at: 0), default: []].append(
                Evidence(
                    kind: Evidence.Kind(rawValue: try row.decode(String.self, at: 1)) ?? .document,
                    value: try row.decode(String.self, at: 2), title: try row.decode(String?.self, at: 3),
                    sha256: try row.decode(String?.self, at: 4)))
        }
        for i in rows.indices { rows[i].evidence = evidence[rows[i].id] ?? [] }
        return rows
    }
}
