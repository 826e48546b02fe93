import PlanCore
import Postgres

/// A result a unit reports for an activity.
public struct NewProgress: Sendable {
    public var activityID: Int64
    /// The unit reporting; stored as the unit's row valid on `date` (renames followed).
    public var unitID: Int64
    public var date: Day
    public var text: String
    public var quantity: Double?
    /// "tin, bài", "lớp", "người".
    public var quantityUnit: String?
    public var evidence: [EvidenceInput]
    /// A result backfilled from paper (nhập bù): when and in which document it reached the Văn phòng.
    /// Admin only; nil for a result reported by recording it.
    public var received: ReceivedOnPaper?

    public init(
        activityID: Int64, unitID: Int64, date: Day, text: String, quantity: Double? = nil, quantityUnit: String? = nil,
        evidence: [EvidenceInput] = [], received: ReceivedOnPaper? = nil
    ) {
        self.received = received
        self.activityID = activityID
        self.unitID = unitID
        self.date = date
        self.text = text
        self.quantity = quantity
        self.quantityUnit = quantityUnit
        self.evidence = evidence
    }
}

/// The paper a backfilled result came in (nhập bù): the day of the unit's report or letter and its number,
/// "Báo cáo số 12/BC-PHC ngày 10/6/2024". Timeliness counts from that day (docs/domain.md §5).
public struct ReceivedOnPaper: Hashable, Sendable {
    public var day: Day
    public var document: String

    public init(day: Day, document: String) {
        self.day = day
        self.document = document
    }
}

/// What a correction changes; nil keeps the corrected entry's value.
public struct ProgressCorrection: Sendable {
    public var unitID: Int64?
    public var date: Day?
    public var text: String?
    /// `.some(nil)` removes the quantity (and its unit).
    public var quantity: Double??
    public var quantityUnit: String??
    /// Replaces the evidence when set; otherwise the corrected entry's evidence is carried over.
    public var evidence: [EvidenceInput]?

    public init(
        unitID: Int64? = nil, date: Day? = nil, text: String? = nil, quantity: Double?? = nil,
        quantityUnit: String?? = nil, evidence: [EvidenceInput]? = nil
    ) {
        self.unitID = unitID
        self.date = date
        self.text = text
        self.quantity = quantity
        self.quantityUnit = quantityUnit
        self.evidence = evidence
    }

    public var isEmpty: Bool {
        unitID == nil && date == nil && text == nil && quantity == nil && quantityUnit == nil && evidence == nil
    }
}

/// Which entries to list.
public struct ProgressFilter: Sendable {
    public var planID: Int64?
    public var activityID: Int64?
    /// Entries of the unit (any row of its history).
    public var unitID: Int64?
    public var from: Day?
    public var to: Day?
    /// Also list entries a later correction replaced.
    public var includeSuperseded: Bool

    public init(
        planID: Int64? = nil, activityID: Int64? = nil, unitID: Int64? = nil, from: Day? = nil, to: Day? = nil,
        includeSuperseded: Bool = false
    ) {
        self.planID = planID
        self.activityID = activityID
        self.unitID = unitID
        self.from = from
        self.to = to
        self.includeSuperseded = includeSuperseded
    }
}

extension Store {
    /// Records a result. Unit staff may record only for their own unit and activities it takes part in;
    /// PostgreSQL refuses anything else, and refuses entries dated inside a locked period.
    public func addProgress(_ new: NewProgress) throws -> ProgressRow {
        try recordProgress(new).entry
    }

    /// Records a result, or recognises it as a repeat: the same person recording the same result again
    /// within a few minutes (a retried command) gets the entry already stored, with `repeated` true, and
    /// nothing is stored twice.
    public func recordProgress(_ new: NewProgress) throws -> (entry: ProgressRow, repeated: Bool) {
        let action = "ghi tiến độ"
        guard user.role != .viewer else { throw StoreError.forbidden(login: user.login, action: action) }
        return try transaction(action) { connection in
            let (id, repeated) = try ProgressWriter(store: self, connection: connection).insert(
                activityID: new.activityID, unitID: new.unitID, date: new.date, text: new.text, quantity: new.quantity,
                quantityUnit: new.quantityUnit, supersedes: nil, reason: nil, evidence: .inputs(new.evidence),
                received: new.received)
            return (try ProgressRow.load(where: "e.id = \(id)", connection)[0], repeated)
        }
    }

    /// Records a correction: a new entry superseding `entryID`, with the reason. Entries are never
    /// changed or deleted; a corrected entry can be corrected once (correct the correction after that).
    public func correctProgress(_ entryID: Int64, reason: String, _ correction: ProgressCorrection) throws
        -> ProgressRow
    {
        let action = "sửa tiến độ #\(entryID)"
        guard user.role != .viewer else { throw StoreError.forbidden(login: user.login, action: action) }
        let why = VietnameseText.nfc(reason)
        guard !why.isEmpty else { throw StoreError.invalid("Lý do sửa (--reason) không được để trống.") }
        guard !correction.isEmpty else {
            throw StoreError.invalid(
                "Không có gì để sửa: hãy cho biết ít nhất một giá trị mới (--text, --date, --quantity…).")
        }
        return try transaction(action) { connection in
            guard let old = try ProgressRow.load(where: "e.id = \(entryID)", connection).first else {
                throw StoreError.notFound(what: "mục tiến độ", reference: "#\(entryID)")
            }
            try Self.refuseFinal(old, connection)
            let quantity = correction.quantity ?? old.quantity
            let quantityUnit = correction.quantityUnit ?? (quantity == nil ? nil : old.quantityUnit)
            let (id, _) = try ProgressWriter(store: self, connection: connection).insert(
                activityID: old.activityID, unitID: correction.unitID ?? old.unitID, date: correction.date ?? old.date,
                text: correction.text ?? old.text, quantity: quantity, quantityUnit: quantityUnit, supersedes: old.id,
                reason: why, evidence: correction.evidence.map { .inputs($0) } ?? .copiedFrom(old.id), received: old.received)
            return try ProgressRow.load(where: "e.id = \(id)", connection)[0]
        }
    }

    /// Withdraws a result recorded by mistake: a new entry superseding `entryID`, marked withdrawn, with
    /// the reason. Both stay in the history and the audit; neither counts in any report, board or figure.
    /// The same rules as a correction hold (own unit's results only, nothing dated inside a locked window).
    public func withdrawProgress(_ entryID: Int64, reason: String) throws -> ProgressRow {
        let action = "rút kết quả #\(entryID)"
        guard user.role != .viewer else { throw StoreError.forbidden(login: user.login, action: action) }
        let why = VietnameseText.nfc(reason)
        guard !why.isEmpty else { throw StoreError.invalid("Lý do rút kết quả (--reason) không được để trống.") }
        return try transaction(action) { connection in
            guard let old = try ProgressRow.load(where: "e.id = \(entryID)", connection).first else {
                throw StoreError.notFound(what: "mục tiến độ", reference: "#\(entryID)")
            }
            try Self.refuseFinal(old, connection)
            let (id, _) = try ProgressWriter(store: self, connection: connection).insert(
                activityID: old.activityID, unitID: old.unitID, date: old.date, text: old.text, quantity: nil,
                quantityUnit: nil, supersedes: old.id, reason: why, evidence: .inputs([]), withdrawn: true)
            return try ProgressRow.load(where: "e.id = \(id)", connection)[0]
        }
    }

    /// Refuses to correct or withdraw an entry that is no longer in force, or a withdrawal.
    private static func refuseFinal(_ entry: ProgressRow, _ connection: Connection) throws {
        if entry.withdrawn {
            throw StoreError.invalid(
                "Mục tiến độ #\(entry.id) là mục rút kết quả #\(entry.supersedes ?? 0); không sửa hay rút lại được (hãy ghi một kết quả mới).")
        }
        guard let newer = entry.supersededBy else { return }
        let withdrawal = try connection.query("SELECT withdrawn FROM progress_entries WHERE id = \(newer)").scalar(Bool.self)
        throw StoreError.invalid(
            withdrawal
                ? "Kết quả #\(entry.id) đã được rút (mục #\(newer)); không sửa hay rút lại được."
                : "Mục tiến độ #\(entry.id) đã được sửa bởi mục #\(newer); hãy sửa hoặc rút mục #\(newer).")
    }

    /// Entries matching the filter, oldest first.
    public func listProgress(_ filter: ProgressFilter) throws -> [ProgressRow] {
        try transaction("xem tiến độ") { connection in
            try ProgressRow.load(
                where: """
                    (\(filter.planID)::bigint IS NULL OR a.plan_id = \(filter.planID)::bigint)
                    AND (\(filter.activityID)::bigint IS NULL OR e.activity_id = \(filter.activityID)::bigint)
                    AND (\(filter.unitID)::bigint IS NULL OR e.unit_id IN (SELECT cchc_unit_chain(\(filter.unitID)::bigint)))
                    AND (\(filter.from?.iso)::date IS NULL OR e.entry_date >= \(filter.from?.iso)::date)
                    AND (\(filter.to?.iso)::date IS NULL OR e.entry_date <= \(filter.to?.iso)::date)
                    AND (\(filter.includeSuperseded)
                         OR NOT e.withdrawn AND NOT EXISTS (SELECT 1 FROM progress_entries s WHERE s.supersedes_id = e.id))
                    """, connection)
        }
    }
}

/// Inserting an entry and its evidence inside a transaction.
struct ProgressWriter {
    let store: Store
    let connection: Connection

    /// The days a result of a plan of `planYear` may be dated: the plan's year, and December of the year
    /// before (the year's data window opens at the December cut-off under the cchc regime).
    static func entryDays(planYear: Int) -> DayRange {
        DayRange(from: Day(planYear - 1, 12, 1)!, to: Day(planYear, 12, 31)!)
    }

    /// A quantity as numeric text: "2", not "2.0".
    static func decimal(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    enum EvidenceSource {
        case inputs([EvidenceInput])
        case copiedFrom(Int64)
    }

    /// Inserts the entry and its evidence; returns its id, or the id of the entry it repeats (and true).
    func insert(
        activityID: Int64, unitID: Int64, date: Day, text: String, quantity: Double?, quantityUnit: String?,
        supersedes: Int64?, reason: String?, evidence: EvidenceSource, withdrawn: Bool = false,
        received: ReceivedOnPaper? = nil
    ) throws -> (id: Int64, repeated: Bool) {
        let body = VietnameseText.nfc(text)
        guard !body.isEmpty else { throw StoreError.invalid("Nội dung kết quả (--text) không được để trống.") }
        if let quantity, !(quantity >= 0 && quantity.isFinite) {
            throw StoreError.invalid("Số lượng (--quantity) phải là một số không âm, không phải \(quantity).")
        }
        let countUnit = quantityUnit.map(VietnameseText.nfc).flatMap { $0.isEmpty ? nil : $0 }
        if countUnit != nil, quantity == nil {
            throw StoreError.invalid("Đơn vị tính (--quantity-unit) cần đi kèm số lượng (--quantity).")
        }
        guard let activity = try ActivityRow.load(activityID, connection), activity.removedInRevision == nil else {
            throw StoreError.notFound(what: "hoạt động", reference: "#\(activityID)")
        }
        let allowed = Self.entryDays(planYear: activity.planYear)
        guard allowed.contains(date) else {
            throw StoreError.invalid(
                "Ngày thực hiện \(date.vietnamese) nằm ngoài năm của kế hoạch \(activity.planReference) (\(activity.planYear)): "
                    + "chỉ nhận từ \(allowed.from.vietnamese) đến \(allowed.to.vietnamese).")
        }
        let unit = try UnitLookup(connection: connection).version(of: unitID, on: date)
        if store.user.role == .unit {
            let own = try UnitHistory.chain(store.user.unitID ?? 0, connection)
            guard own.contains(unit) else {
                throw StoreError.forbidden(
                    login: store.user.login,
                    action: "ghi tiến độ thay cho đơn vị \(try UnitRegistry(connection).name(of: unit))")
            }
        }
        let takesPart = try connection.query("SELECT cchc_unit_takes_part(\(activityID), \(unit))").scalar(Bool.self)
        if store.user.role == .unit, !takesPart {
            throw StoreError.forbidden(
                login: store.user.login,
                action:
                    "ghi tiến độ cho hoạt động \(activity.reference) (đơn vị không chủ trì, không phối hợp hoạt động này)"
            )
        }
        let paper = received.map { ReceivedOnPaper(day: $0.day, document: VietnameseText.nfc($0.document)) }
        if let paper {
            if supersedes == nil, store.user.role != .admin {
                throw StoreError.forbidden(login: store.user.login, action: "ghi kết quả nhập bù từ hồ sơ giấy")
            }
            guard !paper.document.isEmpty else {
                throw StoreError.invalid("Văn bản gửi kết quả (--received-in) không được để trống, ví dụ \"Báo cáo số 12/BC-PHC ngày 10/6/2024\".")
            }
            guard paper.day >= date, paper.day <= Store.today else {
                throw StoreError.invalid(
                    "Ngày nhận kết quả (--received-on) \(paper.day.vietnamese) phải từ ngày thực hiện \(date.vietnamese) đến hôm nay.")
            }
        }
        let items: [PreparedEvidence]
        if case .inputs(let inputs) = evidence { items = try Self.prepared(inputs) } else { items = [] }
        if supersedes == nil, paper == nil, let earlier = try repeatOf(
            activityID: activityID, unit: unit, date: date, text: body, quantity: quantity, quantityUnit: countUnit,
            evidence: items)
        {
            return (earlier, true)
        }
        let id = try connection.query(
            """
            INSERT INTO progress_entries (activity_id, unit_id, entry_date, text, quantity, quantity_unit, supersedes_id, reason,
                                          withdrawn, received_on, received_in)
            VALUES (\(activityID), \(unit), \(date.iso)::date, \(body), \(quantity.map(Self.decimal))::numeric, \(countUnit),
                    \(supersedes), \(reason), \(withdrawn), \(paper?.day.iso)::date, \(paper?.document))
            RETURNING id
            """
        ).scalar(Int64.self)
        switch evidence {
        case .inputs:
            for (position, item) in items.enumerated() {
                if let file = item.file { try EvidenceFiles.store(file, connection) }
                try connection.query(
                    """
                    INSERT INTO evidence (progress_entry_id, position, kind, value, file_sha256)
                    VALUES (\(id), \(position), \(item.kind.rawValue), \(item.value), \(item.file?.sha256))
                    """)
            }
        case .copiedFrom(let old):
            try connection.query(
                """
                INSERT INTO evidence (progress_entry_id, position, kind, value, title, file_sha256)
                SELECT \(id), position, kind, value, title, file_sha256 FROM evidence WHERE progress_entry_id = \(old)
                """)
        }
        return (id, false)
    }

    /// One piece of evidence ready to insert (a file already read and checked).
    struct PreparedEvidence {
        var kind: Evidence.Kind
        var value: String
        var file: EvidenceFiles.File?

        /// "kind|value|sha256", as the repeat check compares them.
        var key: String { "\(kind.rawValue)|\(value)|\(file?.sha256 ?? "")" }
    }

    static func prepared(_ inputs: [EvidenceInput]) throws -> [PreparedEvidence] {
        try inputs.map { input in
            switch input {
            case .url(let url): return PreparedEvidence(kind: .url, value: url)
            case .document(let number): return PreparedEvidence(kind: .document, value: number)
            case .file(let path):
                let file = try EvidenceFiles.read(path: path)
                return PreparedEvidence(kind: .file, value: file.name, file: file)
            case .uploaded(let name, let data):
                let file = try EvidenceFiles.uploaded(fileName: name, data: data)
                return PreparedEvidence(kind: .file, value: file.name, file: file)
            }
        }
    }

    /// How long an identical entry by the same person counts as a repeat of the same command (a script
    /// retrying after a failure it could not see), rather than a second result.
    static let repeatWindowMinutes = 10

    /// The entry this one repeats: the same person recorded the same result (activity, unit, date, text,
    /// quantity, evidence) within `repeatWindowMinutes`, and it was not corrected since. Writers of one
    /// activity are serialised for the check, so two retries running at once store one entry.
    func repeatOf(
        activityID: Int64, unit: Int64, date: Day, text: String, quantity: Double?, quantityUnit: String?,
        evidence: [PreparedEvidence]
    ) throws -> Int64? {
        try connection.query(
            "SELECT pg_advisory_xact_lock(\(Int(Self.repeatLockKey))::int, \(Int(activityID & 0x7FFF_FFFF))::int)")
        return try connection.query(
            """
            SELECT p.id FROM progress_entries p
             WHERE p.activity_id = \(activityID) AND p.unit_id = \(unit) AND p.entry_date = \(date.iso)::date
               AND p.text = \(text) AND p.quantity IS NOT DISTINCT FROM \(quantity.map(Self.decimal))::numeric
               AND p.quantity_unit IS NOT DISTINCT FROM \(quantityUnit)::text AND p.supersedes_id IS NULL
               AND p.recorded_by = cchc_actor()
               AND p.recorded_at > now() - make_interval(mins => \(Self.repeatWindowMinutes)::int)
               AND NOT EXISTS (SELECT 1 FROM progress_entries s WHERE s.supersedes_id = p.id)
               AND coalesce((SELECT array_agg(e.kind || '|' || e.value || '|' || coalesce(e.file_sha256, '') ORDER BY e.position)
                               FROM evidence e WHERE e.progress_entry_id = p.id), '{}') = \(evidence.map(\.key))::text[]
             ORDER BY p.id DESC LIMIT 1
            """
        ).first.map { try $0.decode(Int64.self, at: 0) }
    }

    /// First key of the advisory lock that serialises recording for one activity ("cchcprog" folded).
    static let repeatLockKey: Int32 = 0x6363_7072
}
