/// What a file of tài liệu kiểm chứng is, read from its first bytes rather than from its name: documents
/// (PDF, Word, Excel, PowerPoint, OpenDocument), pictures (JPEG, PNG, GIF, WebP, TIFF), audio and video
/// recordings (MP3, MP4), and zip archives of them. Anything else — plain text, programs, system files —
/// is not evidence and is refused, so a mistyped path (or `/etc/shadow`) is never stored for every role to
/// read.
public struct EvidenceFileType: Hashable, Sendable {
    /// The media type stored with the file and sent when it is downloaded.
    public var mediaType: String
    /// The usual extension, without the dot.
    public var fileExtension: String
    /// A short Vietnamese name for messages ("tài liệu PDF").
    public var label: String

    /// The types accepted, in the words of a refusal.
    public static let acceptedDescription = "PDF, Word, Excel, PowerPoint, OpenDocument, ảnh JPEG/PNG/GIF/WebP/TIFF, MP3, MP4 hoặc tệp nén ZIP"

    /// The type of `bytes` (the whole file: zip entry names are looked for at both ends), or nil when it
    /// is not a kind of file kept as evidence. `fileName` only chooses among the old Office formats, which
    /// share one container (Word 97 .doc, Excel .xls, PowerPoint .ppt).
    public static func sniff(_ bytes: some Collection<UInt8>, fileName: String) -> EvidenceFileType? {
        let head = Array(bytes.prefix(65_536))
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset ..< offset + prefix.count]) == prefix
        }
        func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }
        if starts(ascii("%PDF-")) { return .init("application/pdf", "pdf", "tài liệu PDF") }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .init("image/png", "png", "ảnh PNG") }
        if starts([0xFF, 0xD8, 0xFF]) { return .init("image/jpeg", "jpg", "ảnh JPEG") }
        if starts(ascii("GIF87a")) || starts(ascii("GIF89a")) { return .init("image/gif", "gif", "ảnh GIF") }
        if starts(ascii("RIFF")) && starts(ascii("WEBP"), at: 8) { return .init("image/webp", "webp", "ảnh WebP") }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
            return .init("image/tiff", "tif", "ảnh TIFF")
        }
        if starts(ascii("ftyp"), at: 4) { return .init("video/mp4", "mp4", "video MP4") }
        if starts(ascii("ID3")) || starts([0xFF, 0xFB]) || starts([0xFF, 0xF3]) || starts([0xFF, 0xF2]) {
            return .init("audio/mpeg", "mp3", "âm thanh MP3")
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            switch fileName.split(separator: ".").last?.lowercased() {
            case "xls": return .init("application/vnd.ms-excel", "xls", "bảng tính Excel")
            case "ppt": return .init("application/vnd.ms-powerpoint", "ppt", "trình chiếu PowerPoint")
            default: return .init("application/msword", "doc", "văn bản Word")
            }
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            if starts(ascii("mimetype"), at: 30) {
                let rest = String(decoding: head.dropFirst(38).prefix(60), as: UTF8.self)
                if rest.hasPrefix("application/vnd.oasis.opendocument.text") {
                    return .init("application/vnd.oasis.opendocument.text", "odt", "văn bản OpenDocument")
                }
                if rest.hasPrefix("application/vnd.oasis.opendocument.spreadsheet") {
                    return .init("application/vnd.oasis.opendocument.spreadsheet", "ods", "bảng tính OpenDocument")
                }
            }
            // Entry names stand in the local headers (the first entries) and in the central directory at the end.
            let ends = head + Array(bytes.suffix(262_144))
            func names(_ name: String) -> Bool { contains(ends, ascii(name)) }
            if names("[Content_Types].xml") {
                if names("word/") {
                    return .init(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "văn bản Word")
                }
                if names("xl/") {
                    return .init("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "bảng tính Excel")
                }
                if names("ppt/") {
                    return .init(
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx",
                        "trình chiếu PowerPoint")
                }
            }
            return .init("application/zip", "zip", "tệp nén ZIP")
        }
        return nil
    }

    init(_ mediaType: String, _ fileExtension: String, _ label: String) {
        self.mediaType = mediaType
        self.fileExtension = fileExtension
        self.label = label
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index ..< index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
