@testable import OOXML
import Testing

/// Word's number formats for list labels.
@Suite("Number formats")
struct NumberFormatTests {
    @Test(
        "Values render like Word",
        arguments: [
            (1, "upperRoman", "I"), (4, "upperRoman", "IV"), (9, "upperRoman", "IX"), (14, "upperRoman", "XIV"),
            (1999, "upperRoman", "MCMXCIX"), (3, "lowerRoman", "iii"), (1, "lowerLetter", "a"),
            (5, "lowerLetter", "e"), (26, "lowerLetter", "z"), (27, "lowerLetter", "aa"), (28, "upperLetter", "BB"),
            (7, "decimalZero", "07"), (12, "decimalZero", "12"), (42, "decimal", "42"), (3, "ordinalText", "3"),
            (5, "none", ""),
        ])
    func format(value: Int, format: String, expected: String) {
        #expect(NumberFormat.format(value, as: format) == expected)
    }

    @Test("Common bullet glyphs print as a dash, others are kept", arguments: [
        ("•", "-"), ("\u{F0B7}", "-"), ("o", "-"), ("–", "-"), ("-", "-"), ("+", "+"), ("➢", "➢"),
    ])
    func bullets(glyph: String, expected: String) {
        #expect(NumberFormat.bullet(glyph) == expected)
    }
}
