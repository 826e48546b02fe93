import Foundation
import ZIPFoundation

/// Writes a ZIP archive whose bytes depend only on its entries: given order, DOS timestamp
/// 1980-01-01 00:00, no extra fields, no platform attributes, deflate at zlib's default level
/// (ZIPFoundation's compressor; on Apple platforms it is the Compression framework, so bytes are
/// identical per platform).
struct DeterministicZipWriter {
    private var output: [UInt8] = []
    private var centralDirectory: [UInt8] = []
    private var count = 0

    /// DOS date for 1980-01-01 ((year - 1980) << 9 | month << 5 | day) and time 00:00:00.
    private static let dosDate: UInt16 = 0x0021
    private static let dosTime: UInt16 = 0

    mutating func add(_ name: String, _ content: [UInt8]) {
        let compressed = Self.deflate(content)
        let useDeflate = compressed.map { $0.count < content.count } ?? false
        let payload = useDeflate ? compressed ?? content : content
        let method: UInt16 = useDeflate ? 8 : 0
        let crc = CRC32.checksum(content)
        let nameBytes = Array(name.utf8)
        let offset = UInt32(output.count)
        output += Self.le32(0x0403_4b50) + Self.le16(20) + Self.le16(0x0800) + Self.le16(method)
        output += Self.le16(Self.dosTime) + Self.le16(Self.dosDate) + Self.le32(crc)
        output += Self.le32(UInt32(payload.count)) + Self.le32(UInt32(content.count))
        output += Self.le16(UInt16(nameBytes.count)) + Self.le16(0) + nameBytes
        output += payload
        centralDirectory += Self.le32(0x0201_4b50) + Self.le16(20) + Self.le16(20) + Self.le16(0x0800)
        centralDirectory += Self.le16(method) + Self.le16(Self.dosTime) + Self.le16(Self.dosDate) + Self.le32(crc)
        centralDirectory += Self.le32(UInt32(payload.count)) + Self.le32(UInt32(content.count))
        centralDirectory += Self.le16(UInt16(nameBytes.count)) + Self.le16(0) + Self.le16(0) + Self.le16(0)
        centralDirectory += Self.le16(0) + Self.le32(0) + Self.le32(offset) + nameBytes
        count += 1
    }

    /// The finished archive.
    func archive() -> Data {
        var bytes = output
        bytes += centralDirectory
        bytes += Self.le32(0x0605_4b50) + Self.le16(0) + Self.le16(0)
        bytes += Self.le16(UInt16(count)) + Self.le16(UInt16(count))
        bytes += Self.le32(UInt32(centralDirectory.count)) + Self.le32(UInt32(output.count)) + Self.le16(0)
        return Data(bytes)
    }

    /// Raw deflate of `content`, nil if the compressor fails (the entry is then stored).
    private static func deflate(_ content: [UInt8]) -> [UInt8]? {
        guard !content.isEmpty else { return nil }
        var compressed: [UInt8] = []
        compressed.reserveCapacity(content.count / 4)
        do {
            // The compressor asks for 64 KB at a time: each piece is copied from the content, not the whole.
            try content.withUnsafeBytes { whole in
                _ = try Data.compress(
                    size: Int64(whole.count), bufferSize: 64 * 1024,
                    provider: { position, size in Data(whole[Int(position)..<(Int(position) + size)]) },
                    consumer: { compressed.append(contentsOf: $0) })
            }
        } catch {
            return nil
        }
        return compressed
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }

    private static func le32(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}
