import PlanCore

/// What a plan document carries beyond `PlanRecord`: its body text (the document tree), the standing
/// duties of "Tổ chức thực hiện", the full parent reference, and the file it was imported from.
public struct PlanContent: Hashable, Sendable {
    /// The document tree (I. MỤC ĐÍCH, YÊU CẦU …); activities are placed into it by their refs.
    public var sections: [PlanDocument.Section]
    public var responsibilities: [PlanDocument.Responsibility]
    /// The parent plan as cited ("Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh"); nil falls back to
    /// the record's `parentCode`.
    public var parent: ParentReference?
    /// The file the plan was imported from; nil when unknown (the JSON then names the plan's reference and
    /// an empty sha256).
    public var source: PlanDocument.Source?

    public init(
        sections: [PlanDocument.Section] = [], responsibilities: [PlanDocument.Responsibility] = [],
        parent: ParentReference? = nil, source: PlanDocument.Source? = nil
    ) {
        self.sections = sections
        self.responsibilities = responsibilities
        self.parent = parent
        self.source = source
    }
}
