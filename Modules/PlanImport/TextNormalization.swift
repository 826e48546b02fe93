import Foundation

/// Small, allocation-light text helpers shared by the parsers (no `Regex` in hot paths).
enum TextNormalization {
    /// NFC, tabs and other spaces as " ", runs of white space collapsed, trimmed.
    static func clean(_ text: String) -> String {
        collapseWhitespace(nfc(text))
    }

    /// NFC normalisation; cheap when the text holds nothing that normalisation could change.
    static func nfc(_ text: String) -> String {
        if isSurelyNFC(text) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is one that NFC leaves alone and that composes with nothing before it:
    /// Latin up to U+02FF (incl. ă â đ ê ô ơ ư), precomposed Vietnamese (U+1E00–U+1EFF), general
    /// punctuation and currency signs. Combining marks (decomposed text) take the slow path.
    static func isSurelyNFC(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x300 || (0x1E00...0x1EFF).contains(value) || (0x2000...0x20CF).contains(value)
                || (0x2190...0x25FF).contains(value) || value == 0xFEFF
            {
                continue
            }
            return false
        }
        return true
    }

    /// Collapses every run of white space (including no-break spaces) to one space, and trims.
    static func collapseWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(scalar)
        }
        return String(out)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// A key for comparing wording: lower case, "Ð" (eth) as "đ", white space collapsed, NFC.
    static func fold(_ text: some StringProtocol) -> String {
        var lowered = clean(String(text)).lowercased()
        if lowered.unicodeScalars.contains("ð") {
            lowered = String(String.UnicodeScalarView(lowered.unicodeScalars.map { $0 == "ð" ? "đ" : $0 }))
        }
        return lowered
    }

    /// Removes the given characters from both ends (and surrounding white space).
    static func trim(_ text: some StringProtocol, _ characters: Set<Character>) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace || characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace || characters.contains(last) { slice.removeLast() }
        return String(slice)
    }

    /// Trailing list punctuation: ";", ",", "." and spaces.
    static func trimListPunctuation(_ text: some StringProtocol) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace || last == ";" || last == "," || last == "." {
            slice.removeLast()
        }
        return String(slice)
    }

    /// True when the text has letters and none of them is lower case ("KẾ HOẠCH", "PHÓ GIÁM ĐỐC").
    static func isUppercase(_ text: some StringProtocol) -> Bool {
        var sawLetter = false
        for character in text where character.isLetter {
            if character.isLowercase { return false }
            sawLetter = true
        }
        return sawLetter
    }

    /// Whether the first letter of the text is lower case (after opening quotes and brackets).
    static func startsLowercase(_ text: some StringProtocol) -> Bool {
        for character in text {
            if character.isLetter { return character.isLowercase }
            if character.isNumber { return false }
            if "\"“‘'(«".contains(character) { continue }
            return false
        }
        return false
    }

    /// Whether the first character is an upper-case letter.
    static func startsUppercase(_ text: some StringProtocol) -> Bool {
        guard let first = text.first else { return false }
        return first.isLetter && first.isUppercase
    }

    /// Words separated by spaces.
    static func words(_ text: some StringProtocol) -> [Substring] {
        Substring(text).split(separator: " ", omittingEmptySubsequences: true)
    }

    /// Whether `text` begins with `prefix` followed by the end or a non-letter (a whole-word prefix).
    static func hasWordPrefix(_ text: some StringProtocol, _ prefix: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let rest = text.dropFirst(prefix.count)
        guard let next = rest.first else { return true }
        return !next.isLetter && !next.isNumber
    }

    /// Every position where `needle` starts in `haystack` as a whole word (case as given).
    static func wordRanges(of needle: String, in haystack: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var searchStart = haystack.startIndex
        while searchStart < haystack.endIndex, let range = haystack.range(of: needle, range: searchStart..<haystack.endIndex) {
            let beforeOK = range.lowerBound == haystack.startIndex
                || !(haystack[haystack.index(before: range.lowerBound)].isLetter)
            let afterOK = range.upperBound == haystack.endIndex || !(haystack[range.upperBound].isLetter)
            if beforeOK && afterOK { result.append(range) }
            searchStart = range.upperBound
        }
        return result
    }

    /// Leading decimal digits as an integer, and the rest.
    static func leadingInteger(_ text: Substring) -> (Int, Substring)? {
        var digits = 0
        var value = 0
        for character in text {
            guard let digit = character.wholeNumberValue, character.isASCII, digits < 9 else { break }
            value = value * 10 + digit
            digits += 1
        }
        guard digits > 0 else { return nil }
        return (value, text.dropFirst(digits))
    }

    /// Drops a trailing ")" or leading "(" that has no partner, with the punctuation it leaves behind:
    /// "Quý II/2024)" → "Quý II/2024", but "Ban Thi đua (thuộc Sở Nội vụ)" stays.
    static func trimUnbalancedParentheses(_ text: String) -> String {
        var result = text
        while true {
            let opens = result.filter { $0 == "(" }.count
            let closes = result.filter { $0 == ")" }.count
            if closes > opens, result.hasSuffix(")") {
                result = trim(result.dropLast(), [";", ",", "."])
            } else if opens > closes, result.hasPrefix("(") {
                result = trim(result.dropFirst(), [";", ",", "."])
            } else {
                return result
            }
        }
    }
}
