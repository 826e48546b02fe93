import Foundation

/// One entry of a ZIP central directory, as declared (sizes are claims, checked while reading).
struct ZipEntry: Sendable {
    var name: String
    var flags: UInt16
    var method: UInt16
    var crc32: UInt32
    var compressedSize: UInt64
    var uncompressedSize: UInt64
    var localHeaderOffset: UInt64

    /// Bit 0 of the general-purpose flags: the entry is encrypted.
    var isEncrypted: Bool { flags & 1 != 0 }
}

/// The central directory of a ZIP file read from memory, with every offset bounds-checked.
struct ZipCentralDirectory: Sendable {
    /// Entries in directory order.
    private(set) var entries: [ZipEntry] = []
    /// Lower-cased, slash-normalised name → index of the entry with that name (names are unique).
    private var index: [String: Int] = [:]

    private static let localHeaderSignature: UInt32 = 0x0403_4b50
    private static let centralHeaderSignature: UInt32 = 0x0201_4b50
    private static let endSignature: UInt32 = 0x0605_4b50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    private static let zip64EndSignature: UInt32 = 0x0606_4b50
    private static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Parses the directory of `bytes`, classifying non-ZIP input (OLE → encrypted, no "PK" → notAZip).
    init(bytes: ByteReader, maxEntries: Int) throws(OOXMLError) {
        if bytes.count >= 8, Array(bytes.bytes[0..<8]) == Self.oleSignature { throw .encrypted }
        let startsLikeZip = bytes.count >= 4 && bytes.bytes[0] == 0x50 && bytes.bytes[1] == 0x4B
        guard let endOffset = Self.findEndRecord(bytes) else {
            throw startsLikeZip ? .truncated : .notAZip
        }
        var entryCount = UInt64(bytes.uint16(at: endOffset + 10) ?? 0)
        var directorySize = UInt64(bytes.uint32(at: endOffset + 12) ?? 0)
        var directoryOffset = UInt64(bytes.uint32(at: endOffset + 16) ?? 0)
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            guard endOffset >= 20, bytes.uint32(at: endOffset - 20) == Self.zip64LocatorSignature,
                let zip64Offset = bytes.uint64(at: endOffset - 12), zip64Offset < UInt64(bytes.count),
                bytes.uint32(at: Int(zip64Offset)) == Self.zip64EndSignature,
                let count = bytes.uint64(at: Int(zip64Offset) + 32),
                let size = bytes.uint64(at: Int(zip64Offset) + 40),
                let offset = bytes.uint64(at: Int(zip64Offset) + 48)
            else { throw .truncated }
            (entryCount, directorySize, directoryOffset) = (count, size, offset)
        }
        if entryCount > UInt64(maxEntries) {
            throw .tooManyEntries(count: entryCount > UInt64(Int.max) ? Int.max : Int(entryCount), limit: maxEntries)
        }
        guard directoryOffset <= UInt64(bytes.count), directorySize <= UInt64(bytes.count) - directoryOffset else {
            throw .truncated
        }
        var position = Int(directoryOffset)
        entries.reserveCapacity(Int(entryCount))
        for _ in 0..<Int(entryCount) {
            let (entry, next) = try Self.readCentralHeader(bytes, at: position)
            // A second entry under a name the lookup cannot tell apart would let two readers (first wins,
            // last wins, local headers in order) see two different documents: refuse the package.
            let key = Self.lookupKey(entry.name)
            if let first = index[key] { throw .duplicateEntry(part: entries[first].name) }
            index[key] = entries.count
            entries.append(entry)
            position = next
        }
    }

    /// The entry named `name` (case-insensitive, as OPC part names are), if present.
    func entry(named name: String) -> ZipEntry? {
        index[Self.lookupKey(name)].map { entries[$0] }
    }

    /// The byte range of an entry's (compressed) data, read from its local header.
    static func dataRange(of entry: ZipEntry, in bytes: ByteReader) throws(OOXMLError) -> Range<Int> {
        guard entry.localHeaderOffset < UInt64(bytes.count) else { throw .truncated }
        let offset = Int(entry.localHeaderOffset)
        guard bytes.uint32(at: offset) == localHeaderSignature,
            let nameLength = bytes.uint16(at: offset + 26), let extraLength = bytes.uint16(at: offset + 28)
        else { throw .truncated }
        let start = offset + 30 + Int(nameLength) + Int(extraLength)
        guard start <= bytes.count, entry.compressedSize <= UInt64(bytes.count - start) else { throw .truncated }
        return start..<(start + Int(entry.compressedSize))
    }

    private static func lookupKey(_ name: String) -> String {
        var key = name.replacingOccurrences(of: "\\", with: "/").lowercased()
        while key.hasPrefix("/") { key.removeFirst() }
        return key
    }

    /// Scans backwards over the last 64 KiB + 22 bytes for the end-of-central-directory record.
    private static func findEndRecord(_ bytes: ByteReader) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var offset = bytes.count - 22
        while offset >= lowest {
            if bytes.uint32(at: offset) == endSignature { return offset }
            offset -= 1
        }
        return nil
    }

    private static func readCentralHeader(_ bytes: ByteReader, at position: Int) throws(OOXMLError) -> (ZipEntry, Int) {
        guard bytes.uint32(at: position) == centralHeaderSignature,
            let flags = bytes.uint16(at: position + 8), let method = bytes.uint16(at: position + 10),
            let crc = bytes.uint32(at: position + 16), let compressed = bytes.uint32(at: position + 20),
            let uncompressed = bytes.uint32(at: position + 24), let nameLength = bytes.uint16(at: position + 28),
            let extraLength = bytes.uint16(at: position + 30), let commentLength = bytes.uint16(at: position + 32),
            let localOffset = bytes.uint32(at: position + 42)
        else { throw .truncated }
        let nameStart = position + 46
        let extraStart = nameStart + Int(nameLength)
        let next = extraStart + Int(extraLength) + Int(commentLength)
        guard next <= bytes.count else { throw .truncated }
        let name = String(decoding: bytes.bytes[nameStart..<extraStart], as: UTF8.self)
        var entry = ZipEntry(
            name: name, flags: flags, method: method, crc32: crc, compressedSize: UInt64(compressed),
            uncompressedSize: UInt64(uncompressed), localHeaderOffset: UInt64(localOffset))
        try applyZip64Extra(&entry, bytes, range: extraStart..<(extraStart + Int(extraLength)))
        return (entry, next)
    }

    /// Replaces 0xFFFFFFFF sizes/offsets with the values of the ZIP64 extra field (id 0x0001).
    private static func applyZip64Extra(_ entry: inout ZipEntry, _ bytes: ByteReader, range: Range<Int>) throws(OOXMLError) {
        let needsUncompressed = entry.uncompressedSize == 0xFFFF_FFFF
        let needsCompressed = entry.compressedSize == 0xFFFF_FFFF
        let needsOffset = entry.localHeaderOffset == 0xFFFF_FFFF
        guard needsUncompressed || needsCompressed || needsOffset else { return }
        var position = range.lowerBound
        while position + 4 <= range.upperBound {
            guard let id = bytes.uint16(at: position), let size = bytes.uint16(at: position + 2) else { break }
            var field = position + 4
            let end = field + Int(size)
            guard end <= range.upperBound else { throw .truncated }
            if id == 0x0001 {
                func take() throws(OOXMLError) -> UInt64 {
                    guard field + 8 <= end, let value = bytes.uint64(at: field) else { throw .truncated }
                    field += 8
                    return value
                }
                if needsUncompressed { entry.uncompressedSize = try take() }
                if needsCompressed { entry.compressedSize = try take() }
                if needsOffset { entry.localHeaderOffset = try take() }
                return
            }
            position = end
        }
        throw .truncated
    }
}
