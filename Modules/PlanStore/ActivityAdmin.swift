import PlanCore
import Postgres

/// A new activity added by hand to a stored plan (a task that arose during the year).
public struct NewActivity: Sendable {
    public var planID: Int64
    /// The ref in the plan; nil gives the next "BS.n" (bổ sung: added after the plan was issued).
    public var ref: String?
    public var title: String
    public var group: String?
    public var schedule: Schedule
    public var lead: [Int64]
    public var coordinating: [Int64]
    /// Sản phẩm as written ("02 lớp tập huấn").
    public var products: [String]
    public var parentActivityID: Int64?

    public init(
        planID: Int64, ref: String? = nil, title: String, group: String? = nil, schedule: Schedule,
        lead: [Int64] = [], coordinating: [Int64] = [], products: [String] = [], parentActivityID: Int64? = nil
    ) {
        self.planID = planID
        self.ref = ref
        self.title = title
        self.group = group
        self.schedule = schedule
        self.lead = lead
        self.coordinating = coordinating
        self.products = products
        self.parentActivityID = parentActivityID
    }
}

/// Changes to an activity's own fields; nil leaves a field as it is.
public struct ActivityEdit: Sendable {
    public var ref: String?
    public var title: String?
    /// `.some(nil)` clears the group.
    public var group: String??
    public var schedule: Schedule?
    /// Replaces every product when set.
    public var products: [String]?

    public init(
        ref: String? = nil, title: String? = nil, group: String?? = nil, schedule: Schedule? = nil,
        products: [String]? = nil
    ) {
        self.ref = ref
        self.title = title
        self.group = group
        self.schedule = schedule
        self.products = products
    }

    public var isEmpty: Bool { ref == nil && title == nil && group == nil && schedule == nil && products == nil }
}

extension Store {
    /// Adds an activity to a plan (admin).
    public func addActivity(_ new: NewActivity) throws -> ActivityRow {
        try requireAdmin("thêm hoạt động")
        return try transaction("thêm hoạt động") { connection in
            let title = VietnameseText.nfc(new.title)
            guard !title.isEmpty else { throw StoreError.invalid("Nội dung hoạt động (--title) không được để trống.") }
            let ref: String
            if let given = new.ref.map(VietnameseText.nfc), !given.isEmpty {
                ref = given
            } else {
                let count = try connection.query(
                    "SELECT count(*) FROM activities WHERE plan_id = \(new.planID) AND ref LIKE 'BS.%'"
                ).scalar(Int.self)
                ref = "BS.\(count + 1)"
            }
            if let parent = new.parentActivityID {
                try ActivityLinks.checkParent(parent, forPlan: new.planID, connection)
            }
            let s = new.schedule
            let id: Int64
            do {
                id = try connection.query(
                    """
                    INSERT INTO activities (plan_id, ref, position, title, group_name, schedule_text, schedule_kind,
                                            schedule_from, schedule_to, schedule_every, parent_activity_id)
                    VALUES (\(new.planID), \(ref),
                            (SELECT coalesce(max(position) + 1, 0) FROM activities WHERE plan_id = \(new.planID)),
                            \(title), \(new.group.map(VietnameseText.nfc)), \(s.text), \(s.kind.rawValue),
                            \(s.from?.iso)::date, \(s.to?.iso)::date, \(s.every?.rawValue), \(new.parentActivityID))
                    RETURNING id
                    """
                ).scalar(Int64.self)
            } catch let error as PostgresError where error.isUniqueViolation {
                throw StoreError.invalid("Kế hoạch đã có hoạt động mục \(ref); hãy chọn mục khác (--ref).")
            }
            for (role, units) in [(AssignmentRole.lead, new.lead), (.coordinating, new.coordinating)] {
                for (position, unit) in units.enumerated() {
                    try ActivityLinks.assign(id, unit: unit, role: role, position: position, connection)
                }
            }
            try ActivityLinks.writeProducts(id, new.products, connection)
            return try ActivityRow.load(id, connection)!
        }
    }

    /// Edits an activity's fields, checking the version read (`expectedVersion`, else the current one).
    public func editActivity(_ activity: ActivityRow, _ edit: ActivityEdit, expectedVersion: Int? = nil) throws
        -> ActivityRow
    {
        try requireAdmin("sửa hoạt động")
        guard !edit.isEmpty else {
            throw StoreError.invalid("Không có gì để sửa: hãy cho biết ít nhất một trường mới.")
        }
        let action = "sửa hoạt động \(activity.reference)"
        return try transaction(action) { connection in
            let read = ActivityVersioning.versionToCheck(expectedVersion, activity)
            let s = edit.schedule
            let title = edit.title.map(VietnameseText.nfc)
            if let title, title.isEmpty {
                throw StoreError.invalid("Nội dung hoạt động (--title) không được để trống.")
            }
            let result: QueryResult
            do {
                result = try connection.query(
                    """
                    UPDATE activities
                       SET ref = coalesce(\(edit.ref.map(VietnameseText.nfc)), ref),
                           title = coalesce(\(title), title),
                           group_name = CASE WHEN \(edit.group != nil) THEN \(edit.group.flatMap { $0 }.map(VietnameseText.nfc)) ELSE group_name END,
                           schedule_text = coalesce(\(s?.text), schedule_text),
                           schedule_kind = coalesce(\(s?.kind.rawValue), schedule_kind),
                           schedule_from = CASE WHEN \(s != nil) THEN \(s?.from?.iso)::date ELSE schedule_from END,
                           schedule_to = CASE WHEN \(s != nil) THEN \(s?.to?.iso)::date ELSE schedule_to END,
                           schedule_every = CASE WHEN \(s != nil) THEN \(s?.every?.rawValue) ELSE schedule_every END,
                           version = version + 1, updated_at = now()
                     WHERE id = \(activity.id) AND version = \(read)
                    RETURNING version
                    """)
            } catch let error as PostgresError where error.isUniqueViolation {
                throw StoreError.invalid("Kế hoạch đã có hoạt động mục \(edit.ref ?? ""); hãy chọn mục khác (--ref).")
            }
            _ = try ActivityVersioning.checked(result, activity, read: read, store: self, action: action, connection)
            if let products = edit.products {
                try connection.query("DELETE FROM products WHERE activity_id = \(activity.id)")
                try ActivityLinks.writeProducts(activity.id, products, connection)
            }
            return try ActivityRow.load(activity.id, connection)!
        }
    }

    /// Giao: `unit` leads or coordinates the activity from now on.
    public func assign(_ activity: ActivityRow, unit: Int64, role: AssignmentRole, expectedVersion: Int? = nil) throws
        -> ActivityRow
    {
        try requireAdmin("giao hoạt động")
        let action = "giao hoạt động \(activity.reference)"
        return try transaction(action) { connection in
            let read = ActivityVersioning.versionToCheck(expectedVersion, activity)
            _ = try ActivityVersioning.bump(activity, read: read, store: self, action: action, connection)
            if let existing = try connection.query(
                "SELECT role FROM activity_assignments WHERE activity_id = \(activity.id) AND unit_id = \(unit)"
            ).first {
                let role = try existing.decode(String.self, at: 0) == "lead" ? "chủ trì" : "phối hợp"
                throw StoreError.invalid(
                    "Đơn vị \(try UnitRegistry(connection).name(of: unit)) đã được giao hoạt động \(activity.reference) "
                        + "(vai trò \(role)); hãy bỏ giao trước nếu muốn đổi vai trò.")
            }
            let position = try connection.query(
                """
                SELECT coalesce(max(position) + 1, 0) FROM activity_assignments
                 WHERE activity_id = \(activity.id) AND role = \(role.rawValue)
                """
            ).scalar(Int.self)
            try ActivityLinks.assign(activity.id, unit: unit, role: role, position: position, connection)
            return try ActivityRow.load(activity.id, connection)!
        }
    }

    /// Bỏ giao: `unit` no longer takes part in the activity (progress it recorded stays).
    public func unassign(_ activity: ActivityRow, unit: Int64, expectedVersion: Int? = nil) throws -> ActivityRow {
        try requireAdmin("bỏ giao hoạt động")
        let action = "bỏ giao hoạt động \(activity.reference)"
        return try transaction(action) { connection in
            let read = ActivityVersioning.versionToCheck(expectedVersion, activity)
            _ = try ActivityVersioning.bump(activity, read: read, store: self, action: action, connection)
            let removed =
                try connection.query(
                    """
                    DELETE FROM activity_assignments
                     WHERE activity_id = \(activity.id) AND unit_id IN (SELECT cchc_unit_chain(\(unit)))
                    """
                ).affectedRows ?? 0
            guard removed > 0 else {
                throw StoreError.invalid(
                    "Đơn vị \(try UnitRegistry(connection).name(of: unit)) không được giao hoạt động \(activity.reference)."
                )
            }
            return try ActivityRow.load(activity.id, connection)!
        }
    }

    /// Gắn: the activity implements `parent` (an activity of the plan's parent plan); nil removes the link.
    public func linkActivity(_ activity: ActivityRow, to parent: Int64?, expectedVersion: Int? = nil) throws
        -> ActivityRow
    {
        try requireAdmin("gắn hoạt động với nhiệm vụ cấp trên")
        let action = "gắn hoạt động \(activity.reference) với nhiệm vụ cấp trên"
        return try transaction(action) { connection in
            if let parent { try ActivityLinks.checkParent(parent, forPlan: activity.planID, connection) }
            let read = ActivityVersioning.versionToCheck(expectedVersion, activity)
            let result = try connection.query(
                """
                UPDATE activities SET parent_activity_id = \(parent), version = version + 1, updated_at = now()
                 WHERE id = \(activity.id) AND version = \(read)
                RETURNING version
                """)
            _ = try ActivityVersioning.checked(result, activity, read: read, store: self, action: action, connection)
            return try ActivityRow.load(activity.id, connection)!
        }
    }

    /// Records an administrator's decision (hoàn thành, dừng thực hiện) or reopens the activity. Unit staff
    /// may do it for activities their unit leads or coordinates (row-level security).
    public func setActivityState(
        _ activity: ActivityRow, _ state: ActivityState, note: String? = nil, expectedVersion: Int? = nil
    ) throws -> ActivityRow {
        let action = "cập nhật tình trạng hoạt động \(activity.reference)"
        guard user.role != .viewer else { throw StoreError.forbidden(login: user.login, action: action) }
        return try transaction(action) { connection in
            let read = ActivityVersioning.versionToCheck(expectedVersion, activity)
            let (name, day): (String, Day?)
            switch state {
            case .open: (name, day) = ("open", nil)
            case .done(let d): (name, day) = ("done", d)
            case .cancelled(let d): (name, day) = ("cancelled", d)
            }
            let result = try connection.query(
                """
                UPDATE activities SET state = \(name), state_on = \(day?.iso)::date,
                       state_note = \(note.map(VietnameseText.nfc)), version = version + 1, updated_at = now()
                 WHERE id = \(activity.id) AND version = \(read)
                RETURNING version
                """)
            _ = try ActivityVersioning.checked(result, activity, read: read, store: self, action: action, connection)
            return try ActivityRow.load(activity.id, connection)!
        }
    }
}

/// Assignment, product and parent-link steps inside a transaction.
enum ActivityLinks {
    static func assign(_ activity: Int64, unit: Int64, role: AssignmentRole, position: Int, _ connection: Connection)
        throws
    {
        let name = try UnitRegistry(connection).name(of: unit)
        try connection.query(
            """
            INSERT INTO activity_assignments (activity_id, unit_id, role, position, written_name)
            VALUES (\(activity), \(unit), \(role.rawValue), \(position), \(name))
            ON CONFLICT DO NOTHING
            """)
    }

    static func writeProducts(_ activity: Int64, _ products: [String], _ connection: Connection) throws {
        for (position, text) in products.map(VietnameseText.nfc).filter({ !$0.isEmpty }).enumerated() {
            let product = ProductText.parse(text)
            try connection.query(
                """
                INSERT INTO products (activity_id, position, text, type, planned_count, count_unit)
                VALUES (\(activity), \(position), \(product.text), \(product.type), \(product.plannedCount), \(product.unit))
                """)
        }
    }

    /// The parent activity must belong to the parent plan of `plan`.
    static func checkParent(_ parent: Int64, forPlan plan: Int64, _ connection: Connection) throws {
        let row = try connection.query(
            """
            SELECT p.parent_plan_id, coalesce(d.code, '#' || p.id), pa.plan_id
              FROM plans p JOIN documents d ON d.id = p.document_id
              LEFT JOIN activities pa ON pa.id = \(parent)
             WHERE p.id = \(plan)
            """
        ).singleRow()
        let code = try row.decode(String.self, at: 1)
        guard let parentPlan = try row.decode(Int64?.self, at: 0) else {
            throw StoreError.invalid(
                "Kế hoạch \(code) chưa gắn với kế hoạch cấp trên; hãy chạy trước: cchc-admin plan link-parent \(code) KẾ_HOẠCH_CẤP_TRÊN"
            )
        }
        guard let activityPlan = try row.decode(Int64?.self, at: 2) else {
            throw StoreError.notFound(what: "hoạt động cấp trên", reference: "#\(parent)")
        }
        guard activityPlan == parentPlan else {
            throw StoreError.invalid(
                "Hoạt động #\(parent) không thuộc kế hoạch cấp trên của \(code); chỉ gắn được với nhiệm vụ của kế hoạch cấp trên."
            )
        }
    }
}
