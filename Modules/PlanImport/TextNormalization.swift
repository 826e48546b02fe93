import Foundation
import OOXML

/// Small, allocation-light text helpers shared by the parsers (no `Regex` in hot paths).
enum TextNormalization {
    /// NFC, tabs and other spaces as " ", runs of white space collapsed, trimmed.
    static func clean(_ text: String) -> String {
        collapseWhitespace(nfc(text))
    }

    /// NFC normalisation; cheap when the text holds nothing that normalisation could change.
    static func nfc(_ text: String) -> String {
        NFC.isCertainlyNormalised(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Collapses every run of white space (including no-break and other Unicode spaces) to one space,
    /// and trims. Works on UTF-8 bytes; returns the text itself when there is nothing to change.
    static func collapseWhitespace(_ text: String) -> String {
        var bytes: [UInt8] = []
        var changed = false
        var pendingSpace = false
        var count = 0
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { input in
            count = input.count
            bytes.reserveCapacity(input.count)
            var index = 0
            while index < input.count {
                let width = spaceWidth(input, at: index)
                if width > 0 {
                    if width > 1 || input[index] != 0x20 || pendingSpace || bytes.isEmpty { changed = true }
                    pendingSpace = !bytes.isEmpty
                    index += width
                    continue
                }
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(input[index])
                index += 1
            }
            return true
        }
        guard done == true else { return collapseWhitespace(String(decoding: Array(text.utf8), as: UTF8.self)) }
        if pendingSpace || bytes.count != count { changed = true }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// The length in bytes of a white-space character at `index`, or 0: ASCII spaces and controls
    /// \t \n \v \f \r, U+00A0, U+2000…U+200B, U+202F, U+205F, U+3000, U+FEFF.
    @inline(__always)
    private static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case 0x20, 0x09...0x0D: return 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count else { return 0 }
            let b1 = bytes[index + 1]
            let b2 = bytes[index + 2]
            if b1 == 0x80, (0x80...0x8B).contains(b2) || b2 == 0xAF { return 3 }
            if b1 == 0x81, b2 == 0x9F { return 3 }
            return 0
        case 0xE3: return index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xEF: return index + 2 < bytes.count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF ? 3 : 0
        default: return 0
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// A key for comparing wording: lower case, "Ð" (eth) as "đ", white space collapsed, NFC.
    static func fold(_ text: some StringProtocol) -> String {
        lowercase(clean(String(text)))
    }

    /// Lower case for Vietnamese text, scalar by scalar (a table for Latin and Vietnamese letters, the
    /// Unicode mapping otherwise); "Ð" (eth, often typed for Đ) becomes "đ".
    static func lowercase(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        return string(text.unicodeScalars.lazy.map { lowercase($0) }, capacity: text.utf8.count)
    }

    /// The text of a run of scalars, built from their UTF-8 bytes (appending to a `UnicodeScalarView`
    /// costs more on the hot paths of the importer).
    static func string(_ scalars: some Sequence<Unicode.Scalar>, capacity: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        for scalar in scalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        switch value {
        case 0x41...0x5A: return Unicode.Scalar(value + 0x20)!
        case 0x00D0: return "đ"
        case 0x00C0...0x00DE where value != 0xD7: return Unicode.Scalar(value + 0x20)!
        case 0x0100...0x012F where value % 2 == 0, 0x014A...0x0177 where value % 2 == 0:
            return Unicode.Scalar(value + 1)!
        case 0x01A0, 0x01AF: return Unicode.Scalar(value + 1)!
        case 0x1EA0...0x1EF9 where value % 2 == 0: return Unicode.Scalar(value + 1)!
        case 0x61...0x7A, 0x00DF...0x00FF, 0x01A1, 0x01B0: return scalar
        case ..<0x80: return scalar
        default:
            guard scalar.properties.isUppercase || scalar.properties.changesWhenLowercased else { return scalar }
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            return mapped.count == 1 ? mapped.first! : scalar
        }
    }

    /// Whether `needle` occurs in `haystack` (byte comparison of UTF-8; both NFC).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.utf8)
        let n = Array(needle.utf8)
        guard !n.isEmpty, h.count >= n.count else { return n.isEmpty }
        var start = 0
        while start + n.count <= h.count {
            if h[start] == n[0] {
                var offset = 1
                while offset < n.count, h[start + offset] == n[offset] { offset += 1 }
                if offset == n.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Removes the given characters from both ends (and surrounding white space).
    static func trim(_ text: some StringProtocol, _ characters: Set<Unicode.Scalar>) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, isTrimmable(first, characters) { scalars.removeFirst() }
        while let last = scalars.last, isTrimmable(last, characters) { scalars.removeLast() }
        return String(scalars)
    }

    @inline(__always)
    private static func isTrimmable(_ scalar: Unicode.Scalar, _ characters: Set<Unicode.Scalar>) -> Bool {
        isSpace(scalar) || characters.contains(scalar)
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
        var textBytes = text.utf8.makeIterator()
        for byte in prefix.utf8 {
            guard textBytes.next() == byte else { return false }
        }
        // The next character must not continue the word.
        guard let next = text.utf8.dropFirst(prefix.utf8.count).first else { return true }
        if next < 0x80 {
            return !InlineAssignmentParser.isWordScalar(Unicode.Scalar(next))
        }
        let rest = text.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
        guard let scalar = rest.first else { return true }
        return !scalar.properties.isAlphabetic && !(0x300...0x36F).contains(scalar.value)
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
        guard text.utf8.contains(0x28) || text.utf8.contains(0x29) else { return text }
        var result = text
        while true {
            var opens = 0
            var closes = 0
            for byte in result.utf8 {
                if byte == 0x28 { opens += 1 } else if byte == 0x29 { closes += 1 }
            }
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
