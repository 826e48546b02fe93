import PlanCore
import Postgres

/// What storing an imported plan did.
public struct PlanImportResult: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// A new plan.
        case created
        /// The same content was already stored: nothing changed.
        case unchanged
        /// The stored plan differs and `replace` was not asked: nothing changed.
        case refused
        /// The stored plan was replaced by a new revision; the old one stays readable.
        case replaced(previousRevision: Int)
    }

    public var outcome: Outcome
    public var planID: Int64
    /// The plan's code, or "#id" while its number is blank.
    public var reference: String
    public var revision: Int
    public var changes: PlanChanges
    /// Names the registry did not know, filed as units to review.
    public var reviewUnits: [String]
    /// The parent plan linked now, if any.
    public var linkedParent: String?
    /// Child plans imported earlier and linked to this one now.
    public var linkedChildren: [String]
    public var activityCount: Int
}

extension Store {
    /// Stores a plan read from a document in one transaction: document, sections, activities, assignments,
    /// products, units resolved against the registry. The same content again changes nothing; a changed
    /// version replaces the stored one only when `replace` is true, keeping the old revision readable.
    @discardableResult
    public func importPlan(_ plan: PlanDocument, replace: Bool) throws -> PlanImportResult {
        try requireAdmin("nhập kế hoạch")
        return try transaction("nhập kế hoạch") { connection in
            try PlanImportWriter(connection: connection, plan: plan).write(replace: replace)
        }
    }
}

/// The steps of one import, on a connection inside a transaction.
struct PlanImportWriter {
    let connection: Connection
    let plan: PlanDocument
    let registry: UnitRegistry
    let year: Int
    let json: JSONValue

    init(connection: Connection, plan: PlanDocument) throws {
        self.connection = connection
        self.plan = plan
        self.registry = UnitRegistry(connection)
        guard let year = plan.document.year ?? plan.document.issuedOn?.year ?? plan.parent?.issuedOn?.year else {
            throw StoreError.invalid(
                "Không xác định được năm của kế hoạch \(plan.source.file) (không có trong trích yếu và ngày ban hành).")
        }
        self.year = year
        self.json = plan.json
    }

    /// The content compared between versions: everything but where it was read from and the warnings.
    static func comparable(_ json: JSONValue) -> JSONValue {
        json.removing(["source", "warnings", "format"]).canonical
    }

    func write(replace: Bool) throws -> PlanImportResult {
        let lockKey = "cchc.plan:" + (plan.document.code ?? "\(plan.document.issuer ?? "")|\(plan.document.title ?? "")|\(year)")
        try connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lockKey)))")

        var review: [String] = []
        let issuer = try resolveIssuer(&review)

        if let existing = try findExisting(issuer: issuer) {
            let stored = try connection.query(
                """
                SELECT revision, content::text FROM plan_revisions
                 WHERE plan_id = \(existing.id) ORDER BY revision DESC LIMIT 1
                """
            ).singleRow()
            let revision = try stored.decode(Int.self, at: 0)
            let old = try JSONValue.parse(try stored.decode(String.self, at: 1))
            let changes = PlanChanges.between(old: old, new: json)
            let reference = plan.document.code ?? "#\(existing.id)"
            if Self.comparable(old) == Self.comparable(json) {
                return PlanImportResult(
                    outcome: .unchanged, planID: existing.id, reference: reference, revision: revision,
                    changes: PlanChanges(), reviewUnits: [], linkedParent: nil, linkedChildren: [],
                    activityCount: plan.activities.count)
            }
            guard replace else {
                // Nothing of this transaction may stay (units filed for review included).
                throw PlanImportRefusal(
                    result: PlanImportResult(
                        outcome: .refused, planID: existing.id, reference: reference, revision: revision,
                        changes: changes, reviewUnits: [], linkedParent: nil, linkedChildren: [],
                        activityCount: plan.activities.count))
            }
            try updateDocument(existing.documentID, issuer: issuer)
            try connection.query(
                "UPDATE plans SET revision = \(revision + 1), version = version + 1 WHERE id = \(existing.id)")
            try recordRevision(planID: existing.id, revision: revision + 1)
            try writeSections(planID: existing.id)
            try syncActivities(planID: existing.id, revision: revision + 1, issuer: issuer, review: &review)
            let parent = try linkParent(planID: existing.id)
            let children = try linkChildren(planID: existing.id)
            return PlanImportResult(
                outcome: .replaced(previousRevision: revision), planID: existing.id, reference: reference,
                revision: revision + 1, changes: changes, reviewUnits: review, linkedParent: parent,
                linkedChildren: children, activityCount: plan.activities.count)
        }

        let documentID = try insertDocument(issuer: issuer)
        let planID = try connection.query(
            """
            INSERT INTO plans (document_id, year, owner_unit_id, parent_code, parent_issued_on, parent_issuer)
            VALUES (\(documentID), \(year), \(issuer), \(plan.parent?.code), \(plan.parent?.issuedOn?.iso)::date,
                    \(plan.parent?.issuer))
            RETURNING id
            """
        ).scalar(Int64.self)
        try recordRevision(planID: planID, revision: 1)
        try writeSections(planID: planID)
        try syncActivities(planID: planID, revision: 1, issuer: issuer, review: &review)
        let parent = try linkParent(planID: planID)
        let children = try linkChildren(planID: planID)
        return PlanImportResult(
            outcome: .created, planID: planID, reference: plan.document.code ?? "#\(planID)", revision: 1,
            changes: PlanChanges(), reviewUnits: review, linkedParent: parent, linkedChildren: children,
            activityCount: plan.activities.count)
    }

    // MARK: Issuer

    /// Texts of the document where the issuer's name may appear in ordinary case.
    var nameCandidates: [String] {
        var texts = [plan.document.title ?? ""]
        func walk(_ sections: [PlanDocument.Section]) {
            for section in sections {
                texts.append(section.heading)
                texts.append(contentsOf: section.text)
                walk(section.children)
            }
        }
        walk(plan.sections)
        texts.append(contentsOf: plan.responsibilities.map(\.unit))
        texts.append(contentsOf: plan.activities.flatMap { $0.lead + $0.coordinating })
        return texts
    }

    /// "KH-SLĐTBXH" → "SLĐTBXH".
    var issuerAbbreviation: String? {
        guard let symbol = plan.document.symbol, let dash = symbol.firstIndex(of: "-") else { return nil }
        let part = symbol[symbol.index(after: dash)...]
        return part.isEmpty ? nil : String(part)
    }

    func resolveIssuer(_ review: inout [String]) throws -> Int64 {
        var parentID: Int64?
        if let parentName = plan.document.issuerParent {
            let display = UnitNaming.displayName(parentName, candidates: nameCandidates)
            if let id = try registry.find(display, scope: nil, on: plan.document.issuedOn) {
                parentID = id
            } else {
                parentID = try registry.insert(name: display, kind: .authority, parent: nil, needsReview: true)
                review.append(display)
            }
        }
        if let issuerName = plan.document.issuer {
            let display = UnitNaming.displayName(issuerName, candidates: nameCandidates)
            if let id = try registry.find(display, scope: parentID, on: plan.document.issuedOn) {
                // What the header tells about a unit met earlier only by name fills what is missing.
                try connection.query(
                    """
                    UPDATE units SET abbreviation = coalesce(abbreviation, \(issuerAbbreviation)),
                                     parent_id = coalesce(parent_id, \(parentID)),
                                     place = coalesce(place, \(plan.document.place))
                     WHERE id = \(id) AND (abbreviation IS NULL OR parent_id IS NULL OR place IS NULL)
                       AND id IS DISTINCT FROM \(parentID)
                    """)
                return id
            }
            review.append(display)
            let id = try registry.insert(
                name: display, kind: .authority, parent: parentID, abbreviation: issuerAbbreviation, needsReview: true)
            try connection.query("UPDATE units SET place = \(plan.document.place) WHERE id = \(id)")
            return id
        }
        if let abbreviation = issuerAbbreviation,
            let row = try connection.query(
                "SELECT id FROM units WHERE abbreviation = \(abbreviation) ORDER BY id LIMIT 1"
            ).first
        {
            return try row.decode(Int64.self, at: 0)
        }
        guard let abbreviation = issuerAbbreviation else {
            throw StoreError.invalid(
                "Không xác định được cơ quan ban hành của \(plan.source.file) (không có phần đầu văn bản, không có ký hiệu).")
        }
        review.append(abbreviation)
        return try registry.insert(
            name: abbreviation, kind: .authority, parent: parentID, abbreviation: abbreviation, needsReview: true)
    }

    // MARK: Documents and plans

    func findExisting(issuer: Int64) throws -> (id: Int64, documentID: Int64)? {
        let rows: QueryResult
        if let number = plan.document.number.flatMap({ Int($0) }) {
            rows = try connection.query(
                """
                SELECT p.id, d.id FROM plans p JOIN documents d ON d.id = p.document_id
                 WHERE d.issuer_unit_id = \(issuer) AND d.year = \(year) AND d.number = \(number)
                   AND d.symbol IS NOT DISTINCT FROM \(plan.document.symbol)
                """)
        } else {
            rows = try connection.query(
                """
                SELECT p.id, d.id FROM plans p JOIN documents d ON d.id = p.document_id
                 WHERE d.issuer_unit_id = \(issuer) AND d.year = \(year) AND d.number IS NULL
                   AND d.type = \(plan.document.type ?? "KH")
                   AND lower(coalesce(d.title, '')) = lower(\(plan.document.title ?? ""))
                """)
        }
        return try rows.first.map { (try $0.decode(Int64.self, at: 0), try $0.decode(Int64.self, at: 1)) }
    }

    func insertDocument(issuer: Int64) throws -> Int64 {
        let d = plan.document
        let number = d.number.flatMap { Int($0) }
        return try connection.query(
            """
            INSERT INTO documents (type, type_name, number, symbol, code, issuer_unit_id, issuer_name, issuer_parent,
                                   place, issued_on, date_text, year, title, signer_capacity, signer_title,
                                   signer_name, recipients)
            VALUES (\(d.type ?? "KH"), \(d.typeName), \(number), \(d.symbol), \(number == nil ? nil : d.code),
                    \(issuer), \(d.issuer ?? issuerAbbreviation ?? ""), \(d.issuerParent), \(d.place),
                    \(d.issuedOn?.iso)::date, \(d.dateText), \(year), \(d.title), \(d.signer.capacity),
                    \(d.signer.title), \(d.signer.name), \(d.recipients))
            RETURNING id
            """
        ).scalar(Int64.self)
    }

    func updateDocument(_ id: Int64, issuer: Int64) throws {
        let d = plan.document
        let number = d.number.flatMap { Int($0) }
        try connection.query(
            """
            UPDATE documents SET type = \(d.type ?? "KH"), type_name = \(d.typeName), number = \(number),
                   symbol = \(d.symbol), code = \(number == nil ? nil : d.code), issuer_unit_id = \(issuer),
                   issuer_name = \(d.issuer ?? issuerAbbreviation ?? ""), issuer_parent = \(d.issuerParent),
                   place = \(d.place), issued_on = \(d.issuedOn?.iso)::date, date_text = \(d.dateText),
                   year = \(year), title = \(d.title), signer_capacity = \(d.signer.capacity),
                   signer_title = \(d.signer.title), signer_name = \(d.signer.name), recipients = \(d.recipients)
             WHERE id = \(id)
            """)
        try connection.query(
            """
            UPDATE plans SET parent_code = \(plan.parent?.code), parent_issued_on = \(plan.parent?.issuedOn?.iso)::date,
                   parent_issuer = \(plan.parent?.issuer)
             WHERE document_id = \(id)
            """)
    }

    func recordRevision(planID: Int64, revision: Int) throws {
        try connection.query(
            """
            INSERT INTO plan_revisions (plan_id, revision, source_file, source_sha256, media_type, content)
            VALUES (\(planID), \(revision), \(plan.source.file), \(plan.source.sha256),
                    \(plan.source.mediaType.rawValue), \(PostgresBind.jsonb(json.serialized(pretty: false))))
            """)
    }

    /// Replaces the plan's sections: one statement per level of the tree, parents before children.
    func writeSections(planID: Int64) throws {
        try connection.query("DELETE FROM sections WHERE plan_id = \(planID)")
        struct Row {
            var position: Int
            var parent: Int?
            var path: String
            var section: PlanDocument.Section
        }
        // Document order numbers the sections; each level refers to its parents by that number.
        var levels: [[Row]] = []
        var position = 0
        func collect(_ sections: [PlanDocument.Section], parent: Int?, path: String, depth: Int) {
            for section in sections {
                let sectionPath = path.isEmpty ? section.label : "\(path).\(section.label)"
                if levels.count == depth { levels.append([]) }
                let row = Row(position: position, parent: parent, path: sectionPath, section: section)
                levels[depth].append(row)
                position += 1
                collect(section.children, parent: row.position, path: sectionPath, depth: depth + 1)
            }
        }
        collect(plan.sections, parent: nil, path: "", depth: 0)
        var ids: [Int: Int64] = [:]
        for level in levels {
            let inserted = try connection.query(
                """
                INSERT INTO sections (plan_id, parent_id, position, path, label, heading, body)
                SELECT \(planID), parent_id::bigint, position::int, path, label, heading, body::text[]
                  FROM unnest(\(level.map { $0.parent.flatMap { ids[$0] }.map(String.init) })::text[],
                              \(level.map { String($0.position) })::text[], \(level.map(\.path))::text[],
                              \(level.map(\.section.label))::text[], \(level.map(\.section.heading))::text[],
                              \(level.map { PostgresArrayLiteral.render($0.section.text) })::text[])
                       AS s(parent_id, position, path, label, heading, body)
                RETURNING id, position
                """)
            for row in inserted { ids[try row.decode(Int.self, at: 1)] = try row.decode(Int64.self, at: 0) }
        }
    }

    // MARK: Activities

    /// Inserts the plan's activities, or on a new revision updates them in place (matched by ref, then by
    /// title) so that progress recorded against them keeps its activity; activities gone from the new
    /// version are marked removed, never deleted.
    func syncActivities(planID: Int64, revision: Int, issuer: Int64, review: inout [String]) throws {
        let existing = try connection.query(
            "SELECT id, ref, title FROM activities WHERE plan_id = \(planID) AND removed_in_revision IS NULL"
        ).map { row in
            (id: try row.decode(Int64.self, at: 0), ref: try row.decode(String.self, at: 1),
             titleKey: VietnameseText.foldedKey(try row.decode(String.self, at: 2)))
        }
        var unmatched = existing
        var matches: [Int: Int64] = [:]
        for (index, activity) in plan.activities.enumerated() {
            if let i = unmatched.firstIndex(where: { $0.ref == activity.ref }) {
                matches[index] = unmatched.remove(at: i).id
            }
        }
        for (index, activity) in plan.activities.enumerated() where matches[index] == nil && !unmatched.isEmpty {
            let key = VietnameseText.foldedKey(activity.title)
            if let i = unmatched.firstIndex(where: { $0.titleKey == key }) {
                matches[index] = unmatched.remove(at: i).id
            }
        }
        for gone in unmatched {
            try connection.query(
                "UPDATE activities SET removed_in_revision = \(revision), version = version + 1 WHERE id = \(gone.id)")
        }
        // Refs may move between activities: park the kept ones on a unique temporary ref first.
        for id in matches.values {
            try connection.query("UPDATE activities SET ref = '~' || id WHERE id = \(id)")
        }
        let day = plan.document.issuedOn
        // Plans name the same units again and again: each distinct name is resolved once.
        var resolutions: [String: UnitRegistry.Resolution] = [:]
        func resolve(_ name: String) throws -> UnitRegistry.Resolution {
            try resolutions.memoized(name) {
                let unit = try registry.resolve(name, scope: issuer, on: day)
                if unit.created { review.append(unit.name) }
                return unit
            }
        }
        // Kept activities are updated in place; new ones go in with one statement.
        var ids: [Int64?] = plan.activities.indices.map { matches[$0] }
        for (index, activity) in plan.activities.enumerated() {
            guard let id = matches[index] else { continue }
            let s = activity.schedule
            try connection.query(
                """
                UPDATE activities SET ref = \(activity.ref), position = \(index), title = \(activity.title),
                       group_name = \(activity.group), schedule_text = \(s.text), schedule_kind = \(s.kind.rawValue),
                       schedule_from = \(s.from?.iso)::date, schedule_to = \(s.to?.iso)::date,
                       schedule_every = \(s.every?.rawValue), version = version + 1, updated_at = now()
                 WHERE id = \(id)
                """)
            try connection.query("DELETE FROM activity_assignments WHERE activity_id = \(id)")
            try connection.query("DELETE FROM products WHERE activity_id = \(id)")
        }
        let fresh = plan.activities.indices.filter { matches[$0] == nil }
        if !fresh.isEmpty {
            let activities = fresh.map { plan.activities[$0] }
            let inserted = try connection.query(
                """
                INSERT INTO activities (plan_id, ref, position, title, group_name, schedule_text, schedule_kind,
                                        schedule_from, schedule_to, schedule_every)
                SELECT \(planID), ref, position::int, title, group_name, schedule_text, schedule_kind,
                       schedule_from::date, schedule_to::date, schedule_every
                  FROM unnest(\(activities.map(\.ref))::text[], \(fresh.map { String($0) })::text[],
                              \(activities.map(\.title))::text[], \(activities.map(\.group))::text[],
                              \(activities.map(\.schedule.text))::text[], \(activities.map(\.schedule.kind.rawValue))::text[],
                              \(activities.map { $0.schedule.from?.iso })::text[], \(activities.map { $0.schedule.to?.iso })::text[],
                              \(activities.map { $0.schedule.every?.rawValue })::text[])
                       AS a(ref, position, title, group_name, schedule_text, schedule_kind, schedule_from, schedule_to,
                            schedule_every)
                RETURNING id, position
                """)
            for row in inserted { ids[try row.decode(Int.self, at: 1)] = try row.decode(Int64.self, at: 0) }
        }

        var assignments = (activity: [String](), unit: [String](), role: [String](), position: [String](), name: [String]())
        var products = (activity: [String](), position: [String](), text: [String](), type: [String](), count: [String?](),
            unit: [String?]())
        for (index, activity) in plan.activities.enumerated() {
            guard let id = ids[index] else { throw StoreError.invalid("Hoạt động \(activity.ref) không được lưu.") }
            var seen = Set<String>()
            for (role, names) in [(AssignmentRole.lead, activity.lead), (.coordinating, activity.coordinating)] {
                for (position, name) in names.enumerated() {
                    let unit = try resolve(name)
                    guard seen.insert("\(role.rawValue)/\(unit.id)").inserted else { continue }
                    assignments.activity.append(String(id))
                    assignments.unit.append(String(unit.id))
                    assignments.role.append(role.rawValue)
                    assignments.position.append(String(position))
                    assignments.name.append(name)
                }
            }
            for (position, text) in activity.products.enumerated() {
                let product = ProductText.parse(text)
                products.activity.append(String(id))
                products.position.append(String(position))
                products.text.append(product.text)
                products.type.append(product.type)
                products.count.append(product.plannedCount.map(String.init))
                products.unit.append(product.unit)
            }
        }
        if !assignments.activity.isEmpty {
            try connection.query(
                """
                INSERT INTO activity_assignments (activity_id, unit_id, role, position, written_name)
                SELECT activity_id::bigint, unit_id::bigint, role, position::int, written_name
                  FROM unnest(\(assignments.activity)::text[], \(assignments.unit)::text[], \(assignments.role)::text[],
                              \(assignments.position)::text[], \(assignments.name)::text[])
                       AS a(activity_id, unit_id, role, position, written_name)
                """)
        }
        if !products.activity.isEmpty {
            try connection.query(
                """
                INSERT INTO products (activity_id, position, text, type, planned_count, count_unit)
                SELECT activity_id::bigint, position::int, text, type, planned_count::int, count_unit
                  FROM unnest(\(products.activity)::text[], \(products.position)::text[], \(products.text)::text[],
                              \(products.type)::text[], \(products.count)::text[], \(products.unit)::text[])
                       AS p(activity_id, position, text, type, planned_count, count_unit)
                """)
        }
    }

    // MARK: Parent and children

    /// Links the plan to its parent by code when the parent is stored ("Thực hiện Kế hoạch số …").
    func linkParent(planID: Int64) throws -> String? {
        guard let code = plan.parent?.code else {
            try connection.query("UPDATE plans SET parent_plan_id = NULL WHERE id = \(planID)")
            return nil
        }
        let parentYear = plan.parent?.issuedOn?.year
        guard
            let row = try connection.query(
                """
                SELECT p.id FROM plans p JOIN documents d ON d.id = p.document_id
                 WHERE replace(d.code, ' ', '') = replace(\(code), ' ', '') AND p.id <> \(planID)
                   AND (\(parentYear)::int IS NULL OR d.year = \(parentYear)::int
                        OR extract(year FROM d.issued_on)::int = \(parentYear)::int)
                 ORDER BY p.id LIMIT 1
                """
            ).first
        else { return nil }
        try connection.query("UPDATE plans SET parent_plan_id = \(try row.decode(Int64.self, at: 0)) WHERE id = \(planID)")
        return code
    }

    /// Links plans imported earlier that cite this one as their parent.
    func linkChildren(planID: Int64) throws -> [String] {
        guard let code = plan.document.code else { return [] }
        return try connection.query(
            """
            UPDATE plans c SET parent_plan_id = \(planID)
              FROM documents d
             WHERE d.id = c.document_id AND c.id <> \(planID) AND c.parent_plan_id IS NULL
               AND replace(c.parent_code, ' ', '') = replace(\(code), ' ', '')
            RETURNING coalesce(d.code, '#' || c.id)
            """
        ).map { try $0.decode(String.self, at: 0) }
    }
}

/// Thrown inside the import transaction so that nothing is kept when a changed plan is not replaced;
/// `Store.importPlan` callers receive it as an error carrying the comparison.
public struct PlanImportRefusal: Error, CustomStringConvertible {
    public var result: PlanImportResult

    public var description: String {
        "Kế hoạch \(result.reference) đã có (bản \(result.revision)) và tệp này khác bản đã lưu. "
            + "Dùng --replace để thay thế (bản cũ vẫn được giữ để tra cứu)."
    }
}
