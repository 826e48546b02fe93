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

    /// The openings as scalars, by their first letter, for matching inside a line.
    static let openingsByInitial: [Unicode.Scalar: [[Unicode.Scalar]]] = Dictionary(
        grouping: openings.map { Array($0.unicodeScalars) }, by: { $0[0] })

    /// The field a label names ("Đơn vị chủ trì thực hiện" → lead), or nil when it is not a field label.
    static func classify(_ label: some StringProtocol) -> AssignmentField? {
        classifyFolded(TextNormalization.fold(label))
    }

    /// `classify` for a label already in lower case with its white space collapsed.
    static func classifyFolded(_ label: String) -> AssignmentField? {
        let text = TextNormalization.trim(label, ["*", "-", "+", "–", "•"])
        guard !text.isEmpty, text.utf8.count <= 80, spaces(in: text) <= 7,
            openings.contains(where: { TextNormalization.hasWordPrefix(text, $0) })
        else { return nil }
        if starts(text, ["thời gian", "thời hạn", "tiến độ", "thời điểm", "hạn hoàn thành"]) { return .schedule }
        if starts(text, ["sản phẩm", "kết quả", "dự kiến sản phẩm"]) { return .products }
        if starts(text, ["kinh phí", "dự toán", "nguồn kinh phí"]) { return .budget }
        if starts(text, ["ghi chú"]) { return .note }
        if TextNormalization.contains(text, "chủ trì") { return .lead }
        if TextNormalization.contains(text, "phối hợp") { return .coordinating }
        if TextNormalization.contains(text, "thực hiện") || TextNormalization.contains(text, "trách nhiệm") {
            return .lead
        }
        if ["đơn vị", "cơ quan", "bộ phận", "cơ quan, đơn vị", "đơn vị, cơ quan"].contains(text) { return .lead }
        return nil
    }

    private static func starts(_ text: String, _ prefixes: [String]) -> Bool {
        for prefix in prefixes where text.utf8.starts(with: prefix.utf8) { return true }
        return false
    }

    private static func spaces(in text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte == 0x20 { count += 1 }
        return count
    }
}
