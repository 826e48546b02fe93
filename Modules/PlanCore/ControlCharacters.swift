/// Control characters in text people typed or imported: C0 (U+0000–U+001F), DEL and C1 (U+0080–U+009F),
/// except tab, line feed and carriage return. Stored, they would reach a terminal raw (ESC sequences that
/// rewrite the screen, BEL) or a spreadsheet; they are refused at the input and shown escaped on output.
public enum ControlCharacters {
    /// Whether `scalar` is a control character other than tab, LF and CR.
    @inlinable
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return value >= 0x7F && value <= 0x9F
    }

    /// The first forbidden control character of `text`, if any.
    public static func first(in text: String) -> Unicode.Scalar? {
        // Every forbidden character's UTF-8 starts with a byte below 0x20, 0x7F or 0xC2: skip the rest fast.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return nil }
        return text.unicodeScalars.first(where: isForbidden)
    }

    /// `U+001B`: how a refusal names the character.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        "U+" + hex(scalar)
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The text with each forbidden control character written visibly as `\u001B`, for terminals and files.
    public static func escaped(_ text: String) -> String {
        guard first(in: text) != nil else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) {
                out.append(contentsOf: ("\\u" + hex(scalar)).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
