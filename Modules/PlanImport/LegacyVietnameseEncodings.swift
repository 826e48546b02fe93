import Foundation

/// Bảng mã cũ: the 8-bit Vietnamese encodings that still circulate in old files.
public enum LegacyVietnameseEncoding: String, Sendable, CaseIterable {
    /// TCVN 5712:1993 VN3 ("ABC", fonts .VnTime/.VnTimeH): one byte per precomposed lower-case letter.
    case tcvn3
    /// VNI-Windows (fonts VNI-Times): a base letter followed by a separate mark byte ("chaøo" = "chào").
    case vni
    /// Windows-1258: base letters and combining tone marks.
    case windows1258 = "windows-1258"
}

/// Detection and conversion of legacy Vietnamese encodings.
///
/// Both raw bytes (a text file that is not UTF-8) and text that was already decoded as Latin-1/CP1252
/// (what Word stores for runs in .VnTime or VNI fonts, or a TCVN3 text pasted into a Unicode file) are
/// handled as a sequence of "byte-like" code units: values below 0x100 are bytes, anything above passes
/// through unchanged.
enum LegacyVietnamese {
    // MARK: Detection

    /// Decodes bytes that are not UTF-8: the legacy encoding (or plain Windows-1252) that yields the most
    /// plausible Vietnamese text.
    static func decode(bytes: some Collection<UInt8>) -> (text: String, encoding: LegacyVietnameseEncoding?) {
        let units = bytes.map { UInt32($0) }
        var best = (text: decodeCP1252(units), encoding: LegacyVietnameseEncoding?.none)
        var bestScore = score(best.text)
        for encoding in LegacyVietnameseEncoding.allCases {
            let text = decode(units, as: encoding)
            let candidate = score(text)
            if candidate.value > bestScore.value {
                best = (text, encoding)
                bestScore = candidate
            }
        }
        return best
    }

    /// Whether Unicode text is really legacy bytes read as Latin-1 ("Céng hoµ x· héi" = "Cộng hòa xã hội"),
    /// and in which encoding. Nil when the text already reads as Vietnamese.
    static func detectMisread(in text: String) -> LegacyVietnameseEncoding? {
        // Quick test: legacy bytes read as Latin-1 show as symbols and letters Vietnamese does not use
        // (¸ µ ¶ · ¹ ¾ Ë Ö Ü ñ ø û ï …); Unicode Vietnamese has next to none of them.
        var strays = 0
        for scalar in text.unicodeScalars where (0x80...0xFF).contains(scalar.value) {
            if !vietnameseLetters.contains(scalar.value) {
                strays += 1
                if strays >= 3 { break }
            }
        }
        guard strays >= 3 else { return nil }
        let original = score(text)
        guard original.suspicious >= 3 else { return nil }
        let units = misreadUnits(text)
        var best: (encoding: LegacyVietnameseEncoding, score: Score)?
        for encoding in LegacyVietnameseEncoding.allCases {
            let candidate = score(decode(units, as: encoding))
            if candidate.value > (best?.score.value ?? Int.min) { best = (encoding, candidate) }
        }
        guard let best, best.score.value > original.value, best.score.suspicious * 4 < original.suspicious else {
            return nil
        }
        return best.encoding
    }

    /// Converts text that holds legacy bytes as Latin-1/CP1252 characters.
    static func convertMisread(_ text: String, from encoding: LegacyVietnameseEncoding) -> String {
        decode(misreadUnits(text), as: encoding)
    }

    // MARK: Scoring

    /// How Vietnamese a text looks: well-formed syllables with diacritics count for it; malformed ones
    /// and stray Latin-1 symbols against it.
    struct Score {
        var vietnamese = 0
        var suspicious = 0
        var value: Int { vietnamese - 3 * suspicious }
    }

    static func score(_ text: String) -> Score {
        let assessment = VietnameseSyllables.assess(text)
        return Score(vietnamese: assessment.valid, suspicious: assessment.invalid + assessment.stray)
    }

    /// Letters with Vietnamese diacritics (both cases), precomposed.
    static let vietnameseLetters: Set<UInt32> = {
        var set = Set<UInt32>(0x1EA0...0x1EF9)
        let latin: [UInt32] = [
            0xC0, 0xC1, 0xC2, 0xC3, 0xC8, 0xC9, 0xCA, 0xCC, 0xCD, 0xD2, 0xD3, 0xD4, 0xD5, 0xD9, 0xDA, 0xDD,
            0xE0, 0xE1, 0xE2, 0xE3, 0xE8, 0xE9, 0xEA, 0xEC, 0xED, 0xF2, 0xF3, 0xF4, 0xF5, 0xF9, 0xFA, 0xFD,
            0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0,
        ]
        set.formUnion(latin)
        return set
    }()

    // MARK: Code units

    /// Text decoded as Latin-1/CP1252 back to byte-like units (CP1252 symbols to 0x80…0x9F).
    static func misreadUnits(_ text: String) -> [UInt32] {
        text.unicodeScalars.map { scalar in
            let value = scalar.value
            if value < 0x100 { return value }
            if let index = cp1252Low.firstIndex(of: value) { return 0x80 + UInt32(index) }
            return value
        }
    }

    static func decode(_ units: [UInt32], as encoding: LegacyVietnameseEncoding) -> String {
        switch encoding {
        case .tcvn3: return decodeTCVN3(units)
        case .vni: return decodeVNI(units)
        case .windows1258: return decodeWindows1258(units)
        }
    }

    static func decodeCP1252(_ units: [UInt32]) -> String {
        var scalars = String.UnicodeScalarView()
        for unit in units { scalars.append(scalar(cp1252(unit))) }
        return String(scalars)
    }

    private static func cp1252(_ unit: UInt32) -> UInt32 {
        (0x80...0x9F).contains(unit) ? cp1252Low[Int(unit - 0x80)] : unit
    }

    private static func scalar(_ value: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    // MARK: TCVN3

    static func decodeTCVN3(_ units: [UInt32]) -> String {
        var scalars = String.UnicodeScalarView()
        for unit in units {
            if (0xA0...0xFF).contains(unit) {
                scalars.append(scalar(tcvn3High[Int(unit - 0xA0)]))
            } else {
                scalars.append(scalar(cp1252(unit)))
            }
        }
        let text = String(scalars).precomposedStringWithCanonicalMapping
        return fixCapitalsFont(text)
    }

    /// .VnTimeH draws lower-case byte values as capitals, so a heading typed in capitals comes out as
    /// "KÕ HO¹CH" → "Kế HOạCH". A line whose ASCII letters are all capitals is upper-cased entirely.
    static func fixCapitalsFont(_ text: String) -> String {
        var lines: [Substring] = []
        var changed = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var asciiUpper = 0
            var asciiLower = 0
            var vietnameseLower = 0
            for scalar in line.unicodeScalars {
                switch scalar.value {
                case 0x41...0x5A: asciiUpper += 1
                case 0x61...0x7A: asciiLower += 1
                default:
                    if vietnameseLetters.contains(scalar.value), scalar.properties.isLowercase { vietnameseLower += 1 }
                }
            }
            if asciiUpper >= 2, asciiLower == 0, vietnameseLower > 0 {
                lines.append(Substring(line.uppercased()))
                changed = true
            } else {
                lines.append(line)
            }
        }
        return changed ? lines.joined(separator: "\n") : text
    }

    // MARK: VNI

    private enum Modifier { case circumflex, breve }
    private enum Tone: UInt32 {
        case acute = 0x301, grave = 0x300, hook = 0x309, tilde = 0x303, dot = 0x323
    }

    /// Mark bytes (lower-case set; the upper-case set is the same list at other values).
    private static let vniMarks: [UInt32: (Modifier?, Tone?)] = {
        let lower: [(UInt32, Modifier?, Tone?)] = [
            (0xF9, nil, .acute), (0xF8, nil, .grave), (0xFB, nil, .hook), (0xF5, nil, .tilde), (0xEF, nil, .dot),
            (0xE2, .circumflex, nil), (0xE1, .circumflex, .acute), (0xE0, .circumflex, .grave),
            (0xE5, .circumflex, .hook), (0xE3, .circumflex, .tilde), (0xE4, .circumflex, .dot),
            (0xEA, .breve, nil), (0xE9, .breve, .acute), (0xE8, .breve, .grave), (0xFA, .breve, .hook),
            (0xFC, .breve, .tilde), (0xEB, .breve, .dot),
        ]
        let upper: [UInt32] = [
            0xD9, 0xD8, 0xDB, 0xD5, 0xCF, 0xC2, 0xC1, 0xC0, 0xC5, 0xC3, 0xC4, 0xCA, 0xC9, 0xC8, 0xDA, 0xDC, 0xCB,
        ]
        var table: [UInt32: (Modifier?, Tone?)] = [:]
        for (index, entry) in lower.enumerated() {
            table[entry.0] = (entry.1, entry.2)
            table[upper[index]] = (entry.1, entry.2)
        }
        return table
    }()

    /// Bytes that stand for a whole letter: ơ ư đ and the toned i/y forms.
    private static let vniStandalone: [UInt32: UInt32] = [
        0xF4: 0x1A1, 0xF6: 0x1B0, 0xF1: 0x111, 0xED: 0xED, 0xEC: 0xEC, 0xE6: 0x1EC9, 0xF3: 0x129, 0xF2: 0x1ECB,
        0xEE: 0x1EF5,
        0xD4: 0x1A0, 0xD6: 0x1AF, 0xD1: 0x110, 0xCD: 0xCD, 0xCC: 0xCC, 0xC6: 0x1EC8, 0xD3: 0x128, 0xD2: 0x1ECA,
        0xCE: 0x1EF4,
    ]

    static func decodeVNI(_ units: [UInt32]) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(units.count)
        for unit in units {
            if let whole = vniStandalone[unit] {
                scalars.append(scalar(whole))
                continue
            }
            if let (modifier, tone) = vniMarks[unit], let last = scalars.last,
                let composed = compose(last, modifier: modifier, tone: tone)
            {
                scalars[scalars.count - 1] = composed
                continue
            }
            scalars.append(scalar(unit < 0x100 ? cp1252(unit) : unit))
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// A vowel with a VNI modifier and/or tone, precomposed; nil when the combination is not Vietnamese.
    private static func compose(_ base: Unicode.Scalar, modifier: Modifier?, tone: Tone?) -> Unicode.Scalar? {
        let decomposed = Array(String(base).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard let letter = decomposed.first else { return nil }
        let existing = decomposed.dropFirst().map(\.value)
        let hasTone = existing.contains { Tone(rawValue: $0) != nil }
        let hasModifier = existing.contains { $0 == 0x302 || $0 == 0x306 || $0 == 0x31B }
        let lower = Character(letter).lowercased()
        var marks = existing
        if let modifier {
            guard !hasModifier, !hasTone else { return nil }
            switch modifier {
            case .circumflex: guard ["a", "e", "o"].contains(lower) else { return nil }
                marks.append(0x302)
            case .breve: guard lower == "a" else { return nil }
                marks.append(0x306)
            }
        }
        if let tone {
            guard !hasTone, ["a", "e", "i", "o", "u", "y"].contains(lower) else { return nil }
            marks.append(tone.rawValue)
        }
        var text = String(Character(letter))
        for mark in marks { text.unicodeScalars.append(scalar(mark)) }
        let composed = text.precomposedStringWithCanonicalMapping.unicodeScalars
        guard composed.count == 1, let result = composed.first else { return nil }
        return result
    }

    // MARK: Windows-1258

    static func decodeWindows1258(_ units: [UInt32]) -> String {
        var scalars = String.UnicodeScalarView()
        for unit in units {
            if (0x80...0xFF).contains(unit) {
                scalars.append(scalar(cp1258High[Int(unit - 0x80)]))
            } else {
                scalars.append(scalar(unit))
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    // MARK: Tables

    /// Windows-1252 for 0x80…0x9F (undefined values map to the C1 control of the same value).
    static let cp1252Low: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// TCVN 5712:1993 for 0xA0…0xFF: VN3 lower-case letters, plus the VN1 capitals in VN3's gaps.
    static let tcvn3High: [UInt32] = [
        0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1,
        0x01B0, 0x0111, 0x1EB0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, 0x00E1, 0x1EA1,
        0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, 0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7,
        0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3,
        0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, 0x1ED4,
        0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB,
        0x1EE3, 0x00F9, 0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1, 0x1EF3,
        0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
    ]

    /// Windows-1258 for 0x80…0xFF (undefined values map to the C1 control of the same value).
    static let cp1258High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x8A, 0x2039, 0x0152, 0x8D,
        0x8E, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x9A, 0x203A,
        0x0153, 0x9D, 0x9E, 0x0178, 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9,
        0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF, 0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6,
        0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF, 0x00C0, 0x00C1, 0x00C2, 0x0102,
        0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF, 0x0110,
        0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF,
        0x0303, 0x00DF, 0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA,
        0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF, 0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7,
        0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
    ]
}
