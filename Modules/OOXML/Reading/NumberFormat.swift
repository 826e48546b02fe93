/// Renders list numbers in Word's w:numFmt formats.
enum NumberFormat {
    /// `value` in `format`; unknown formats fall back to decimal.
    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "upperRoman": roman(value).map { $0.uppercased() } ?? String(value)
        case "lowerRoman": roman(value) ?? String(value)
        case "upperLetter": letters(value).map { $0.uppercased() } ?? String(value)
        case "lowerLetter": letters(value) ?? String(value)
        case "decimalZero": (0..<10).contains(value) ? "0\(value)" : String(value)
        case "none": ""
        default: String(value)
        }
    }

    /// Lower-case Roman numerals for 1…3999, nil otherwise.
    static func roman(_ value: Int) -> String? {
        guard (1...3999).contains(value) else { return nil }
        let symbols: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var remaining = value
        var result = ""
        for (amount, symbol) in symbols {
            while remaining >= amount {
                result += symbol
                remaining -= amount
            }
        }
        return result
    }

    /// Word's letter numbering: a…z, then aa…zz, aaa… (the letter repeated), nil for values below 1.
    /// Like Word there is no "đ": Vietnamese documents that need it type the letters by hand.
    static func letters(_ value: Int) -> String? {
        guard value >= 1, value <= 26 * 1000 else { return nil }
        let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8((value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    /// Common bullet glyphs (•, Symbol/Wingdings private-use bullets, "o", dashes) print as "-";
    /// anything else (e.g. "+", "*", "➢") is kept.
    static func bullet(_ text: String) -> String {
        let dashLike: Set<String> = [
            "•", "\u{F0B7}", "o", "–", "—", "-", "\u{F02D}", "·", "\u{F0A7}", "▪", "◦", "●", "∙", "\u{F09F}",
        ]
        return dashLike.contains(text) ? "-" : text
    }
}
