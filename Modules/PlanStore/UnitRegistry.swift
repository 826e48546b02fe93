import PlanCore
import Postgres

/// The registry of units on a connection (inside a `Store` transaction): finding a unit by the name a
/// document uses, and filing names nobody has seen yet as units "to review".
public struct UnitRegistry {
    public let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// A unit found or filed for a name.
    public struct Resolution: Hashable, Sendable {
        public var id: Int64
        public var name: String
        /// True when this call filed the name as a new unit to review.
        public var created: Bool
    }

    /// The unit a document means by `name`: an alias first (in `scope`, then anywhere), then a unit of
    /// that name under `scope`, then `scope` itself, then a unit of that name anywhere if only one exists,
    /// valid on `day`. Nil when nothing matches.
    public func find(_ name: String, scope: Int64?, on day: Day?) throws -> Int64? {
        let key = VietnameseText.foldedKey(UnitNaming.withoutAside(name))
        guard !key.isEmpty else { return nil }
        if let alias = try connection.query(
            """
            SELECT unit_id FROM unit_aliases
             WHERE alias_key = \(key) AND (scope_id IS NULL OR scope_id = \(scope))
             ORDER BY scope_id IS NULL, id LIMIT 1
            """
        ).first {
            return try alias.decode(Int64.self, at: 0)
        }
        let candidates = try connection.query(
            """
            SELECT id, parent_id FROM units
             WHERE name_key = \(key)
               AND (\(day?.iso)::date IS NULL
                    OR ((valid_from IS NULL OR valid_from <= \(day?.iso)::date)
                        AND (valid_to IS NULL OR valid_to >= \(day?.iso)::date)))
             ORDER BY id
            """
        ).map { row in (id: try row.decode(Int64.self, at: 0), parent: try row.decode(Int64?.self, at: 1)) }
        if let scope {
            if let inScope = candidates.first(where: { $0.parent == scope }) { return inScope.id }
            if let itself = candidates.first(where: { $0.id == scope }) { return itself.id }
        }
        let unscoped = candidates.filter { candidate in
            // A unit that belongs to another body ("Văn phòng Sở" of another Sở) is not this one.
            candidate.parent == nil || UnitNaming.guess(name).underIssuer == false
        }
        return unscoped.count == 1 ? unscoped[0].id : nil
    }

    /// Finds the unit, or files the name as a new unit to review (under `scope` when the name says it
    /// belongs there, e.g. "Văn phòng Sở").
    public func resolve(_ name: String, scope: Int64?, on day: Day?) throws -> Resolution {
        let clean = UnitNaming.withoutAside(name)
        if let id = try find(clean, scope: scope, on: day) {
            return Resolution(id: id, name: try self.name(of: id), created: false)
        }
        let guess = UnitNaming.guess(clean)
        let id = try insert(
            name: clean, kind: guess.kind, parent: guess.underIssuer ? scope : nil, needsReview: true)
        return Resolution(id: id, name: clean, created: true)
    }

    /// Adds a unit; the name is stored NFC and keyed by its folded form.
    public func insert(
        name: String, kind: OrgUnit.Kind, parent: Int64?, abbreviation: String? = nil, validFrom: Day? = nil,
        validTo: Day? = nil, needsReview: Bool = false, note: String? = nil
    ) throws -> Int64 {
        let clean = VietnameseText.nfc(name)
        let id = try connection.query(
            """
            INSERT INTO units (name, name_key, abbreviation, kind, parent_id, valid_from, valid_to, needs_review, note)
            VALUES (\(clean), \(VietnameseText.foldedKey(clean)), \(abbreviation.map(VietnameseText.nfc)),
                    \(kind.rawValue), \(parent), \(validFrom?.iso)::date, \(validTo?.iso)::date, \(needsReview), \(note))
            RETURNING id
            """
        ).scalar(Int64.self)
        if let variant = UnitNaming.abbreviationVariant(clean) {
            try connection.query(
                """
                INSERT INTO unit_aliases (unit_id, alias, alias_key, scope_id)
                VALUES (\(id), \(variant), \(VietnameseText.foldedKey(variant)), \(parent))
                ON CONFLICT DO NOTHING
                """)
        }
        return id
    }

    public func name(of id: Int64) throws -> String {
        try connection.query("SELECT name FROM units WHERE id = \(id)").scalar(String.self)
    }
}
