import Foundation
@testable import OOXML
import Testing
import ZIPFoundation

/// Untrusted packages are refused with a precise error, never a crash, hang or runaway allocation.
@Suite("Package safety")
struct PackageSafetyTests {
    static let megabyte = 1024 * 1024

    @Test("Bytes that are not a ZIP package", arguments: [Data(), Data("Kế hoạch số 45".utf8), Data(count: 4096)])
    func notAZip(data: Data) {
        #expect(throws: OOXMLError.notAZip) { try WordDocument(docx: data) }
    }

    @Test("A password-protected .docx (an OLE compound file) is reported as encrypted")
    func encryptedOLE() {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        #expect(throws: OOXMLError.encrypted) { try WordDocument(docx: ole) }
        #expect(OOXMLError.encrypted.description.contains("mật khẩu"))
    }

    @Test("An entry with the ZIP encryption flag is reported as encrypted")
    func encryptedEntry() {
        let entry = RawZip.Entry(name: "word/document.xml", payload: [1, 2, 3], crc32: 0, uncompressedSize: 3, flags: 1)
        #expect(throws: OOXMLError.encrypted) { try WordDocument(docx: RawZip.build([entry])) }
    }

    @Test("A file cut short is truncated, whatever the cut", arguments: [0.3, 0.6, 0.95])
    func truncated(fraction: Double) throws {
        let docx = try TestPackage.docx(body: TestPackage.paragraph(String(repeating: "Cải cách hành chính. ", count: 500)))
        let cut = docx.prefix(Int(Double(docx.count) * fraction))
        #expect(throws: OOXMLError.truncated) { try WordDocument(docx: Data(cut)) }
    }

    @Test("Damaged compressed data or a wrong checksum is reported as truncated, not garbage")
    func damagedEntry() throws {
        let text = Array(TestPackage.document(TestPackage.paragraph("nội dung")).utf8)
        let good = RawZip.Entry(name: "word/document.xml", payload: text, crc32: RawZip.crc32(text),
                                uncompressedSize: UInt32(text.count))
        var badChecksum = good
        badChecksum.crc32 ^= 1
        #expect(throws: OOXMLError.truncated) { try WordDocument(docx: RawZip.build([badChecksum])) }
        // A deflate stored block claiming 65,535 bytes that are not there: must end with an error, not spin
        // (the zlib decoder would wait for input forever if fed past the entry).
        var endless = good
        endless.method = 8
        endless.payload = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array(text.prefix(10))
        #expect(throws: OOXMLError.truncated) { try WordDocument(docx: RawZip.build([endless])) }
        endless.payload = [0x00, 0x10, 0x00, 0xEF, 0xFF] + Array(text.prefix(10))
        endless.uncompressedSize = 16
        #expect(throws: OOXMLError.truncated) { try WordDocument(docx: RawZip.build([endless])) }
        var unknownMethod = good
        unknownMethod.method = 14
        #expect(throws: OOXMLError.truncated) { try WordDocument(docx: RawZip.build([unknownMethod])) }
        #expect(try WordDocument(docx: RawZip.build([good])).paragraphs.map(\.text) == ["nội dung"])
    }

    @Test("A ZIP that is not a Word document lacks word/document.xml")
    func missingPart() throws {
        let zip = try TestPackage.zip([("notes.txt", Data("không phải docx".utf8))])
        #expect(throws: OOXMLError.missingPart("word/document.xml")) { try WordDocument(docx: zip) }
        #expect(OOXMLError.missingPart("word/document.xml").description == "Thiếu phần word/document.xml")
    }

    /// Two spellings of one part name as the part lookup sees them (case, "\\" for "/", a leading "/").
    static let duplicateNames: [(String, String)] = [
        ("word/document.xml", "word/document.xml"), ("word/document.xml", "Word/Document.XML"),
        ("word/document.xml", "word\\document.xml"), ("word/document.xml", "/word/document.xml"),
        ("[Content_Types].xml", "[content_types].xml"),
    ]

    static func storedEntry(_ name: String, _ text: String) -> RawZip.Entry {
        let bytes = Array(TestPackage.document(TestPackage.paragraph(text)).utf8)
        return RawZip.Entry(name: name, payload: bytes, crc32: RawZip.crc32(bytes), uncompressedSize: UInt32(bytes.count))
    }

    @Test("Two entries with one name are refused, naming the entry: two readers could see two documents",
          arguments: duplicateNames)
    func duplicateEntries(first: String, second: String) {
        let zip = RawZip.build([
            Self.storedEntry(first, "Kế hoạch thật"), Self.storedEntry("word/styles.xml", "x"),
            Self.storedEntry(second, "Kế hoạch giả"),
        ])
        #expect(throws: OOXMLError.duplicateEntry(part: first)) { try WordDocument(docx: zip) }
    }

    @Test("Names that only look alike are distinct parts; the duplicate message is Vietnamese and names the part")
    func distinctEntries() throws {
        let zip = RawZip.build([
            Self.storedEntry("word/document.xml", "Kế hoạch thật"), Self.storedEntry("word/document.xml.bak", "cũ"),
            Self.storedEntry("word/document2.xml", "khác"),
        ])
        #expect(try WordDocument(docx: zip).paragraphs.map(\.text) == ["Kế hoạch thật"])
        #expect(OOXMLError.duplicateEntry(part: "word/document.xml").description
            == "Gói .docx có hai phần cùng tên “word/document.xml”; tệp bị từ chối vì lý do an toàn "
                + "(mỗi chương trình có thể đọc ra một nội dung khác nhau)")
    }

    @Test("Zip bomb: 60 MB of zeros (about 60 KB compressed) is refused as too large")
    func zipBomb() throws {
        let zeros = Data(count: 60 * Self.megabyte)
        let bomb = try TestPackage.zip([
            ("_rels/.rels", Data(TestPackage.packageRelationships.utf8)), ("word/document.xml", zeros),
        ])
        #expect(bomb.count < 200 * 1024)
        #expect(throws: OOXMLError.entryTooLarge(part: "word/document.xml", limit: 50 * Self.megabyte)) {
            try WordDocument(docx: bomb)
        }
    }

    @Test("Zip bomb with a lying header: only the declared size is kept, the rest is counted up to the limit")
    func lyingZipBomb() throws {
        let zeros = Data(count: 60 * Self.megabyte)
        var compressed: [UInt8] = []
        _ = try Data.compress(size: Int64(zeros.count), bufferSize: 64 * 1024, provider: { position, size in
            zeros.subdata(in: Int(position)..<(Int(position) + size))
        }, consumer: { compressed += $0 })
        let liar = RawZip.Entry(name: "word/document.xml", method: 8, payload: compressed, crc32: 0, uncompressedSize: 1000)
        #expect(throws: OOXMLError.entryTooLarge(part: "word/document.xml", limit: 50 * Self.megabyte)) {
            try WordDocument(docx: RawZip.build([liar]))
        }
    }

    @Test("The inflater streams: it keeps what it may, counts the rest and gives up at its limit")
    func inflaterStopsAtLimit() throws {
        let zeros = Data(count: 60 * Self.megabyte)
        var compressed: [UInt8] = []
        _ = try Data.compress(size: Int64(zeros.count), bufferSize: 64 * 1024, provider: { position, size in
            zeros.subdata(in: Int(position)..<(Int(position) + size))
        }, consumer: { compressed += $0 })
        #expect(throws: BoundedInflater.Failure.self) {
            _ = try BoundedInflater.inflate(compressed, range: 0..<compressed.count, keep: 1000, limit: Self.megabyte)
        }
        let (kept, count) = try BoundedInflater.inflate(
            compressed, range: 0..<compressed.count, keep: 1000, limit: 100 * Self.megabyte)
        #expect(kept.count == 1000)
        #expect(count == zeros.count)
    }

    @Test("A file over the size limit is refused before anything is read")
    func oversizeFile() throws {
        let docx = try TestPackage.docx(body: TestPackage.paragraph("nhỏ"))
        let limits = PackageLimits(maxFileSize: 100)
        #expect(throws: OOXMLError.fileTooLarge(size: docx.count, limit: 100)) {
            try WordDocument(docx: docx, limits: limits)
        }
        let huge = Data(count: 21 * Self.megabyte)
        #expect(throws: OOXMLError.fileTooLarge(size: huge.count, limit: 20 * Self.megabyte)) {
            try WordDocument(docx: huge)
        }
        #expect(OOXMLError.fileTooLarge(size: huge.count, limit: 20 * Self.megabyte).description
            == "Tệp quá lớn (21 MB, giới hạn 20 MB)")
    }

    @Test("Per-part and total size limits and the entry count limit")
    func configurableLimits() throws {
        let docx = try TestPackage.docx(body: TestPackage.paragraph(String(repeating: "x", count: 5000)))
        #expect(throws: OOXMLError.entryTooLarge(part: "word/document.xml", limit: 1000)) {
            try WordDocument(docx: docx, limits: PackageLimits(maxEntrySize: 1000))
        }
        #expect(throws: OOXMLError.self) { try WordDocument(docx: docx, limits: PackageLimits(maxTotalSize: 2000)) }
        let many = try TestPackage.zip((0..<20).map { ("f\($0).txt", Data("\($0)".utf8)) })
        #expect(throws: OOXMLError.tooManyEntries(count: 20, limit: 10)) {
            try WordDocument(docx: many, limits: PackageLimits(maxEntries: 10))
        }
    }

    @Test("A DTD inside document.xml is refused for that part")
    func dtdInPackage() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]>" + TestPackage.document("")
            .replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n", with: "")
        let zip = try TestPackage.zip([
            ("_rels/.rels", Data(TestPackage.packageRelationships.utf8)), ("word/document.xml", Data(xml.utf8)),
        ])
        #expect(throws: OOXMLError.forbiddenDTD(part: "word/document.xml")) { try WordDocument(docx: zip) }
    }

    @Test("Hundreds of randomly damaged packages never crash: each reads or throws an OOXMLError")
    func damagedPackagesFuzz() throws {
        let original = [UInt8](try TestPackage.docx(
            body: TestPackage.paragraph("Kế hoạch") + TableReadingTests.table([[TableReadingTests.cell("ô")]]),
            numbering: NumberingLabelTests.numbering, styles: ""))
        var generator = SplitMix64(seed: 2024)
        var outcomes = (read: 0, refused: 0)
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<Int(generator.next() % 4 + 1) {
                let index = Int(generator.next() % UInt64(bytes.count))
                bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            do {
                _ = try WordDocument(docx: Data(bytes))
                outcomes.read += 1
            } catch {
                outcomes.refused += 1
            }
        }
        #expect(outcomes.refused > 0)
    }
}

/// A small deterministic random generator for fuzzing.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
