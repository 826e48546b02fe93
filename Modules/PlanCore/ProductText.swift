/// Reads a product as plans write it ("02 lớp tập huấn", "12 chuyên mục phát thanh", "Tin, bài") into a
/// `Product`: the planned count when one leads the text, the counting word, and a type for totals.
public enum ProductText {
    /// Counting words (danh từ đơn vị) that products are counted in, longest first.
    static let countingWords: [String] = [
        "chuyên mục", "phóng sự", "hội nghị", "hội thi", "cuộc thi", "lớp tập huấn", "tờ gấp", "tờ rơi",
        "băng rôn", "pa nô", "tin, bài", "tin bài", "báo cáo", "kế hoạch", "quyết định", "tọa đàm", "toạ đàm",
        "video", "clip", "pano", "lớp", "cuộc", "buổi", "lượt", "đợt", "tin", "bài", "số", "tập", "cuốn", "bộ",
        "đội", "ấn phẩm", "chương trình", "khẩu hiệu", "áp phích",
    ]

    /// The counting words with their folded keys, folded once.
    static let countingKeys: [(word: String, key: String)] = countingWords.map { ($0, VietnameseText.foldedKey($0)) }

    public static func parse(_ text: String) -> Product {
        let written = VietnameseText.nfc(text)
        var rest = Substring(written)
        var count: Int?
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 6, rest.dropFirst(digits.count).first == " " {
            count = Int(digits)
            rest = rest.dropFirst(digits.count).drop { $0 == " " }
        }
        let type = lowerFirst(String(rest).trimmingTrailing(".;,"))
        let key = VietnameseText.foldedKey(type)
        let unit = countingKeys.first { key == $0.key || key.hasPrefix($0.key + " ") }?.word
        return Product(text: written, type: type.isEmpty ? written : type, plannedCount: count, unit: unit)
    }

    /// "Tin, bài" → "tin, bài"; acronyms ("SIPAS") and proper names after the first word are kept.
    static func lowerFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        let firstWord = text.prefix { $0 != " " }
        if firstWord.count > 1, firstWord.allSatisfy({ $0.isUppercase || !$0.isLetter }) { return text }
        return first.lowercased() + text.dropFirst()
    }
}

extension String {
    func trimmingTrailing(_ characters: String) -> String {
        var s = Substring(self)
        while let last = s.last, characters.contains(last) || last == " " { s = s.dropLast() }
        return String(s)
    }
}
