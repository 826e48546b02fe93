import Foundation

/// A ZIP package held in memory whose parts are read under `PackageLimits`.
struct PackageReader: Sendable {
    private let bytes: ByteReader
    private let directory: ZipCentralDirectory
    private let limits: PackageLimits
    /// Uncompressed bytes handed out so far (counted against `maxTotalSize`).
    private(set) var totalRead = 0

    /// Opens the package: checks the file size, then the central directory.
    init(data: Data, limits: PackageLimits) throws(OOXMLError) {
        guard data.count <= limits.maxFileSize else {
            throw .fileTooLarge(size: data.count, limit: limits.maxFileSize)
        }
        self.limits = limits
        self.bytes = ByteReader(bytes: [UInt8](data))
        self.directory = try ZipCentralDirectory(bytes: bytes, maxEntries: limits.maxEntries)
    }

    /// Part names in directory order.
    var partNames: [String] { directory.entries.map(\.name) }

    /// Whether the package holds `part` (case-insensitive).
    func contains(_ part: String) -> Bool { directory.entry(named: part) != nil }

    /// The bytes of `part`; throws `missingPart` when absent.
    mutating func read(_ part: String) throws(OOXMLError) -> [UInt8] {
        guard let bytes = try readIfPresent(part) else { throw .missingPart(part) }
        return bytes
    }

    /// The bytes of `part`, or nil when the package has no such part.
    mutating func readIfPresent(_ part: String) throws(OOXMLError) -> [UInt8]? {
        guard let entry = directory.entry(named: part) else { return nil }
        if entry.isEncrypted || entry.method == 99 { throw .encrypted }
        // An honest header already tells us the part is too big: refuse before inflating anything.
        if entry.uncompressedSize > UInt64(limits.maxEntrySize) {
            throw .entryTooLarge(part: part, limit: limits.maxEntrySize)
        }
        let declared = Int(entry.uncompressedSize)
        if totalRead + declared > limits.maxTotalSize {
            throw .fileTooLarge(size: totalRead + declared, limit: limits.maxTotalSize)
        }
        let range = try ZipCentralDirectory.dataRange(of: entry, in: bytes)
        let content: [UInt8]
        switch entry.method {
        case 0:
            guard range.count == declared else { throw .truncated }
            content = Array(bytes.bytes[range])
            guard CRC32.checksum(content) == entry.crc32 else { throw .truncated }
        case 8:
            // A lying header cannot make us keep more than it declared; past that we only count, up to the limit.
            do {
                let (inflated, count) = try BoundedInflater.inflate(
                    bytes.bytes, range: range, keep: declared, limit: limits.maxEntrySize)
                guard count == declared, CRC32.checksum(inflated) == entry.crc32 else { throw OOXMLError.truncated }
                content = inflated
            } catch BoundedInflater.Failure.exceededLimit {
                throw .entryTooLarge(part: part, limit: limits.maxEntrySize)
            } catch {
                throw .truncated
            }
        default:
            throw .truncated
        }
        totalRead += content.count
        return content
    }
}
