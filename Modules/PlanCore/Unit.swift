/// A unit of the organisation registry: a body (UBND tỉnh, Sở), a division (phòng), an attached
/// public-service unit, an outside partner, or a collective group name.
public struct OrgUnit: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// Cơ quan hành chính: UBND tỉnh, a Sở, UBND huyện.
        case authority
        /// Phòng chuyên môn, nghiệp vụ; Văn phòng; Thanh tra: internal divisions of an authority.
        case division
        /// Đơn vị sự nghiệp trực thuộc: centres, schools, hospitals.
        case serviceUnit = "service-unit"
        /// Outside partners: the press, Tỉnh đoàn, mass organisations.
        case organisation
        /// A collective name ("các phòng chuyên môn, nghiệp vụ thuộc Sở") that expands to its members.
        case group
    }

    public var id: Int64?
    public var name: String
    /// Tên viết tắt used in ký hiệu ("SLĐTBXH", "UBND").
    public var abbreviation: String?
    public var kind: Kind
    /// The unit it belongs to (a division's Sở, a Sở's UBND tỉnh).
    public var parentID: Int64?
    /// Validity of this unit under this name; nil ends are open.
    public var validFrom: Day?
    public var validTo: Day?
    /// Created by an import from a name nobody has mapped yet ("cần rà soát").
    public var needsReview: Bool

    public init(
        id: Int64? = nil, name: String, abbreviation: String? = nil, kind: Kind, parentID: Int64? = nil,
        validFrom: Day? = nil, validTo: Day? = nil, needsReview: Bool = false
    ) {
        self.id = id
        self.name = name
        self.abbreviation = abbreviation
        self.kind = kind
        self.parentID = parentID
        self.validFrom = validFrom
        self.validTo = validTo
        self.needsReview = needsReview
    }

    /// Whether the unit exists under this name on `day`.
    public func isValid(on day: Day) -> Bool {
        (validFrom.map { $0 <= day } ?? true) && (validTo.map { day <= $0 } ?? true)
    }
}

/// How a unit's history continues: renamed, merged, split, functions moved.
public struct UnitLineageEvent: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// Đổi tên: `from` continues as `to`.
        case renamedTo = "renamed-to"
        /// Hợp nhất / sáp nhập: `from` ends and is absorbed into `to`.
        case mergedInto = "merged-into"
        /// Chia tách: `to` is split from `from` (which may continue).
        case splitFrom = "split-from"
        /// Chuyển giao chức năng, nhiệm vụ: part of `from`'s functions go to `to`.
        case functionsTransferredTo = "functions-transferred-to"
    }

    public var kind: Kind
    public var fromUnitID: Int64
    public var toUnitID: Int64
    /// Ngày hiệu lực.
    public var effective: Day
    /// The legal act ("Nghị định 45/2025/NĐ-CP").
    public var legalAct: String?
    public var note: String?

    public init(
        kind: Kind, fromUnitID: Int64, toUnitID: Int64, effective: Day, legalAct: String? = nil, note: String? = nil
    ) {
        self.kind = kind
        self.fromUnitID = fromUnitID
        self.toUnitID = toUnitID
        self.effective = effective
        self.legalAct = legalAct
        self.note = note
    }
}
