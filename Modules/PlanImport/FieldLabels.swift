/// The labelled lines of a task: "Cơ quan chủ trì:", "Đơn vị thực hiện:", "Đơn vị phối hợp:",
/// "Thời gian thực hiện:", "Sản phẩm:", "Kết quả/Sản phẩm:" … in their usual wordings.
enum AssignmentField: Hashable, Sendable {
    case lead
    case coordinating
    case schedule
    case products
    case budget
    case note
}

/// What a task says about who, when and what, as written (values not yet split).
struct AssignmentFields: Equatable {
    var lead: [String] = []
    var coordinating: [String] = []
    var schedule: [String] = []
    var products: [String] = []

    /// True when none of chủ trì / phối hợp / thời gian / sản phẩm is given.
    var isEmpty: Bool { lead.isEmpty && coordinating.isEmpty && schedule.isEmpty && products.isEmpty }

    mutating func add(_ field: AssignmentField, _ value: String) {
        let cleaned = TextNormalization.trimListPunctuation(value)
        guard !cleaned.isEmpty else { return }
        switch field {
        case .lead: lead.append(cleaned)
        case .coordinating: coordinating.append(cleaned)
        case .schedule: schedule.append(cleaned)
        case .products: products.append(cleaned)
        case .budget, .note: break
        }
    }

    /// Fills what is missing from the fields of an enclosing item.
    mutating func inherit(_ outer: AssignmentFields) {
        if lead.isEmpty { lead = outer.lead }
        if coordinating.isEmpty { coordinating = outer.coordinating }
        if schedule.isEmpty { schedule = outer.schedule }
        if products.isEmpty { products = outer.products }
    }
}

/// Classifies field labels by their wording.
enum FieldLabels {
    /// Words a field label begins with.
    static let openings = [
        "cơ quan", "đơn vị", "bộ phận", "người thực hiện", "người chủ trì", "trách nhiệm", "chịu trách nhiệm",
        "chủ trì", "phối hợp", "thực hiện", "thời gian", "thời hạn", "tiến độ", "thời điểm", "hạn hoàn thành",
        "sản phẩm", "kết quả", "dự kiến sản phẩm", "kinh phí", "dự toán", "nguồn kinh phí", "ghi chú",
    ]

    /// The first letters of the openings, for a quick test.
    static let openingInitials: Set<Character> = Set(openings.compactMap(\.first))

    /// Whether a lower-case text starts with one of the openings.
    static func startsWithOpening(_ lower: String) -> Bool {
        openings.contains { lower.hasPrefix($0) }
    }

    /// The field a label names ("Đơn vị chủ trì thực hiện" → lead), or nil when it is not a field label.
    static func classify(_ label: some StringProtocol) -> AssignmentField? {
        let text = TextNormalization.fold(TextNormalization.trim(label, ["*", "-", "+", "–", "•"]))
        guard !text.isEmpty, TextNormalization.words(text).count <= 8,
            openings.contains(where: { TextNormalization.hasWordPrefix(text, $0) })
        else { return nil }
        if text.hasPrefix("thời gian") || text.hasPrefix("thời hạn") || text.hasPrefix("tiến độ")
            || text.hasPrefix("thời điểm") || text.hasPrefix("hạn hoàn thành")
        {
            return .schedule
        }
        if text.hasPrefix("sản phẩm") || text.hasPrefix("kết quả") || text.hasPrefix("dự kiến sản phẩm") {
            return .products
        }
        if text.hasPrefix("kinh phí") || text.hasPrefix("dự toán") || text.hasPrefix("nguồn kinh phí") {
            return .budget
        }
        if text.hasPrefix("ghi chú") { return .note }
        if text.contains("chủ trì") { return .lead }
        if text.contains("phối hợp") { return .coordinating }
        if text.contains("thực hiện") || text.contains("trách nhiệm") { return .lead }
        if ["đơn vị", "cơ quan", "bộ phận", "cơ quan, đơn vị", "đơn vị, cơ quan"].contains(text) { return .lead }
        return nil
    }
}
