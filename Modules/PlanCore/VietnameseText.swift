import Foundation
import Synchronization

/// Vietnamese text at the boundaries: the stored form (NFC, tidy spaces) and the keys names are matched by.
///
/// Stored text keeps what the author wrote (tone placement, Ð, abbreviations); only keys fold. Keys are
/// honest: they never expand abbreviations ("UBND" stays "ubnd") and never merge different words.
public enum VietnameseText {
    /// NFC, trimmed, every run of white space (tabs, new lines, NBSP, zero-width spaces) as one space.
    public static func nfc(_ text: String) -> String {
        collapseWhitespace(text.precomposedStringWithCanonicalMapping)
    }

    /// "00:39 ngày 04/12/2026" in Việt Nam's time (UTC+7, no daylight saving) from a UTC instant as the
    /// store prints it ("2026-12-03T17:39:19Z"); the text as given when it is not of that form.
    public static func instant(fromUTC utc: String) -> String {
        let parts = utc.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        guard parts.count == 6, let day = Day(parts[0], parts[1], parts[2]) else { return utc }
        let minutes = parts[3] * 60 + parts[4] + 7 * 60
        let local = minutes >= 24 * 60 ? day.adding(days: 1) : day
        let clock = minutes % (24 * 60)
        let hh = clock / 60 < 10 ? "0\(clock / 60)" : "\(clock / 60)"
        let mm = clock % 60 < 10 ? "0\(clock % 60)" : "\(clock % 60)"
        return "\(hh):\(mm) ngày \(local.vietnamese)"
    }

    /// A number as Vietnamese writes it: "3", "2,5", "1.250", "1.234,75" (thousands with ".", decimals with
    /// ",", rounded to at most `decimals` decimals, no trailing zeros).
    public static func number(_ value: Double, decimals: Int = 2) -> String {
        var scale = 1
        for _ in 0..<max(0, min(decimals, 9)) { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        var whole = String(scaled / scale)
        var grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        var text = (value < 0 && scaled != 0 ? "-" : "") + whole + grouped
        if scale > 1, scaled % scale != 0 {
            var fraction = String(scaled % scale)
            fraction = String(repeating: "0", count: String(scale).count - 1 - fraction.count) + fraction
            while fraction.last == "0" { fraction.removeLast() }
            text += "," + fraction
        }
        return text
    }

    /// NFC and trimmed (white space including NBSP), inner spacing left as written.
    public static func trimmed(_ text: String) -> String {
        let scalars = text.precomposedStringWithCanonicalMapping.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The key to match names by: case folded (Đ→đ, Ð→đ), spaces folded, dashes and the spaces around
    /// them as one "-", no space before `, ; : . )`, trailing `. , ; :` dropped, and each syllable's tone
    /// mark on one canonical vowel, so "Hòa"/"hoà", "thủy"/"thuỷ", "qúy"/"quý" give the same key.
    public static func foldedKey(_ text: String) -> String {
        if let known = foldedKeys.withLock({ $0[text] }) { return known }
        let folded = computeFoldedKey(text)
        foldedKeys.withLock { cache in
            // Names and product texts repeat across a plan; a runaway cache is simply started again.
            if cache.count >= 100_000 { cache.removeAll(keepingCapacity: true) }
            cache[text] = folded
        }
        return folded
    }

    private static let foldedKeys = Mutex<[String: String]>([:])

    private static func computeFoldedKey(_ text: String) -> String {
        var folded = nfc(text)
        folded = String(folded.map { $0 == "Ð" ? "Đ" : ($0 == "ð" ? "đ" : $0) }).lowercased()
        folded = normalisePunctuation(folded)
        folded = VietnameseSyllable.retoneWords(folded)
        return folded.precomposedStringWithCanonicalMapping
    }

    /// The text with its first letter in upper case: a unit name written mid-sentence ("các phòng chuyên
    /// môn, nghiệp vụ thuộc Sở") at the start of a table cell or line.
    public static func capitalisedFirst(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// The folded key without any diacritic (đ→d), for accent-insensitive search ("hoa" finds "Hòa").
    public static func accentInsensitiveKey(_ text: String) -> String {
        let decomposed = foldedKey(text).decomposedStringWithCanonicalMapping.unicodeScalars
        var out = String.UnicodeScalarView()
        for scalar in decomposed where scalar.properties.canonicalCombiningClass == .notReordered {
            out.append(scalar == "đ" ? "d" : scalar)
        }
        return String(out)
    }

    /// Upper case for headings and the header block ("Sở Tư pháp" → "SỞ TƯ PHÁP"), in NFC.
    public static func upper(_ text: String) -> String {
        text.uppercased().precomposedStringWithCanonicalMapping
    }

    /// White space for the purposes of this module: Unicode White_Space plus zero-width space and BOM.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    static func collapseWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// Hyphens, dashes and the minus sign, which documents use interchangeably in names and ranges.
    static let dashes: Set<Character> = [
        "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE63}",
        "\u{FF0D}",
    ]

    /// Expects collapsed white space (single spaces).
    static func normalisePunctuation(_ text: String) -> String {
        var out: [Character] = []
        for character in text {
            if dashes.contains(character) {
                if out.last == " " { out.removeLast() }
                out.append("-")
            } else if character == " " {
                if out.last == "-" || out.last == "(" { continue }
                out.append(" ")
            } else if [",", ";", ":", ".", ")"].contains(character) {
                if out.last == " " { out.removeLast() }
                out.append(character)
            } else {
                out.append(character)
            }
        }
        while let last = out.last, [".", ",", ";", ":", " "].contains(last) { out.removeLast() }
        return String(out)
    }
}
