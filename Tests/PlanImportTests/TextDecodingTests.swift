import Foundation
import PlanCore
import Testing
@testable import PlanImport

/// Text files in every Unicode form a Windows or Mac user produces read the same.
@Suite("Text decoding")
struct TextDecodingTests {
    static let sample = "KẾ HOẠCH\nThông tin, tuyên truyền cải cách hành chính năm 2024"

    @Test("UTF-8 with and without BOM")
    func utf8() throws {
        let plain = try #require(TextDecoding.decode(Data(Self.sample.utf8)))
        let bom = try #require(TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data(Self.sample.utf8)))
        #expect(plain.text == Self.sample)
        #expect(bom.text == Self.sample)
        #expect(bom.encoding == .utf8)
    }

    @Test("UTF-16 little- and big-endian, with a BOM or without")
    func utf16() throws {
        let little = try #require(Self.sample.data(using: .utf16LittleEndian))
        let big = try #require(Self.sample.data(using: .utf16BigEndian))
        let cases: [(Data, TextEncoding)] = [
            (Data([0xFF, 0xFE]) + little, .utf16LE), (Data([0xFE, 0xFF]) + big, .utf16BE), (little, .utf16LE),
            (big, .utf16BE),
        ]
        for (data, encoding) in cases {
            let decoded = try #require(TextDecoding.decode(data))
            #expect(decoded.text == Self.sample)
            #expect(decoded.encoding == encoding)
        }
    }

    @Test("decomposed (NFD) text becomes NFC")
    func nfd() throws {
        let decomposed = Self.sample.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > Self.sample.unicodeScalars.count)
        let decoded = try #require(TextDecoding.decode(Data(decomposed.utf8)))
        #expect(decoded.text.unicodeScalars.elementsEqual(Self.sample.unicodeScalars))
    }

    @Test("a UTF-8 file cut inside its last character loses only that character")
    func truncatedUTF8() throws {
        let bytes = Array("Kế hoạch năm".utf8)
        let cut = Data(bytes.dropLast(1))  // "m" is ASCII; cut inside "ă" instead
        let inside = Data(Array("Kế hoạch nă".utf8).dropLast(1))
        #expect(TextDecoding.decode(cut)?.text == "Kế hoạch nă")
        #expect(TextDecoding.decode(inside)?.text == "Kế hoạch n")
    }

    @Test("CRLF, CR and LF all end lines")
    func lineEndings() {
        let lines = TextBlockReader.splitLines("a\r\nb\rc\nd")
        #expect(lines == ["a", "b", "c", "d"])
    }

    @Test("a plan saved as UTF-16, with CRLF, or decomposed imports exactly like the UTF-8 original")
    func wholePlanInOtherForms() throws {
        let original = try String(contentsOf: Fixtures.url("96-KH-UBND-2024.txt"), encoding: .utf8)
        let reference = try importText(original)
        let variants: [Data] = [
            Data([0xFF, 0xFE]) + (original.data(using: .utf16LittleEndian) ?? Data()),
            Data([0xFE, 0xFF]) + (original.data(using: .utf16BigEndian) ?? Data()),
            Data(original.replacingOccurrences(of: "\n", with: "\r\n").utf8),
            Data(original.replacingOccurrences(of: "\n", with: "\r").utf8),
            Data(original.decomposedStringWithCanonicalMapping.utf8),
        ]
        for data in variants {
            let plan = try PlanImporter().read(data: data, fileName: "96.txt")
            #expect(plan.document == reference.document)
            #expect(plan.activities == reference.activities)
            #expect(plan.sections == reference.sections)
        }
    }

    @Test("binary bytes are not text")
    func binary() {
        var bytes = [UInt8](repeating: 0, count: 400)
        for index in bytes.indices { bytes[index] = UInt8((index * 37) % 256) }
        #expect(TextDecoding.decode(Data(bytes)) == nil)
    }

    @Test("characters NFC replaces on their own are replaced, even among text the quick check passes")
    func singletonDecompositions() {
        #expect(TextNormalization.nfc("Điều 1\u{2329}a\u{232A}") == "Điều 1\u{3008}a\u{3009}")
        #expect(TextNormalization.nfc("a\u{2000}b") == "a\u{2002}b")
        #expect(TextNormalization.nfc("Hòa → Bình — 2024") == "Hòa → Bình — 2024")
    }
}
