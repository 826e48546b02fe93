import Foundation

/// A structural check of Vietnamese syllables (initial consonant, vowel nucleus, final consonant, one
/// tone), used to tell a correctly decoded text from the same bytes decoded in the wrong encoding.
enum VietnameseSyllables {
    /// A letter split into its base vowel or consonant, its vowel modifier and its tone.
    struct Letter {
        /// The base letter with its modifier, lower case ("ơ", "â", "a", "đ").
        var base: Character
        var hasTone: Bool
    }

    /// Splits a precomposed letter; nil for letters Vietnamese does not use.
    static func letter(_ scalar: Unicode.Scalar) -> Letter? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x41...0x5A: return Letter(base: Character(Unicode.Scalar(value + 0x20)!), hasTone: false)
            case 0x61...0x7A: return Letter(base: Character(scalar), hasTone: false)
            default: return nil
            }
        }
        return table[value]
    }

    private static let table: [UInt32: Letter] = {
        var result: [UInt32: Letter] = [:]
        let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        for value in LegacyVietnamese.vietnameseLetters {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            var base = String.UnicodeScalarView()
            var hasTone = false
            for part in decomposed {
                if tones.contains(part.value) { hasTone = true } else { base.append(part) }
            }
            let baseText = String(base).precomposedStringWithCanonicalMapping.lowercased()
            guard baseText.count == 1, let character = baseText.first else { continue }
            result[value] = Letter(base: character, hasTone: hasTone)
        }
        return result
    }()

    private static let vowels: Set<Character> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]

    private static let nuclei: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo",
        "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
        "iêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uyê", "yêu", "uya", "uyu",
    ]

    private static let initials: Set<String> = [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph",
        "qu", "r", "s", "t", "th", "tr", "v", "x",
    ]

    private static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y"]

    /// Whether a word (letters only) is a well-formed Vietnamese syllable.
    static func isSyllable(_ letters: [Letter]) -> Bool {
        guard !letters.isEmpty, letters.count <= 7 else { return false }
        if letters.filter(\.hasTone).count > 1 { return false }
        let bases = letters.map(\.base)
        var index = 0
        var initial = ""
        while index < bases.count, !vowels.contains(bases[index]) {
            initial.append(bases[index])
            index += 1
        }
        // "qu" and "gi" take the vowel letter into the initial.
        if initial == "q", index < bases.count, bases[index] == "u" {
            initial = "qu"
            index += 1
        } else if initial == "g", index + 1 < bases.count, bases[index] == "i", vowels.contains(bases[index + 1]) {
            initial = "gi"
            index += 1
        }
        guard initials.contains(initial) else { return false }
        var nucleus = ""
        while index < bases.count, vowels.contains(bases[index]) {
            nucleus.append(bases[index])
            index += 1
        }
        let final = String(bases[index...])
        guard !nucleus.isEmpty, finals.contains(final) else { return false }
        return nuclei.contains(nucleus)
    }

    /// Counts words with Vietnamese diacritics that are (or are not) well-formed syllables, and stray
    /// symbols: Latin-1 signs (µ ¸ ¶ · ¹…), C1 controls, combining marks left over and U+FFFD.
    static func assess(_ text: String) -> (valid: Int, invalid: Int, stray: Int) {
        var valid = 0
        var invalid = 0
        var stray = 0
        var word: [Letter] = []
        var wordHasDiacritic = false
        var wordIsForeign = false

        func finishWord() {
            if wordHasDiacritic {
                if !wordIsForeign && isSyllable(word) { valid += 1 } else { invalid += 1 }
            }
            word.removeAll(keepingCapacity: true)
            wordHasDiacritic = false
            wordIsForeign = false
        }

        for scalar in text.unicodeScalars {
            if let letter = letter(scalar) {
                word.append(letter)
                if scalar.value >= 0x80 { wordHasDiacritic = true }
                continue
            }
            let value = scalar.value
            if value >= 0x80, scalar.properties.isAlphabetic, !(0x300...0x36F).contains(value) {
                // A letter Vietnamese does not use (ø, ß, æ…): part of a word, which it spoils.
                word.append(Letter(base: "?", hasTone: false))
                wordHasDiacritic = true
                wordIsForeign = true
                continue
            }
            finishWord()
            if (0x80...0xBF).contains(value) && value != 0xA0 || value == 0xD7 || value == 0xF7
                || (0x300...0x36F).contains(value) || value == 0xFFFD
            {
                stray += 1
            }
        }
        finishWord()
        return (valid, invalid, stray)
    }
}
