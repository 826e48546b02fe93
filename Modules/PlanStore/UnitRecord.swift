import PlanCore
import Postgres

/// A row of the unit registry as the administration tool shows it: one name of a unit over its validity.
/// A rename or a move closes a row and opens a successor ("renamed-to"); together they are one unit.
public struct UnitRecord: Hashable, Sendable {
    public var id: Int64
    public var name: String
    public var abbreviation: String?
    public var kind: OrgUnit.Kind
    public var parentID: Int64?
    /// The parent row's name as stored (the tree shows the version valid on its day).
    public var parentName: String?
    public var place: String?
    /// First day of validity under this name; nil when open (since ever).
    public var validFrom: Day?
    /// Last day of validity under this name; nil when open.
    public var validTo: Day?
    /// Filed by an import from a name nobody has mapped yet ("cần rà soát").
    public var needsReview: Bool
    public var note: String?

    /// Whether the row is valid on `day`.
    public func isValid(on day: Day) -> Bool {
        (validFrom.map { $0 <= day } ?? true) && (validTo.map { day <= $0 } ?? true)
    }

    /// "#12 Văn phòng Sở (thuộc Sở Tư pháp)": how messages name the row.
    public var label: String {
        "#\(id) \(name)" + (parentName.map { " (thuộc \($0))" } ?? "")
    }

    /// The columns `init(row:)` reads, for `FROM units u LEFT JOIN units p ON p.id = u.parent_id`.
    static let columns = """
        u.id, u.name, u.abbreviation, u.kind, u.parent_id, p.name, u.place, u.valid_from::text, u.valid_to::text,
        u.needs_review, u.note
        """
    static let from = "units u LEFT JOIN units p ON p.id = u.parent_id"

    init(row: PostgresRow) throws(PostgresError) {
        id = try row.decode(Int64.self, at: 0)
        name = try row.decode(String.self, at: 1)
        abbreviation = try row.decode(String?.self, at: 2)
        kind = OrgUnit.Kind(rawValue: try row.decode(String.self, at: 3)) ?? .division
        parentID = try row.decode(Int64?.self, at: 4)
        parentName = try row.decode(String?.self, at: 5)
        place = try row.decode(String?.self, at: 6)
        validFrom = try row.day(at: 7)
        validTo = try row.day(at: 8)
        needsReview = try row.decode(Bool.self, at: 9)
        note = try row.decode(String?.self, at: 10)
    }

    /// Reads one unit row by id; nil when there is none.
    static func load(_ id: Int64, _ connection: Connection) throws -> UnitRecord? {
        try connection.query(
            "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE u.id = \(id)"
        ).first.map { row throws(PostgresError) in try UnitRecord(row: row) }
    }
}

/// A kind of unit in Vietnamese, for tables and messages.
extension OrgUnit.Kind {
    public var vietnamese: String {
        switch self {
        case .authority: return "cơ quan"
        case .division: return "phòng, ban"
        case .serviceUnit: return "đơn vị sự nghiệp"
        case .organisation: return "tổ chức"
        case .group: return "nhóm"
        }
    }
}
