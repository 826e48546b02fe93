/// Limits for reading untrusted packages.
public struct PackageLimits: Sendable, Equatable {
    /// Bytes of the .docx file itself.
    public var maxFileSize: Int
    /// Uncompressed bytes of one part.
    public var maxEntrySize: Int
    /// Uncompressed bytes of all parts read together.
    public var maxTotalSize: Int
    /// Entries listed in the ZIP central directory.
    public var maxEntries: Int

    public init(
        maxFileSize: Int = 20 * 1024 * 1024, maxEntrySize: Int = 50 * 1024 * 1024,
        maxTotalSize: Int = 200 * 1024 * 1024, maxEntries: Int = 10_000
    ) {
        self.maxFileSize = maxFileSize
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxEntries = maxEntries
    }

    /// 20 MB file, 50 MB per part, 200 MB in total, 10,000 entries.
    public static let `default` = PackageLimits()
}
