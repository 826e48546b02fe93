import PlanCore
import Testing

@Suite("VietnameseNumerals: Roman numerals of sections and quarters")
struct VietnameseNumeralsTests {
    @Test(
        "well-formed Roman numerals read in any case",
        arguments: [("I", 1), ("ii", 2), ("III", 3), ("IV", 4), ("v", 5), ("IX", 9), ("XII", 12), ("XL", 40),
            ("MCMXCIX", 1999), ("MMXXIV", 2024)])
    func values(_ text: String, _ value: Int) {
        #expect(VietnameseNumerals.romanValue(text) == value)
        #expect(VietnameseNumerals.roman(value) == text.uppercased())
    }

    @Test("malformed numerals and other words are not numerals", arguments: ["", "IIII", "VX", "IL", "IIV", "quý", "1", "MMMM"])
    func malformed(_ text: String) {
        #expect(VietnameseNumerals.romanValue(text) == nil)
    }

    @Test("every value 1…3999 round-trips")
    func roundTrip() {
        for value in 1...3999 { #expect(VietnameseNumerals.romanValue(VietnameseNumerals.roman(value)) == value) }
        #expect(VietnameseNumerals.roman(0) == "")
    }
}
