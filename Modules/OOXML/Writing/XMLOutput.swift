import Foundation

/// An append-only XML text buffer with escaping; no DOM, so large tables stay fast.
struct XMLOutput {
    /// The UTF-8 text written so far.
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// The text written so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends markup as is (the caller guarantees it is well-formed).
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends a non-negative integer's decimal digits without making a string.
    mutating func integer(_ value: Int) {
        guard value > 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// Appends character data: NFC-normalised, `&`, `<`, `>` escaped, characters illegal in XML 1.0 dropped.
    mutating func text(_ value: String) {
        append(value, inAttribute: false)
    }

    /// Appends an attribute value (without the quotes): like `text` but quotes are escaped too and
    /// tabs/line breaks become character references so they survive attribute normalisation.
    mutating func attribute(_ value: String) {
        append(value, inAttribute: true)
    }

    private mutating func append(_ value: String, inAttribute: Bool) {
        let normalised = NFC.isCertainlyNormalised(value) ? value : value.precomposedStringWithCanonicalMapping
        var utf8 = normalised.utf8.makeIterator()
        var needsWork = false
        while let byte = utf8.next() {
            if Self.isSpecial(byte, inAttribute: inAttribute) {
                needsWork = true
                break
            }
        }
        guard needsWork else {
            bytes.append(contentsOf: normalised.utf8)
            return
        }
        let source = Array(normalised.utf8)
        var index = 0
        while index < source.count {
            let byte = source[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
            case UInt8(ascii: "<"): bytes += Array("&lt;".utf8)
            case UInt8(ascii: ">"): bytes += Array("&gt;".utf8)
            case UInt8(ascii: "\"") where inAttribute: bytes += Array("&quot;".utf8)
            case UInt8(ascii: "'") where inAttribute: bytes += Array("&apos;".utf8)
            case 0x09, 0x0A, 0x0D:
                if inAttribute { bytes += Array("&#\(byte);".utf8) } else { bytes.append(byte) }
            case 0xEF where index + 1 < source.count && source[index] == 0xBF && source[index + 1] >= 0xBE:
                index += 2  // U+FFFE and U+FFFF are not XML characters
            default:
                if byte >= 0x20 { bytes.append(byte) }  // other C0 controls are not XML characters
            }
        }
    }

    /// Bytes that need escaping or removal (0xEF may start U+FFFE/U+FFFF).
    private static func isSpecial(_ byte: UInt8, inAttribute: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0xEF: true
        case UInt8(ascii: "\""), UInt8(ascii: "'"), 0x09, 0x0A, 0x0D: inAttribute
        default: byte < 0x20
        }
    }
}

/// A fast, conservative NFC check: text made only of code points that are NFC-stable on their own and
/// never combine (ASCII, Latin-1, Latin Extended A/B, precomposed Vietnamese letters, punctuation,
/// super- and subscripts, currency signs, arrows, mathematical and technical signs, box drawing, the
/// BOM) is already NFC; anything else goes through Foundation's normaliser. U+2000, U+2001, U+2329 and
/// U+232A are left out: NFC replaces them.
public enum NFC {
    public static func isCertainlyNormalised(_ value: String) -> Bool {
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0..<0x300, 0x1E00...0x1EFF, 0x2002...0x20CF, 0x2190...0x2328, 0x232B...0x25FF, 0xFEFF: continue
            default: return false
            }
        }
        return true
    }
}
