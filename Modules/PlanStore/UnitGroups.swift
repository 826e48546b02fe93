import PlanCore
import Postgres

extension Store {
    /// Adds `member` to the collective group `group` ("các phòng chuyên môn, nghiệp vụ thuộc Sở").
    /// Returns false when it already was a member.
    @discardableResult
    public func addGroupMember(group: Int64, member: Int64) throws -> Bool {
        try requireAdmin("sửa thành viên nhóm đơn vị")
        return try transaction("sửa thành viên nhóm đơn vị") { connection in
            let (group, member) = try UnitGroups.check(group: group, member: member, connection)
            if member.kind == .group {
                throw StoreError.invalid("\(member.label) là một nhóm; thành viên của nhóm phải là đơn vị cụ thể.")
            }
            return try connection.query(
                """
                INSERT INTO unit_group_members (group_id, member_id) VALUES (\(group.id), \(member.id))
                ON CONFLICT DO NOTHING
                """
            ).affectedRows == 1
        }
    }

    /// Removes `member` from `group`; returns false when it was not a member.
    @discardableResult
    public func removeGroupMember(group: Int64, member: Int64) throws -> Bool {
        try requireAdmin("sửa thành viên nhóm đơn vị")
        return try transaction("sửa thành viên nhóm đơn vị") { connection in
            let (group, member) = try UnitGroups.check(group: group, member: member, connection)
            return try connection.query(
                "DELETE FROM unit_group_members WHERE group_id = \(group.id) AND member_id = \(member.id)"
            ).affectedRows == 1
        }
    }

    /// The members of a group, each under its name valid on `day`.
    public func groupMembers(_ group: Int64, on day: Day) throws -> [UnitRecord] {
        try transaction("xem thành viên nhóm đơn vị") { connection in
            guard let row = try UnitRecord.load(group, connection) else {
                throw StoreError.notFound(what: "nhóm đơn vị", reference: "#\(group)")
            }
            guard row.kind == .group else { throw UnitGroups.notAGroup(row) }
            return try UnitGroups.members(of: group, on: day, connection)
        }
    }
}

/// Group membership steps inside a transaction.
enum UnitGroups {
    static func notAGroup(_ unit: UnitRecord) -> StoreError {
        .invalid("\(unit.label) không phải là nhóm đơn vị (loại: \(unit.kind.vietnamese)); chỉ nhóm mới có thành viên.")
    }

    static func check(group: Int64, member: Int64, _ connection: Connection) throws -> (UnitRecord, UnitRecord) {
        guard let g = try UnitRecord.load(group, connection) else {
            throw StoreError.notFound(what: "nhóm đơn vị", reference: "#\(group)")
        }
        guard g.kind == .group else { throw notAGroup(g) }
        guard let m = try UnitRecord.load(member, connection) else {
            throw StoreError.notFound(what: "đơn vị", reference: "#\(member)")
        }
        guard g.id != m.id else { throw StoreError.invalid("Một nhóm không thể là thành viên của chính nó.") }
        return (g, m)
    }

    static func members(of group: Int64, on day: Day, _ connection: Connection) throws -> [UnitRecord] {
        try connection.query(
            """
            SELECT \(unsafeRaw: UnitRecord.columns) FROM \(unsafeRaw: UnitRecord.from)
             WHERE u.id IN (SELECT cchc_unit_on(member_id, \(day.iso)::date) FROM unit_group_members WHERE group_id = \(group))
             ORDER BY u.name, u.id
            """
        ).map { row throws(PostgresError) in try UnitRecord(row: row) }
    }
}
