import PlanCore

/// The kinds of numbering labels of Vietnamese administrative documents, from the outermost.
enum LabelKind: Hashable, Sendable {
    /// "A.", "B." (Phần A, B).
    case upperLetter
    /// "I.", "II.", "IV)".
    case roman
    /// "1.", "2)", "1.1.", "1.2.3".
    case arabic
    /// "a)", "b.", "đ)".
    case letter
    /// "-", "–", "•" (gạch đầu dòng).
    case dash
    /// "+".
    case plus
}

/// A numbering label at the start of a paragraph.
struct Label: Hashable, Sendable {
    var kind: LabelKind
    /// As written, without the closing punctuation: "II", "1.1", "a", "-", "+".
    var text: String
    /// The position it claims among its siblings (II → 2, c → 3), nil for dashes and pluses.
    var ordinal: Int?
    /// Nesting rank: a label of a greater rank nests inside one of a smaller rank.
    var rank: Int {
        switch kind {
        case .upperLetter: return 5
        case .roman: return 10
        case .arabic: return 20 + text.split(separator: ".").count - 1
        case .letter: return 30
        case .dash: return 40
        case .plus: return 50
        }
    }

    /// The label as commonly printed: "I.", "1.", "1.1.", "a)", "A.", "-", "+".
    var written: String {
        switch kind {
        case .roman, .upperLetter, .arabic: return text + "."
        case .letter: return text + ")"
        case .dash, .plus: return text
        }
    }

    /// Whether this label marks a section of the document tree (not a bullet).
    var isSection: Bool { kind != .dash && kind != .plus }
}

/// Recognises numbering labels: I. / 1. / 1.1. / a) (with đ) / - / + .
enum Labels {
    /// The label at the start of `text` and the text after it; nil when the paragraph has none.
    static func parse(_ text: String) -> (label: Label, rest: String)? {
        guard let first = text.first else { return nil }
        if dashGlyphs.contains(first) || first == "+" {
            let rest = text.dropFirst()
            guard let next = rest.first, next == " " || (first != "*" && (next.isLetter || next == "\"" || next == "“"))
            else { return nil }
            let kind: LabelKind = first == "+" ? .plus : .dash
            return (Label(kind: kind, text: kind == .plus ? "+" : "-", ordinal: nil), trimmed(rest))
        }
        if first.isASCII, first.isNumber { return arabic(text) }
        if first.isLetter { return lettered(text) }
        return nil
    }

    static let dashGlyphs: Set<Character> = [
        "-", "–", "—", "•", "·", "●", "○", "◦", "▪", "■", "□", "♦", "❖", "➢", "➤", "►", "✓", "\u{F0D8}", "\u{F0A7}", "*",
    ]

    private static func trimmed(_ text: Substring) -> String {
        TextNormalization.collapseWhitespace(String(text))
    }

    /// "1." "2)" "1.1." "1.2.3" — components of at most 3 (first) and 2 (others) digits.
    private static func arabic(_ text: String) -> (label: Label, rest: String)? {
        var components: [Int] = []
        var rest = Substring(text)
        var closed = false
        while let (value, after) = TextNormalization.leadingInteger(rest) {
            let digits = rest.utf8.count - after.utf8.count  // ASCII digits: bytes are characters
            guard digits <= (components.isEmpty ? 3 : 2) else { return nil }
            components.append(value)
            rest = after
            if rest.first == "." {
                rest = rest.dropFirst()
                closed = true
                if let next = rest.first, next.isASCII, next.isNumber { closed = false; continue }
                break
            }
            if rest.first == ")" {
                rest = rest.dropFirst()
                closed = true
            }
            break
        }
        guard !components.isEmpty else { return nil }
        // "1.1 Mục đích" has no closing dot but two components.
        guard closed || components.count > 1 else { return nil }
        guard rest.isEmpty || rest.first == " " else { return nil }
        let label = Label(
            kind: .arabic, text: components.map(String.init).joined(separator: "."), ordinal: components.last)
        return (label, trimmed(rest))
    }

    /// Roman numerals and letters followed by "." or ")" (Roman also by "-" as in "II- NỘI DUNG").
    private static func lettered(_ text: String) -> (label: Label, rest: String)? {
        var head = ""
        var index = text.startIndex
        while index < text.endIndex, text[index].isLetter, head.count < 8 {
            head.append(text[index])
            index = text.index(after: index)
        }
        guard index < text.endIndex, !head.isEmpty else { return nil }
        let punctuation = text[index]
        var after = text[text.index(after: index)...]
        guard after.isEmpty || after.first == " " else { return nil }
        if head.count == 1, let letter = head.first {
            if letter.isLowercase, punctuation == ")" || punctuation == "." {
                guard let ordinal = letterOrdinal(letter) else { return nil }
                return (Label(kind: .letter, text: head, ordinal: ordinal), trimmed(after))
            }
            if letter.isUppercase, "ABCDEFGH".contains(letter), punctuation == ")" || punctuation == "." {
                guard let ordinal = letterOrdinal(Character(letter.lowercased())) else { return nil }
                return (Label(kind: .upperLetter, text: head, ordinal: ordinal), trimmed(after))
            }
        }
        guard punctuation == "." || punctuation == ")" || punctuation == "-" || punctuation == "–",
            let value = Roman.value(head), value <= 40
        else { return nil }
        after = after.drop { $0 == " " }
        return (Label(kind: .roman, text: head, ordinal: value), trimmed(after))
    }

    /// The Vietnamese letter order used for list items: a b c d đ e g h i k l m n o p q r s t u v x y.
    static let vietnameseLetters: [Character] = Array("abcdđeghiklmnopqrstuvxy")
    /// Word's lowerLetter order (no đ, with f, j, w, z).
    static let latinLetters: [Character] = Array("abcdefghijklmnopqrstuvwxyz")

    /// The position of a letter in the Vietnamese order (or, for f/j/w/z, the Latin one).
    static func letterOrdinal(_ letter: Character) -> Int? {
        if let index = vietnameseLetters.firstIndex(of: letter) { return index + 1 }
        if let index = latinLetters.firstIndex(of: letter) { return index + 1 }
        return nil
    }

    /// Whether `next` may follow `previous` among sibling letters, in either order.
    static func letterFollows(_ next: Character, _ previous: Character) -> Bool {
        for order in [vietnameseLetters, latinLetters] {
            if let p = order.firstIndex(of: previous), let n = order.firstIndex(of: next), n == p + 1 { return true }
        }
        return false
    }

    /// The letters expected between two siblings, Vietnamese order ("d" → "g": "đ, e").
    static func lettersBetween(_ previous: Character, _ next: Character) -> [Character] {
        guard let p = vietnameseLetters.firstIndex(of: previous), let n = vietnameseLetters.firstIndex(of: next),
            n > p + 1
        else { return [] }
        return Array(vietnameseLetters[(p + 1)..<n])
    }
}

/// Roman numerals of section labels: canonical and upper case ("II.", never "ii." or "IIII.").
enum Roman {
    static func value(_ text: String) -> Int? {
        guard text.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        return VietnameseNumerals.romanValue(text)
    }

    static func numeral(_ value: Int) -> String { VietnameseNumerals.roman(value) }
}
