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

    /// The other usual spelling of a name with a standard abbreviation ("UBND tỉnh Bình Phước" ⇄
    /// "Ủy ban nhân dân tỉnh Bình Phước"), registered as an alias so either spelling finds the unit.
    public static func abbreviationVariant(_ name: String) -> String? {
        let pairs = [("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"), ("MTTQ", "Mặt trận Tổ quốc")]
        let text = VietnameseText.nfc(name)
        for (short, long) in pairs {
            if text.hasPrefix(short + " ") { return long + text.dropFirst(short.count) }
            for spelling in [long, "Uỷ ban nhân dân"] where text.lowercased().hasPrefix(spelling.lowercased() + " ") {
                return short + text.dropFirst(spelling.count)
            }
        }
        return nil
    }

    /// The usual short form of a body's name in a ký hiệu: the first letter of each word but the
    /// conjunctions, in capitals ("Sở Nội vụ" → "SNV", "Sở Lao động - Thương binh và Xã hội" → "SLĐTBXH");
    /// a name already written short ("UBND tỉnh Đồng Nai") keeps its short word.
    public static func initials(_ name: String) -> String {
        let skipped: Set<String> = ["và", "với", "của", "-", "–", "&"]
        return withoutAside(name).split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { word -> String? in
            let text = String(word)
            guard !skipped.contains(text.lowercased()), let first = text.first, first.isLetter else { return nil }
            return text.count > 1 && text == text.uppercased() ? text : String(first).uppercased()
        }.joined()
    }

    /// The place an authority's name ends with: "Ủy ban nhân dân tỉnh Đồng Nai" → "Đồng Nai",
    /// "UBND thành phố Hồ Chí Minh" → "Hồ Chí Minh"; nil when the name names no tỉnh or thành phố.
    public static func place(in name: String) -> String? {
        let words = withoutAside(name).split(separator: " ").map(String.init)
        guard
            let marker = words.indices.last(where: { i in
                let word = words[i].lowercased()
                return i > 0 && (word == "tỉnh" || (word == "phố" && words[i - 1].lowercased() == "thành"))
            }),
            marker + 1 < words.count, words[marker + 1].first?.isUppercase == true
        else { return nil }
        return words[(marker + 1)...].joined(separator: " ")
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
        let nameWords = name.split(separator: " ")
        let wordCount = nameWords.count
        // Documents are long and their words repeat: a window is folded whole only when its first word,
        // folded once per distinct word, is the name's first word.
        var wordKeys: [Substring: String] = [:]
        func wordKey(_ word: Substring) -> String {
            wordKeys.memoized(word) { VietnameseText.foldedKey(String(word).trimmingTrailing(".,;:)")) }
        }
        let firstKey = wordKey(nameWords[0].drop { $0 == "(" })
        var seen = Set<String>()
        for candidate in candidates where seen.insert(candidate).inserted {
            let words = VietnameseText.nfc(candidate).split(separator: " ")
            guard words.count >= wordCount else { continue }
            for start in 0...(words.count - wordCount) {
                guard wordKey(words[start].drop { $0 == "(" }) == firstKey else { continue }
                let window = words[start..<start + wordCount].joined(separator: " ")
                    .trimmingTrailing(".,;:)")
                let cleaned = window.hasPrefix("(") ? String(window.dropFirst()) : window
                if VietnameseText.foldedKey(cleaned) == key, cleaned != VietnameseText.upper(cleaned) {
                    return cleaned
                }
            }
        }
        return sentenceCase(name)
    }

    /// Acronyms kept in capitals when a header's name is set in ordinary case.
    static let acronyms: Set<String> = [
        "UBND", "HĐND", "MTTQ", "TP", "TP.", "CCHC", "TTHC", "CNTT", "BHXH", "VP", "LĐTBXH", "TT-TT", "PT-TH", "GD&ĐT",
    ]
    /// Words after which every word is part of a place name ("tỉnh Bình Phước").
    static let placeMarkers: Set<String> = ["tỉnh", "huyện", "quận", "xã", "phường", "thị trấn", "thị xã", "thành phố"]
    /// Words whose next word starts a new component of an agency name ("Sở Lao động - Thương binh và Xã hội").
    static let componentStarts: Set<String> = ["sở", "bộ", "ban", "phòng", "cục", "trung tâm", "văn phòng", "và", "-", "đài", "báo", "hội"]

    /// The ordinary-case form of a name set in capitals, following the usual Vietnamese convention: the first
    /// word and the first word of each component of an agency name capitalised, place names capitalised,
    /// acronyms kept ("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC" → "Ủy ban nhân dân tỉnh Bình Phước",
    /// "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → "Sở Lao động - Thương binh và Xã hội").
    static func sentenceCase(_ name: String) -> String {
        let words = name.split(separator: " ").map(String.init)
        var out: [String] = []
        var inPlace = false
        var capitaliseNext = true
        for (i, word) in words.enumerated() {
            let lower = word.lowercased()
            let two = i > 0 ? words[i - 1].lowercased() + " " + lower : ""
            var shown: String
            if acronyms.contains(word) {
                shown = word
            } else if inPlace || capitaliseNext {
                shown = lower.prefix(1).uppercased() + lower.dropFirst()
            } else {
                shown = lower
            }
            // "Văn phòng Sở": the Sở a division belongs to is a proper reference.
            if lower == "sở", i > 0 { shown = "Sở" }
            out.append(shown)
            // A marker opens a place name only as a common noun ("tỉnh Bình Phước"), not when it starts a
            // component itself ("Xã hội" in "Thương binh và Xã hội").
            if (placeMarkers.contains(lower) || placeMarkers.contains(two)) && shown == lower {
                inPlace = true
                // "thành" of "thành phố" is not yet the place name.
                if lower == "thành" || lower == "thị" { inPlace = false }
            }
            capitaliseNext = componentStarts.contains(lower) || componentStarts.contains(two)
            if lower == "thành" || lower == "thị" || two == "ủy ban" || two == "uỷ ban" { capitaliseNext = false }
        }
        return out.joined(separator: " ")
    }
}
