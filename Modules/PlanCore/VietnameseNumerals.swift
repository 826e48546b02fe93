/// Roman numerals as Vietnamese documents use them: section labels ("II. NỘI DUNG") and quarters ("Quý III").
public enum VietnameseNumerals {
    private static let symbols: [(value: Int, roman: String)] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    /// The value of a well-formed Roman numeral (any case, 1…3999): "III" → 3, "iv" → 4; nil for "IIII",
    /// "IL", "" or anything else.
    public static func romanValue(_ text: String) -> Int? {
        let upper = text.uppercased()
        guard !upper.isEmpty, upper.count <= 15, upper.allSatisfy({ "MDCLXVI".contains($0) }) else { return nil }
        var value = 0
        var rest = Substring(upper)
        for (symbolValue, roman) in symbols {
            while rest.hasPrefix(roman) {
                value += symbolValue
                rest = rest.dropFirst(roman.count)
            }
        }
        // Accept only the canonical spelling, so "IIII" or "VX" are not numerals.
        guard rest.isEmpty, value > 0, roman(value) == upper else { return nil }
        return value
    }

    /// The upper-case Roman numeral of 1…3999 ("Quý " + roman(2) = "Quý II"); "" outside that range.
    public static func roman(_ value: Int) -> String {
        guard (1...3999).contains(value) else { return "" }
        var rest = value
        var out = ""
        for (symbolValue, roman) in symbols {
            while rest >= symbolValue {
                out += roman
                rest -= symbolValue
            }
        }
        return out
    }
}
