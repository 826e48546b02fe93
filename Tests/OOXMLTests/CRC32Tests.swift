@testable import OOXML
import Testing

/// The ZIP checksum used to detect damaged parts.
@Suite("CRC-32")
struct CRC32Tests {
    @Test("Known check values, for every length around the 8-byte slices")
    func checkValues() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        let bytes = (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in 0...bytes.count {
            let prefix = Array(bytes.prefix(length))
            #expect(CRC32.checksum(prefix) == RawZip.crc32(prefix))
        }
    }

    @Test("Checksums continue across chunks")
    func continuation() {
        let text = Array("Cộng hòa xã hội chủ nghĩa Việt Nam".utf8)
        let first = CRC32.checksum(Array(text.prefix(13)))
        #expect(CRC32.checksum(Array(text.dropFirst(13)), previous: first) == CRC32.checksum(text))
    }
}
