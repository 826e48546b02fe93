import Foundation

/// Writes ZIP files byte by byte so tests can forge headers (lying sizes, odd methods, flags).
enum RawZip {
    /// One entry: its stored bytes (already compressed if `method` is 8) and what the headers claim.
    struct Entry {
        var name: String
        var method: UInt16 = 0
        var payload: [UInt8]
        var crc32: UInt32
        var uncompressedSize: UInt32
        var flags: UInt16 = 0
    }

    static func build(_ entries: [Entry]) -> Data {
        var output: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt32(output.count)
            let name = Array(entry.name.utf8)
            output += le32(0x0403_4b50) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0x21)
            output += le32(entry.crc32) + le32(UInt32(entry.payload.count)) + le32(entry.uncompressedSize)
            output += le16(UInt16(name.count)) + le16(0) + name + entry.payload
            central += le32(0x0201_4b50) + le16(20) + le16(20) + le16(entry.flags) + le16(entry.method)
            central += le16(0) + le16(0x21) + le32(entry.crc32) + le32(UInt32(entry.payload.count))
            central += le32(entry.uncompressedSize) + le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0)
            central += le16(0) + le32(0) + le32(offset) + name
        }
        let centralOffset = UInt32(output.count)
        output += central
        output += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        output += le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        return Data(output)
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }

    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    /// The CRC-32 used by ZIP.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }
}
