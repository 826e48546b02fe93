import PlanCore
import Postgres

/// A name an import filed as a unit nobody has reviewed yet.
public struct ReviewUnit: Sendable {
    public var unit: UnitRecord
    /// Assignments to activities still in their plans.
    public var assignments: Int
    /// Codes of the plans naming it.
    public var plans: [String]
}

/// What mapping a review name to an existing unit did.
public struct ReviewMapping: Sendable {
    /// The placeholder, now deleted.
    public var name: String
    public var target: UnitRecord
    /// Assignments moved to the target.
    public var reassigned: Int
}

extension Store {
    /// Names created by imports and not reviewed yet, oldest first.
    public func unitsToReview() throws -> [ReviewUnit] {
        try transaction("xem danh sách đơn vị cần rà soát") { connection in
            try connection.query(
                """
                SELECT \(unsafeRaw: UnitRecord.columns),
                       (SELECT count(*) FROM activity_assignments aa JOIN activities a ON a.id = aa.activity_id
                         WHERE aa.unit_id = u.id AND a.removed_in_revision IS NULL),
                       ARRAY(SELECT DISTINCT coalesce(d.code, '#' || pl.id) FROM activity_assignments aa
                               JOIN activities a ON a.id = aa.activity_id JOIN plans pl ON pl.id = a.plan_id
                               JOIN documents d ON d.id = pl.document_id
                              WHERE aa.unit_id = u.id ORDER BY 1)
                  FROM \(unsafeRaw: UnitRecord.from)
                 WHERE u.needs_review
                 ORDER BY u.id
                """
            ).map { row throws(PostgresError) in
                ReviewUnit(
                    unit: try UnitRecord(row: row), assignments: try row.decode(Int.self, at: 11),
                    plans: try row.decode([String].self, at: 12))
            }
        }
    }

    /// Finds a name waiting for review by "#id" or by the name itself.
    public func findReviewUnit(_ reference: String) throws -> UnitRecord {
        let all = try unitsToReview().map(\.unit)
        let text = VietnameseText.nfc(reference)
        let idText = text.hasPrefix("#") ? String(text.dropFirst()) : text
        let key = VietnameseText.foldedKey(UnitNaming.withoutAside(text))
        let matches = all.filter { unit in
            Int64(idText).map { $0 == unit.id } ?? (VietnameseText.foldedKey(unit.name) == key)
        }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw StoreError.notFound(what: "tên đơn vị cần rà soát", reference: reference) }
        throw StoreError.ambiguous(
            what: "tên đơn vị cần rà soát", reference: reference, candidates: matches.map(\.label))
    }

    /// Makes a review name an alias of an existing unit: later imports resolve the name to `target`; the
    /// activities, plans, groups and staff that used the placeholder now use `target`, and the placeholder
    /// is deleted. Refused when progress was already recorded under the placeholder (entries are append-only).
    public func mapReviewUnit(_ placeholderID: Int64, to targetID: Int64) throws -> ReviewMapping {
        try requireAdmin("rà soát đơn vị")
        return try transaction("rà soát đơn vị") { connection in
            guard let placeholder = try UnitRecord.load(placeholderID, connection) else {
                throw StoreError.notFound(what: "tên đơn vị cần rà soát", reference: "#\(placeholderID)")
            }
            guard placeholder.needsReview else {
                throw StoreError.invalid(
                    "\(placeholder.label) không phải là tên chờ rà soát; để gộp hai đơn vị thật hãy dùng: cchc-admin unit merge."
                )
            }
            guard let target = try UnitRecord.load(targetID, connection) else {
                throw StoreError.notFound(what: "đơn vị", reference: "#\(targetID)")
            }
            guard target.id != placeholder.id, !target.needsReview else {
                throw StoreError.invalid(
                    "Đơn vị đích \(target.label) cũng đang chờ rà soát; hãy chấp nhận nó trước (unit review accept).")
            }
            let progress = try connection.query(
                "SELECT count(*) FROM progress_entries WHERE unit_id = \(placeholder.id)"
            ).scalar(Int.self)
            guard progress == 0 else {
                throw StoreError.invalid(
                    "Đã có \(progress) mục tiến độ ghi cho \(placeholder.label); không thể gộp tên này vào đơn vị khác. "
                        + "Hãy chấp nhận nó (unit review accept) rồi hợp nhất bằng unit merge.")
            }
            let members = try connection.query(
                "SELECT count(*) FROM unit_group_members WHERE group_id = \(placeholder.id)"
            ).scalar(Int.self)
            if members > 0, target.kind != .group {
                throw StoreError.invalid(
                    "\(placeholder.label) là nhóm có \(members) thành viên nhưng \(target.label) không phải là nhóm.")
            }
            let reassigned = try ReviewRepointing(connection: connection, from: placeholder.id, to: target.id).run()
            try connection.query(
                """
                INSERT INTO unit_aliases (unit_id, alias, alias_key, scope_id)
                VALUES (\(target.id), \(placeholder.name), \(VietnameseText.foldedKey(placeholder.name)), \(placeholder.parentID))
                ON CONFLICT DO NOTHING
                """)
            try connection.query("DELETE FROM units WHERE id = \(placeholder.id)")
            return ReviewMapping(name: placeholder.name, target: target, reassigned: reassigned)
        }
    }

    /// Keeps a review name as a real unit (optionally with its kind, parent and abbreviation corrected).
    /// Later imports keep resolving the name to it: when the parent changes, the name is also kept as an
    /// alias where the import met it.
    public func acceptReviewUnit(
        _ id: Int64, kind: OrgUnit.Kind? = nil, parent: Int64?? = nil, abbreviation: String? = nil
    ) throws -> UnitRecord {
        try requireAdmin("rà soát đơn vị")
        return try transaction("rà soát đơn vị") { connection in
            guard let unit = try UnitRecord.load(id, connection), unit.needsReview else {
                throw StoreError.notFound(what: "tên đơn vị cần rà soát", reference: "#\(id)")
            }
            let newParent = parent ?? unit.parentID
            if let newParent {
                guard try UnitRecord.load(newParent, connection) != nil else {
                    throw StoreError.notFound(what: "đơn vị cấp trên", reference: "#\(newParent)")
                }
                guard try !UnitHistory.chain(newParent, connection).contains(unit.id) else {
                    throw StoreError.invalid("Một đơn vị không thể trực thuộc chính nó.")
                }
            }
            do {
                try connection.query(
                    """
                    UPDATE units SET needs_review = false, kind = \((kind ?? unit.kind).rawValue), parent_id = \(newParent),
                           abbreviation = coalesce(\(abbreviation.map(VietnameseText.nfc)), abbreviation)
                     WHERE id = \(id)
                    """)
            } catch let error as PostgresError where error.sqlState == "23P01" {
                throw StoreError.invalid("Đã có đơn vị \"\(unit.name)\" trực thuộc đơn vị cấp trên đã chọn.")
            } catch let error as PostgresError where error.isForeignKeyViolation {
                throw StoreError.invalid("\(unit.label) là nhóm đang có thành viên; không thể đổi sang loại khác.")
            }
            if newParent != unit.parentID {
                try connection.query(
                    """
                    INSERT INTO unit_aliases (unit_id, alias, alias_key, scope_id)
                    VALUES (\(id), \(unit.name), \(VietnameseText.foldedKey(unit.name)), \(unit.parentID))
                    ON CONFLICT DO NOTHING
                    """)
            }
            return try UnitRecord.load(id, connection)!
        }
    }
}

/// Moves every reference from a placeholder unit to the unit it stands for.
struct ReviewRepointing {
    let connection: Connection
    let from: Int64
    let to: Int64

    /// Returns the number of assignments moved.
    func run() throws -> Int {
        // Assignments: where the target already has the same part, the placeholder's row goes.
        try connection.query(
            """
            DELETE FROM activity_assignments p
             WHERE p.unit_id = \(from)
               AND EXISTS (SELECT 1 FROM activity_assignments t
                            WHERE t.activity_id = p.activity_id AND t.role = p.role AND t.unit_id = \(to))
            """)
        let moved = try connection.query(
            "UPDATE activity_assignments SET unit_id = \(to) WHERE unit_id = \(from) RETURNING activity_id::text"
        ).map { row throws(PostgresError) in try row.decode(String.self, at: 0) }
        try connection.query(
            """
            UPDATE activities SET version = version + 1, updated_at = now()
             WHERE id = ANY(\(Array(Set(moved)))::bigint[])
            """)
        try connection.query(
            """
            DELETE FROM unit_group_members p
             WHERE p.member_id = \(from)
               AND EXISTS (SELECT 1 FROM unit_group_members t WHERE t.group_id = p.group_id AND t.member_id = \(to))
            """)
        try connection.query("DELETE FROM unit_group_members WHERE group_id = \(from) AND member_id = \(to)")
        try connection.query("UPDATE unit_group_members SET member_id = \(to) WHERE member_id = \(from)")
        try connection.query("UPDATE unit_group_members SET group_id = \(to) WHERE group_id = \(from)")
        try connection.query("UPDATE unit_aliases SET unit_id = \(to) WHERE unit_id = \(from)")
        try connection.query("UPDATE unit_aliases SET scope_id = \(to) WHERE scope_id = \(from)")
        try connection.query("UPDATE units SET parent_id = \(to) WHERE parent_id = \(from)")
        try connection.query("UPDATE unit_lineage SET from_unit_id = \(to) WHERE from_unit_id = \(from)")
        try connection.query("UPDATE unit_lineage SET to_unit_id = \(to) WHERE to_unit_id = \(from)")
        try connection.query("UPDATE documents SET issuer_unit_id = \(to) WHERE issuer_unit_id = \(from)")
        try connection.query("UPDATE plans SET owner_unit_id = \(to) WHERE owner_unit_id = \(from)")
        try connection.query("UPDATE users SET unit_id = \(to) WHERE unit_id = \(from)")
        try connection.query("UPDATE reports SET unit_id = \(to) WHERE unit_id = \(from)")
        return moved.count
    }
}
