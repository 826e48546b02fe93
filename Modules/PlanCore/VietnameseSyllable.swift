import Foundation

/// Where a Vietnamese syllable carries its tone mark (dấu thanh), placed by one canonical rule.
///
/// A syllable is split into letters that keep their shape marks (ă â ê ô ơ ư, and đ) and a single tone
/// (sắc, huyền, hỏi, ngã, nặng); the tone then goes where the "new style" rule (kiểu mới) puts it:
/// 1. on the vowel with a shape mark, the last one if there are two ("người", "thuở", "khuyến");
/// 2. else, with a final consonant, on the last vowel ("hoàng", "quỳnh");
/// 3. else on the middle of three vowels ("ngoài", "khuỷu"), on the second of "oa", "oe", "uy"
///    ("hoà", "khoẻ", "thuỷ"), and on the first of any other pair ("mùa", "hài", "kìa").
/// "qu" and "gi" (before another vowel) are initial consonants: "quý", "giữa", but "gìn".
enum VietnameseSyllable {
    /// The tone marks, as combining characters.
    static let tones: Set<Unicode.Scalar> = ["\u{0301}", "\u{0300}", "\u{0309}", "\u{0303}", "\u{0323}"]
    static let vowels: Set<String> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    static let shapedVowels: Set<String> = ["ă", "â", "ê", "ô", "ơ", "ư"]
    /// Vowel pairs without a final consonant that take the tone on their second vowel.
    static let secondVowelPairs: Set<String> = ["oa", "oe", "uy"]

    /// Re-places the tone of every word (run of letters) of a lower-case text.
    static func retoneWords(_ text: String) -> String {
        var out = ""
        var word = ""
        for character in text {
            if character.isLetter {
                word.append(character)
            } else {
                out += retone(word)
                word = ""
                out.append(character)
            }
        }
        return out + retone(word)
    }

    /// One lower-case word with its tone re-placed; words that are not one toned syllable stay as they are.
    static func retone(_ word: String) -> String {
        // Without a non-ASCII letter there is no tone to move.
        guard word.utf8.contains(where: { $0 >= 0x80 }) else { return word }
        var letters: [(base: Unicode.Scalar, marks: [Unicode.Scalar])] = []
        var tone: [Unicode.Scalar] = []
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars {
            if tones.contains(scalar) {
                tone.append(scalar)
            } else if scalar.properties.canonicalCombiningClass != .notReordered {
                guard !letters.isEmpty else { return word }
                letters[letters.count - 1].marks.append(scalar)
            } else {
                letters.append((scalar, []))
            }
        }
        guard tone.count == 1 else { return word }
        let shapes = letters.map { String(String.UnicodeScalarView([$0.base] + $0.marks)).precomposedStringWithCanonicalMapping }
        guard let target = toneIndex(shapes) else { return word }
        var scalars = String.UnicodeScalarView()
        for (index, letter) in letters.enumerated() {
            scalars.append(letter.base)
            scalars.append(contentsOf: letter.marks)
            if index == target { scalars.append(tone[0]) }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// The index of the letter that carries the tone, or nil when the letters are not one syllable.
    static func toneIndex(_ letters: [String]) -> Int? {
        var start = 0
        if letters.starts(with: ["q", "u"]) {
            start = 2
        } else if letters.starts(with: ["g", "i"]), letters.count > 2, vowels.contains(letters[2]) {
            start = 2
        } else {
            while start < letters.count, !vowels.contains(letters[start]) { start += 1 }
        }
        var end = start
        while end < letters.count, vowels.contains(letters[end]) { end += 1 }
        let nucleus = start..<end
        // No vowel (an abbreviation, a bare "qu") or vowels after the final consonant (two syllables glued).
        guard !nucleus.isEmpty, !letters[end...].contains(where: vowels.contains) else { return nil }
        if let shaped = nucleus.last(where: { shapedVowels.contains(letters[$0]) }) { return shaped }
        if end < letters.count { return end - 1 }
        switch nucleus.count {
        case 1: return start
        case 2: return secondVowelPairs.contains(letters[start] + letters[start + 1]) ? start + 1 : start
        case 3: return start + 1
        default: return nil
        }
    }
}
