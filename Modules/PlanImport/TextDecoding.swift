import Foundation

/// How the bytes of a text file were read.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case tcvn3
    case vni
    case windows1258 = "windows-1258"
    /// Plain Windows-1252 (no Vietnamese letters found in any legacy encoding).
    case windows1252 = "windows-1252"
}

/// Text decoded from a file, NFC, with its encoding.
struct DecodedText: Equatable {
    var text: String
    var encoding: TextEncoding
    /// Set when the text (or what looked like UTF-8) was converted from a legacy Vietnamese encoding.
    var legacy: LegacyVietnameseEncoding?
}

/// Bytes → text: BOMs, UTF-8, UTF-16 with or without BOM, and the legacy Vietnamese encodings.
enum TextDecoding {
    /// Decodes a text file; nil when the bytes are binary (mostly control bytes) rather than text.
    static func decode(_ data: Data) -> DecodedText? {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return fromUnicode(decodeUTF8(bytes[3...]), encoding: .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return fromUnicode(decodeUTF16(bytes[2...], littleEndian: true), encoding: .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return fromUnicode(decodeUTF16(bytes[2...], littleEndian: false), encoding: .utf16BE)
        }
        if let littleEndian = utf16WithoutBOM(bytes) {
            return fromUnicode(
                decodeUTF16(bytes[...], littleEndian: littleEndian), encoding: littleEndian ? .utf16LE : .utf16BE)
        }
        if isBinary(bytes) { return nil }
        if let text = strictUTF8(bytes) {
            return fromUnicode(text, encoding: .utf8)
        }
        let (text, legacy) = LegacyVietnamese.decode(bytes: bytes)
        let encoding: TextEncoding
        switch legacy {
        case .tcvn3: encoding = .tcvn3
        case .vni: encoding = .vni
        case .windows1258: encoding = .windows1258
        case nil: encoding = .windows1252
        }
        return finish(DecodedText(text: text, encoding: encoding, legacy: legacy))
    }

    /// Unicode text may still hold a legacy encoding read as Latin-1 (a .VnTime text pasted as is).
    private static func fromUnicode(_ text: String, encoding: TextEncoding) -> DecodedText? {
        if let legacy = LegacyVietnamese.detectMisread(in: text) {
            let converted = LegacyVietnamese.convertMisread(text, from: legacy)
            return finish(DecodedText(text: converted, encoding: encoding, legacy: legacy))
        }
        return finish(DecodedText(text: text, encoding: encoding, legacy: nil))
    }

    private static func finish(_ decoded: DecodedText) -> DecodedText? {
        var result = decoded
        result.text = TextNormalization.nfc(decoded.text)
        return isGarbage(result.text) ? nil : result
    }

    // MARK: UTF-8 and UTF-16

    /// UTF-8 when the bytes are valid; a multi-byte sequence cut at the very end is dropped.
    static func strictUTF8(_ bytes: [UInt8]) -> String? {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // A file truncated inside its last character.
        for cut in 1...3 where bytes.count > cut {
            let head = bytes.dropLast(cut)
            if let last = head.last, last < 0x80 || last >= 0xC0 || cut == 3 {
                if let text = String(validating: head, as: UTF8.self) { return text }
            }
        }
        return nil
    }

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index])
            let b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// UTF-16 without a BOM shows as zero bytes in every other position (for Latin and Vietnamese
    /// text, the high byte of most units is 0x00 or 0x1E).
    private static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count >= 8, bytes.count % 2 == 0 else { return nil }
        let sample = bytes.prefix(4096)
        var evenZeros = 0
        var oddZeros = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 10 >= pairs * 4, evenZeros * 20 <= pairs { return true }
        if evenZeros * 10 >= pairs * 4, oddZeros * 20 <= pairs { return false }
        return nil
    }

    // MARK: Binary and garbage

    /// Control bytes other than tab, line feed, carriage return and form feed, in the first 64 KiB.
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(65_536)
        guard !sample.isEmpty else { return false }
        var controls = 0
        for byte in sample where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
            controls += 1
        }
        return controls * 50 > sample.count  // more than 2 %
    }

    /// Text that is mostly control characters or replacement characters.
    static func isGarbage(_ text: String) -> Bool {
        var total = 0
        var bad = 0
        for scalar in text.unicodeScalars.prefix(65_536) {
            total += 1
            let value = scalar.value
            if value == 0xFFFD || (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0x0C)
                || (0x7F...0x9F).contains(value)
            {
                bad += 1
            }
        }
        return total > 0 && bad * 10 > total  // more than 10 %
    }
}
