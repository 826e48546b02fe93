import Foundation
import PlanCore
import Postgres

/// A stored plan as listed: enough to choose it.
public struct StoredPlan: Hashable, Sendable {
    public var id: Int64
    public var code: String?
    public var title: String?
    public var year: Int
    public var issuedOn: Day?
    public var owner: String
    public var parentCode: String?
    public var parentLinked: Bool
    public var revision: Int
    public var activityCount: Int

    /// The code, or "#id" while the number is blank.
    public var reference: String { code ?? "#\(id)" }
}

extension Store {
    /// Finds a plan by its code ("45/KH-STP", spaces and case ignored), or by its id ("#12" or "12").
    public func findPlan(_ reference: String) throws -> StoredPlan {
        let trimmed = VietnameseText.nfc(reference)
        let idText = trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed
        let byID = Int64(idText)
        let plans = try listPlans(matching: byID == nil ? trimmed : nil, id: byID)
        if plans.isEmpty { throw StoreError.notFound(what: "kế hoạch", reference: reference) }
        if plans.count > 1 {
            throw StoreError.ambiguous(
                what: "kế hoạch", reference: reference,
                candidates: plans.map { "#\($0.id) \($0.reference) (\($0.owner), \($0.year))" })
        }
        return plans[0]
    }

    /// Every stored plan (or those matching a code or an id), in year and code order.
    public func listPlans(matching code: String? = nil, id: Int64? = nil) throws -> [StoredPlan] {
        try transaction("xem kế hoạch") { connection in
            try connection.query(
                """
                SELECT p.id, d.code, d.title, p.year, d.issued_on::text, u.name, p.parent_code,
                       p.parent_plan_id IS NOT NULL, p.revision,
                       (SELECT count(*) FROM activities a WHERE a.plan_id = p.id AND a.removed_in_revision IS NULL)
                  FROM plans p JOIN documents d ON d.id = p.document_id JOIN units u ON u.id = p.owner_unit_id
                 WHERE (\(code)::text IS NULL OR lower(replace(d.code, ' ', '')) = lower(replace(\(code)::text, ' ', '')))
                   AND (\(id)::bigint IS NULL OR p.id = \(id)::bigint)
                 ORDER BY p.year, d.code NULLS LAST, p.id
                """
            ).map { row in
                StoredPlan(
                    id: try row.decode(Int64.self, at: 0), code: try row.decode(String?.self, at: 1),
                    title: try row.decode(String?.self, at: 2), year: try row.decode(Int.self, at: 3),
                    issuedOn: try row.decode(String?.self, at: 4).flatMap { Day(iso: $0) },
                    owner: try row.decode(String.self, at: 5), parentCode: try row.decode(String?.self, at: 6),
                    parentLinked: try row.decode(Bool.self, at: 7), revision: try row.decode(Int.self, at: 8),
                    activityCount: try row.decode(Int.self, at: 9))
            }
        }
    }

    /// The plan's owner as named on `day`, without loading the plan.
    public func planOwner(id: Int64, namesOn day: Day) throws -> UnitRef {
        try transaction("xem kế hoạch") { connection in
            guard let row = try connection.query("SELECT owner_unit_id FROM plans WHERE id = \(id)").first else {
                throw StoreError.notFound(what: "kế hoạch", reference: "#\(id)")
            }
            return try UnitRegistry(connection).version(of: try row.decode(Int64.self, at: 0), on: day)
        }
    }

    /// A unit as documents dated `day` name it (its successor by then, under its parent of that day).
    public func unit(id: Int64, namesOn day: Day) throws -> UnitRef {
        try transaction("tra cứu đơn vị") { connection in try UnitRegistry(connection).version(of: id, on: day) }
    }

    /// Loads a plan with its activities, units, products and every progress entry, naming units as they
    /// were on `day` (a unit renamed later keeps its old name in a report dated before the change).
    ///
    /// One snapshot: in its own transaction the load is REPEATABLE READ, and the evidence (the largest
    /// table) is read side by side on a second connection that imports that snapshot, as `pg_dump --jobs`
    /// does. Inside a caller's transaction everything is read on that connection, which sees its changes.
    public func loadPlan(id: Int64, namesOn day: Day) throws -> PlanRecord {
        // A web request reads on its own pooled connection: a second session per request would cost more
        // than it saves on the plans a page shows.
        let side =
            connection.isInTransaction || webToken != nil
            ? nil : SideReader(configuration: connection.configuration, user: user)
        return try transaction("xem kế hoạch", isolation: .repeatableRead, readOnly: true) { connection in
            try PlanRecordLoader(connection: connection, day: day, side: side).load(planID: id)
        }
    }
}

/// How to open a second session as the same person, for reading part of a plan in parallel.
struct SideReader: Sendable {
    let configuration: ConnectionConfiguration
    let user: UserRecord

    /// Runs `body` on a new connection, in a read-only transaction that sees `snapshot`.
    func run<T>(snapshot: String, _ body: (Connection) throws -> T) throws -> T {
        // A snapshot id is hex digits and dashes ("00000003-0000001B-1"); SET TRANSACTION takes no bind.
        guard !snapshot.isEmpty, snapshot.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw PostgresError(.decoding, message: "Mã ảnh chụp dữ liệu không hợp lệ: \(snapshot)")
        }
        let connection = try Connection(configuration)
        return try connection.withTransaction(isolation: .repeatableRead, readOnly: true) { connection in
            try connection.query(SQL(unsafeSQL: "SET TRANSACTION SNAPSHOT '\(snapshot)'"))
            try Store.act(as: user, webToken: nil, on: connection)
            return try body(connection)
        }
    }
}

/// Reads one plan into a `PlanRecord` with a handful of set-based queries (no query per activity).
struct PlanRecordLoader {
    let connection: Connection
    let day: Day
    /// A second session for the evidence, or nil to read everything on `connection`.
    let side: SideReader?
    var registry: UnitRegistry { UnitRegistry(connection) }

    func load(planID: Int64) throws -> PlanRecord {
        let row = try connection.query(
            """
            SELECT d.code, d.number, d.symbol, d.type, d.type_name, d.title, d.issuer_name, d.issuer_parent, d.place,
                   d.issued_on::text, d.date_text, p.year, d.signer_capacity, d.signer_title, d.signer_name,
                   d.recipients, p.owner_unit_id, p.parent_code
              FROM plans p JOIN documents d ON d.id = p.document_id
             WHERE p.id = \(planID)
            """
        ).first
        guard let row else { throw StoreError.notFound(what: "kế hoạch", reference: "#\(planID)") }
        let number = try row.decode(Int?.self, at: 1)
        let document = DocumentIdentity(
            code: try row.decode(String?.self, at: 0), number: number.map { String(format: "%02d", $0) },
            symbol: try row.decode(String?.self, at: 2), type: try row.decode(String.self, at: 3),
            typeName: try row.decode(String?.self, at: 4), title: try row.decode(String?.self, at: 5),
            issuer: try row.decode(String.self, at: 6), issuerParent: try row.decode(String?.self, at: 7),
            place: try row.decode(String?.self, at: 8),
            issuedOn: try row.decode(String?.self, at: 9).flatMap { Day(iso: $0) },
            dateText: try row.decode(String?.self, at: 10), year: try row.decode(Int.self, at: 11),
            signer: .init(
                capacity: try row.decode(String?.self, at: 12), title: try row.decode(String?.self, at: 13),
                name: try row.decode(String?.self, at: 14)),
            recipients: try row.decode([String].self, at: 15))
        let owner = try registry.version(of: try row.decode(Int64.self, at: 16), on: day)

        // Evidence and entries are the bulk (150,000 and 100,000 rows for a large plan). Both are read in
        // place and filtered by semi-joins on the plan's current activities; the evidence on the side
        // session while this one reads everything else. Entries are put in order here (a few dozen per
        // activity) rather than sorted by the server.
        let evidenceWork = try side.map { side in
            let snapshot = try connection.query("SELECT pg_export_snapshot()").scalar(String.self)
            return BackgroundWork { try side.run(snapshot: snapshot) { try Self.evidence(planID: planID, on: $0) } }
        }

        var units: [Int64: UnitRef] = [:]
        func unit(_ id: Int64) throws -> UnitRef {
            try units.memoized(id) { try registry.version(of: id, on: day) }
        }

        var activities = try connection.query(
            """
            SELECT a.id, a.ref, a.title, a.group_name, a.schedule_text, a.schedule_kind, a.schedule_from::text,
                   a.schedule_to::text, a.schedule_every, a.state, a.state_on::text, pa.ref
              FROM activities a LEFT JOIN activities pa ON pa.id = a.parent_activity_id
             WHERE a.plan_id = \(planID) AND a.removed_in_revision IS NULL
             ORDER BY a.position, a.id
            """
        ).map { row in
            let stateDay = try row.decode(String?.self, at: 10).flatMap { Day(iso: $0) }
            let state: ActivityState
            switch (try row.decode(String.self, at: 9), stateDay) {
            case ("done", let day?): state = .done(day)
            case ("cancelled", let day?): state = .cancelled(day)
            default: state = .open
            }
            return ActivityRecord(
                id: try row.decode(Int64.self, at: 0), ref: try row.decode(String.self, at: 1),
                title: try row.decode(String.self, at: 2), group: try row.decode(String?.self, at: 3),
                schedule: Schedule(
                    text: try row.decode(String.self, at: 4),
                    kind: Schedule.Kind(rawValue: try row.decode(String.self, at: 5)) ?? .unspecified,
                    from: try row.decode(String?.self, at: 6).flatMap { Day(iso: $0) },
                    to: try row.decode(String?.self, at: 7).flatMap { Day(iso: $0) },
                    every: try row.decode(String?.self, at: 8).flatMap { Schedule.Recurrence(rawValue: $0) }),
                state: state, parentRef: try row.decode(String?.self, at: 11))
        }
        var index: [Int64: Int] = [:]
        for (i, activity) in activities.enumerated() { index[activity.id] = i }

        for row in try connection.query(
            """
            SELECT aa.activity_id, aa.unit_id, aa.role FROM activity_assignments aa
              JOIN activities a ON a.id = aa.activity_id
             WHERE a.plan_id = \(planID) AND a.removed_in_revision IS NULL
             ORDER BY aa.activity_id, aa.role, aa.position
            """)
        {
            guard let i = index[try row.decode(Int64.self, at: 0)] else { continue }
            let ref = try unit(try row.decode(Int64.self, at: 1))
            if try row.decode(String.self, at: 2) == "lead" {
                if !activities[i].lead.contains(where: { $0.id == ref.id }) { activities[i].lead.append(ref) }
            } else if !activities[i].coordinating.contains(where: { $0.id == ref.id }) {
                activities[i].coordinating.append(ref)
            }
        }
        // After a merge the absorbed body and the one that took it over are one unit: it leads, it does
        // not also coordinate.
        for i in activities.indices where !activities[i].lead.isEmpty && !activities[i].coordinating.isEmpty {
            let leads = Set(activities[i].lead.map(\.id))
            activities[i].coordinating.removeAll { leads.contains($0.id) }
        }

        for row in try connection.query(
            """
            SELECT pr.activity_id, pr.text, pr.type, pr.planned_count, pr.count_unit FROM products pr
              JOIN activities a ON a.id = pr.activity_id
             WHERE a.plan_id = \(planID) AND a.removed_in_revision IS NULL
             ORDER BY pr.activity_id, pr.position
            """)
        {
            guard let i = index[try row.decode(Int64.self, at: 0)] else { continue }
            activities[i].products.append(
                Product(
                    text: try row.decode(String.self, at: 1), type: try row.decode(String.self, at: 2),
                    plannedCount: try row.decode(Int?.self, at: 3), unit: try row.decode(String?.self, at: 4)))
        }

        var unnamed: [(activity: Int, entry: Int)] = []
        try connection.forEachRow(
            """
            SELECT p.id, p.activity_id, p.unit_id, p.entry_date, p.text, p.quantity::float8, p.quantity_unit,
                   p.supersedes_id, p.reason, p.recorded_by,
                   coalesce(p.received_on, (p.recorded_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date),
                   p.withdrawn
              FROM progress_entries p
             WHERE p.activity_id IN (SELECT id FROM activities WHERE plan_id = \(planID) AND removed_in_revision IS NULL)
            """
        ) { row in
            guard let i = index[try row.int64(1)] else { return }
            // No query may run while the rows stream (the connection refuses it): a unit not met yet is
            // named after the loop.
            let unitID = try row.int64(2)
            let known = units[unitID]
            if known == nil { unnamed.append((i, activities[i].progress.count)) }
            activities[i].progress.append(
                ProgressRecord(
                    id: try row.int64(0), date: try row.day(3), unit: known ?? UnitRef(id: unitID, name: "", kind: .division),
                    text: try row.string(4), quantity: try row.optionalDouble(5), quantityUnit: row.optionalString(6),
                    evidence: [], supersedes: try row.optionalInt64(7), reason: row.optionalString(8),
                    withdrawn: try row.bool(11), recordedBy: try row.string(9), recordedOn: try row.day(10)))
        }
        for (i, j) in unnamed {
            activities[i].progress[j].unit = try unit(activities[i].progress[j].unit.id)
        }
        // Should the side session fail (no connection slot left, say), this one reads the evidence itself
        // and reports any error that is not about the second session.
        let evidence = try (try? evidenceWork?.value()) ?? Self.evidence(planID: planID, on: connection)
        for i in activities.indices {
            for j in activities[i].progress.indices {
                activities[i].progress[j].evidence = evidence[activities[i].progress[j].id] ?? []
            }
            let progress = activities[i].progress
            if zip(progress, progress.dropFirst()).contains(where: { ($0.date, $0.id) > ($1.date, $1.id) }) {
                activities[i].progress.sort { ($0.date, $0.id) < ($1.date, $1.id) }
            }
        }

        return PlanRecord(
            id: planID, document: document, year: try row.decode(Int.self, at: 11), owner: owner,
            parentCode: try row.decode(String?.self, at: 17), activities: activities)
    }
}

extension PlanRecordLoader {
    /// The evidence of the plan's current activities' entries, by entry id, in position order.
    static func evidence(planID: Int64, on connection: Connection) throws -> [Int64: [Evidence]] {
        var evidence: [Int64: [Evidence]] = [:]
        try connection.forEachRow(
            """
            SELECT e.progress_entry_id, e.kind, e.value, e.title, e.file_sha256 FROM evidence e
             WHERE e.progress_entry_id IN (
                   SELECT p.id FROM progress_entries p WHERE p.activity_id IN (
                          SELECT id FROM activities WHERE plan_id = \(planID) AND removed_in_revision IS NULL))
             ORDER BY e.progress_entry_id, e.position
            """
        ) { row in
            evidence[try row.int64(0), default: []].append(
                Evidence(
                    kind: Evidence.Kind(rawValue: try row.string(1)) ?? .document, value: try row.string(2),
                    title: row.optionalString(3), sha256: row.optionalString(4)))
        }
        return evidence
    }
}

extension UnitRegistry {
    /// The unit as documents dated `day` name it: when it had been renamed or merged into another body
    /// by then, its successor (following "renamed-to" and "merged-into" lineage); otherwise itself. Its
    /// parent is named the same way (a Sở under a province merged into another stands under the new one).
    public func version(of id: Int64, on day: Day) throws -> UnitRef {
        let row = try connection.query(
            """
            SELECT u.id, u.name, u.abbreviation, u.kind, p.name
              FROM units u LEFT JOIN units p ON p.id = cchc_unit_successor(u.parent_id, \(day.iso)::date)
             WHERE u.id = cchc_unit_successor(\(id), \(day.iso)::date)
            """
        ).singleRow()
        return UnitRef(
            id: try row.decode(Int64.self, at: 0), name: try row.decode(String.self, at: 1),
            abbreviation: try row.decode(String?.self, at: 2),
            kind: OrgUnit.Kind(rawValue: try row.decode(String.self, at: 3)) ?? .division,
            parentName: try row.decode(String?.self, at: 4))
    }
}
