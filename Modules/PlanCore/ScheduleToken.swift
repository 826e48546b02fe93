/// A token of a time-frame text: a word, an ASCII number, or one punctuation character.
enum ScheduleToken: Hashable, Sendable {
    /// A run of letters, from the folded key (lower case, canonical tone placement).
    case word(String)
    /// A run of ASCII digits; `digits` keeps "06" apart from "6" and years (4 digits) apart from days.
    case number(Int, digits: Int)
    /// Any other visible character ("/", "-", ",", "(").
    case symbol(Character)

    /// Splits a folded text ("quý iii/2024") into tokens; white space only separates.
    static func tokenize(_ text: String) -> [ScheduleToken] {
        var tokens: [ScheduleToken] = []
        var word = ""
        var digits = ""
        func flush() {
            if !word.isEmpty { tokens.append(.word(word)) }
            // Absurdly long digit runs get a value no rule accepts.
            if !digits.isEmpty { tokens.append(.number(digits.count <= 9 ? Int(digits)! : -1, digits: digits.count)) }
            word = ""
            digits = ""
        }
        for character in text {
            if character.isASCII, character.isNumber {
                if !word.isEmpty { flush() }
                digits.append(character)
            } else if character.isLetter {
                if !digits.isEmpty { flush() }
                word.append(character)
            } else {
                flush()
                if !character.isWhitespace { tokens.append(.symbol(character)) }
            }
        }
        flush()
        return tokens
    }
}
