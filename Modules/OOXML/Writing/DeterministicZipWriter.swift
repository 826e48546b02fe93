import Foundation
import CZlib

/// Writes a ZIP archive whose bytes depend only on its entries: given order, DOS timestamp
/// 1980-01-01 00:00, no extra fields, no platform attributes, raw deflate from the system zlib at
/// `level` (the same bytes wherever the zlib version is the same).
struct DeterministicZipWriter {
    private var output: [UInt8] = []
    private var centralDirectory: [UInt8] = []
    private var count = 0

    /// DOS date for 1980-01-01 ((year - 1980) << 9 | month << 5 | day) and time 00:00:00.
    private static let dosDate: UInt16 = 0x0021
    private static let dosTime: UInt16 = 0
    /// zlib's fastest level: a Phụ lục of 16 MB of XML deflates about three times faster than at the default
    /// level 6, for a file about a third larger (WordprocessingML repeats itself; either level packs it well).
    static let level: Int32 = 1

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

    /// Raw deflate of `content` at `level`, nil if the compressor fails (the entry is then stored).
    private static func deflate(_ content: [UInt8]) -> [UInt8]? {
        guard !content.isEmpty else { return nil }
        var stream = z_stream()
        let ready = deflateInit2_(
            &stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard ready == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(content.count)))
        var status = Z_STREAM_ERROR
        // One call for the whole content into a buffer of zlib's bound (only the written part is touched).
        let compressed = [UInt8](unsafeUninitializedCapacity: bound) { output, written in
            content.withUnsafeBufferPointer { input in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = UInt32(output.count)
                status = CZlib.deflate(&stream, Z_FINISH)
            }
            written = status == Z_STREAM_END ? Int(stream.total_out) : 0
        }
        return status == Z_STREAM_END ? compressed : nil
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }

    private static func le32(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}
