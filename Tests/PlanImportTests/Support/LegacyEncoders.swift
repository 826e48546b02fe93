import Foundation
@testable import PlanImport

/// Encoders for the legacy encodings, written independently of the decoders from the published
/// layouts, to produce test input.
enum LegacyEncoders {
    /// Typographic punctuation (“ ” – …) by its Windows-1252 byte.
    static func punctuation(_ character: Character) -> UInt8? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        if let index = LegacyVietnamese.cp1252Low.firstIndex(of: scalar.value) { return UInt8(0x80 + index) }
        return nil
    }

    /// TCVN3 (ABC): lower-case letters and Ă Â Ê Ô Ơ Ư Đ have bytes; capitals with tones do not, so
    /// (as in .VnTimeH) they are written with the lower-case byte.
    static func tcvn3(_ text: String) -> Data {
        var reverse: [Character: UInt8] = [:]
        for (offset, value) in LegacyVietnamese.tcvn3High.enumerated() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            // VN3 proper: lower-case letters and the seven capitals (0xA1…0xA7).
            if character.isLowercase || (0xA1...0xA7).contains(0xA0 + offset) {
                reverse[character] = UInt8(0xA0 + offset)
            }
        }
        var bytes: [UInt8] = []
        for character in text {
            if character.isASCII, let ascii = character.asciiValue {
                bytes.append(ascii)
            } else if let byte = punctuation(character) {
                bytes.append(byte)
            } else if let byte = reverse[character] {
                bytes.append(byte)
            } else if let lower = Character(character.lowercased()) as Character?, let byte = reverse[lower] {
                bytes.append(byte)
            } else {
                bytes.append(0x3F)
            }
        }
        return Data(bytes)
    }

    private static let tones: [UInt32: Int] = [0x301: 0, 0x300: 1, 0x309: 2, 0x303: 3, 0x323: 4]

    /// VNI-Windows: base letter + mark byte; ơ ư đ and the toned i/ỵ as single bytes.
    static func vni(_ text: String) -> Data {
        // Marks for tone (sắc huyền hỏi ngã nặng), for circumflex + tone, breve + tone; lower then upper.
        let toneMarks: [[UInt8]] = [[0xF9, 0xF8, 0xFB, 0xF5, 0xEF], [0xD9, 0xD8, 0xDB, 0xD5, 0xCF]]
        let circumflex: [[UInt8]] = [[0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4], [0xC2, 0xC1, 0xC0, 0xC5, 0xC3, 0xC4]]
        let breve: [[UInt8]] = [[0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB], [0xCA, 0xC9, 0xC8, 0xDA, 0xDC, 0xCB]]
        let iForms: [[UInt8]] = [[0xED, 0xEC, 0xE6, 0xF3, 0xF2], [0xCD, 0xCC, 0xC6, 0xD3, 0xD2]]
        var bytes: [UInt8] = []
        for character in text {
            if let ascii = character.asciiValue {
                bytes.append(ascii)
                continue
            }
            if let byte = punctuation(character) {
                bytes.append(byte)
                continue
            }
            let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
            let base = scalars[0]
            let upper = base.properties.isUppercase ? 1 : 0
            let tone = scalars.dropFirst().compactMap { tones[$0.value] }.first
            let marks = Set(scalars.dropFirst().map(\.value))
            let letter = Character(base).lowercased()
            if character == "đ" || character == "Đ" {
                bytes.append(upper == 1 ? 0xD1 : 0xF1)
                continue
            }
            if marks.contains(0x31B) {  // horn: ơ ư
                bytes.append(letter == "o" ? (upper == 1 ? 0xD4 : 0xF4) : (upper == 1 ? 0xD6 : 0xF6))
                if let tone { bytes.append(toneMarks[upper][tone]) }
                continue
            }
            if letter == "i", let tone {
                bytes.append(iForms[upper][tone])
                continue
            }
            if letter == "y", tone == 4 {
                bytes.append(upper == 1 ? 0xCE : 0xEE)
                continue
            }
            bytes.append(UInt8(base.value))
            if marks.contains(0x302) {
                bytes.append(circumflex[upper][tone.map { $0 + 1 } ?? 0])
            } else if marks.contains(0x306) {
                bytes.append(breve[upper][tone.map { $0 + 1 } ?? 0])
            } else if let tone {
                bytes.append(toneMarks[upper][tone])
            }
        }
        return Data(bytes)
    }

    /// Windows-1258: Â Ê Ô Ă Ơ Ư Đ and the plain Latin-1 letters precomposed, tones as combining bytes.
    static func windows1258(_ text: String) -> Data {
        var reverse: [UInt32: UInt8] = [:]
        for (offset, value) in LegacyVietnamese.cp1258High.enumerated() where value > 0x9F {
            reverse[value] = UInt8(0x80 + offset)
        }
        var bytes: [UInt8] = []
        for character in text {
            if let byte = punctuation(character) {
                bytes.append(byte)
                continue
            }
            var tone: UInt32?
            var base = String.UnicodeScalarView()
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
                if tones[scalar.value] != nil { tone = scalar.value } else { base.append(scalar) }
            }
            for scalar in String(base).precomposedStringWithCanonicalMapping.unicodeScalars {
                bytes.append(scalar.value < 0x80 ? UInt8(scalar.value) : reverse[scalar.value] ?? 0x3F)
            }
            if let tone { bytes.append(reverse[tone] ?? 0x3F) }
        }
        return Data(bytes)
    }
}
