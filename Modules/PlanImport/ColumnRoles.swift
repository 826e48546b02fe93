/// What a column of a task table holds, recognised from the header's wording (not its position).
enum ColumnRole: Hashable, Sendable {
    /// STT, TT, Số thứ tự.
    case number
    /// Nội dung công việc / nhiệm vụ, Nhiệm vụ, Hoạt động, Tên nhiệm vụ.
    case content
    /// Cơ quan, đơn vị chủ trì; Đơn vị thực hiện.
    case lead
    /// Đơn vị phối hợp.
    case coordinating
    /// Thời gian thực hiện, Thời hạn hoàn thành, Tiến độ.
    case schedule
    /// Kết quả/Sản phẩm, Sản phẩm.
    case products
    /// Ghi chú.
    case note
    /// Kinh phí, Dự toán.
    case budget

    /// The role a header cell's wording names, or nil.
    static func recognise(_ header: String) -> ColumnRole? {
        let text = TextNormalization.fold(header).filter { $0 != "*" }
        guard !text.isEmpty, text.count <= 80 else { return nil }
        let compact = text.replacingCharacters(in: [".", ":"], with: "")
        if ["stt", "tt", "số tt", "số thứ tự", "thứ tự", "số"].contains(compact) { return .number }
        if text.hasPrefix("kinh phí") || text.hasPrefix("dự toán") || text.hasPrefix("nguồn kinh phí") {
            return .budget
        }
        if text.hasPrefix("thời gian") || text.hasPrefix("thời hạn") || text.hasPrefix("tiến độ")
            || text.hasPrefix("thời điểm") || text == "hạn hoàn thành"
        {
            return .schedule
        }
        if text.hasPrefix("ghi chú") { return .note }
        if text.contains("chủ trì") { return .lead }
        if text.contains("phối hợp") { return .coordinating }
        if text.hasPrefix("sản phẩm") || text.hasPrefix("kết quả") { return .products }
        if (text.hasPrefix("đơn vị") || text.hasPrefix("cơ quan") || text.hasPrefix("bộ phận")
            || text.hasPrefix("trách nhiệm"))
            && (text.contains("thực hiện") || text.contains("trách nhiệm") || text.count <= 25)
        {
            return .lead
        }
        if text.hasPrefix("nội dung") || text.hasPrefix("nhiệm vụ") || text.hasPrefix("tên nhiệm vụ")
            || text.hasPrefix("hoạt động") || text.hasPrefix("tên hoạt động") || text.hasPrefix("công việc")
            || text.hasPrefix("các nhiệm vụ") || text.hasPrefix("danh mục")
        {
            return .content
        }
        return nil
    }
}

extension String {
    /// The string with every listed character removed.
    fileprivate func replacingCharacters(in set: Set<Character>, with replacement: String) -> String {
        var out = ""
        for character in self {
            if set.contains(character) { out += replacement } else { out.append(character) }
        }
        return out
    }
}
