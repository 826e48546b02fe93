/// What a unit's name says about it: its likely kind and whether it belongs to the body that wrote the
/// plan ("Văn phòng Sở", "các phòng chuyên môn, nghiệp vụ thuộc Sở") or stands on its own ("Sở Nội vụ").
/// Used to file names an import meets for the first time; an administrator reviews them.
public enum UnitNaming {
    public struct Guess: Hashable, Sendable {
        public var kind: OrgUnit.Kind
        /// True when the unit sits under the issuing body of the plan that names it.
        public var underIssuer: Bool
    }

    static let organisationHeads = [
        "đài", "báo", "tỉnh đoàn", "hội", "liên đoàn", "mặt trận", "đoàn", "công ty", "hợp tác xã", "liên minh",
        "ngân hàng", "tổng công ty",
    ]
    static let authorityHeads = [
        "sở", "ubnd", "ủy ban", "uỷ ban", "bộ", "công an", "bộ chỉ huy", "cục", "kho bạc", "ban quản lý",
        "văn phòng ubnd", "văn phòng ủy ban", "văn phòng uỷ ban", "văn phòng đoàn", "văn phòng tỉnh ủy",
        "thanh tra tỉnh", "tỉnh ủy", "tỉnh uỷ", "hđnd", "hội đồng nhân dân", "chính phủ", "thủ tướng",
    ]
    static let serviceHeads = ["trung tâm", "trường", "bệnh viện", "cơ sở", "quỹ", "nhà", "làng", "viện"]
    static let divisionHeads = ["phòng", "văn phòng", "thanh tra", "ban", "bộ phận", "tổ", "chi cục"]

    public static func guess(_ name: String) -> Guess {
        let key = VietnameseText.foldedKey(withoutAside(name))
        func starts(_ heads: [String]) -> Bool {
            heads.contains { head in
                let h = VietnameseText.foldedKey(head)
                return key == h || key.hasPrefix(h + " ")
            }
        }
        if key.hasPrefix("các ") || key.hasPrefix("những ") || key.hasPrefix("toàn thể ") {
            return Guess(kind: .group, underIssuer: key.hasSuffix(" sở") || key.contains(" thuộc sở"))
        }
        if starts(authorityHeads) { return Guess(kind: .authority, underIssuer: false) }
        if starts(organisationHeads) { return Guess(kind: .organisation, underIssuer: false) }
        if starts(serviceHeads) {
            return Guess(kind: .serviceUnit, underIssuer: !key.hasSuffix(" tỉnh") && !key.contains(" tỉnh "))
        }
        if starts(divisionHeads) { return Guess(kind: .division, underIssuer: true) }
        return Guess(kind: .division, underIssuer: true)
    }

    /// The name without a trailing parenthesised aside: "Ban Thi đua - Khen thưởng (thuộc Sở Nội vụ)" →
    /// "Ban Thi đua - Khen thưởng".
    public static func withoutAside(_ name: String) -> String {
        var text = VietnameseText.nfc(name)
        while text.hasSuffix(")"), let open = text.lastIndex(of: "("), open > text.startIndex {
            text = VietnameseText.nfc(String(text[..<open]))
        }
        return text
    }

    /// A display form for a name written in capitals in a header ("SỞ TƯ PHÁP"): the same words as
    /// written elsewhere in the document when found there (`candidates`), else sentence case.
    public static func displayName(_ upper: String, candidates: [String]) -> String {
        let name = VietnameseText.nfc(upper)
        guard name == VietnameseText.upper(name), name.contains(where: \.isLetter) else { return name }
        let key = VietnameseText.foldedKey(name)
        let wordCount = name.split(separator: " ").count
        for candidate in candidates {
            let words = VietnameseText.nfc(candidate).split(separator: " ")
            guard words.count >= wordCount else { continue }
            for start in 0...(words.count - wordCount) {
                let window = words[start..<start + wordCount].joined(separator: " ")
                    .trimmingTrailing(".,;:)")
                let cleaned = window.hasPrefix("(") ? String(window.dropFirst()) : window
                if VietnameseText.foldedKey(cleaned) == key, cleaned != VietnameseText.upper(cleaned) {
                    return cleaned
                }
            }
        }
        let lower = name.lowercased()
        return (lower.first.map { String($0).uppercased() } ?? "") + lower.dropFirst()
    }
}
