/// Why a .docx package could not be read; `description` is the Vietnamese message shown to users.
public enum OOXMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file itself exceeds `PackageLimits.maxFileSize` (or all parts read exceed `maxTotalSize`).
    case fileTooLarge(size: Int, limit: Int)
    /// The bytes are not a ZIP package at all.
    case notAZip
    /// The ZIP package is cut short or damaged (bad offsets, CRC mismatch, unsupported compression).
    case truncated
    /// A required part (e.g. "word/document.xml") is absent.
    case missingPart(String)
    /// A part inflates beyond `PackageLimits.maxEntrySize` or beyond its declared size (zip bomb).
    case entryTooLarge(part: String, limit: Int)
    /// The package lists more entries than `PackageLimits.maxEntries`.
    case tooManyEntries(count: Int, limit: Int)
    /// Two entries of the package have the same name as parts are looked up (case, "\\" or a leading
    /// "/" aside): readers that take the first and readers that take the last would see different
    /// documents. `part` is the name as the first entry writes it.
    case duplicateEntry(part: String)
    /// The XML of a part declares a DTD or entities (refused: XXE, billion laughs).
    case forbiddenDTD(part: String)
    /// The XML of a part is not well-formed.
    case malformedXML(part: String, line: Int, reason: String)
    /// An OLE compound file: a password-protected (encrypted) .docx or a legacy .doc.
    case encrypted

    public var description: String {
        switch self {
        case .fileTooLarge(let size, let limit):
            "Tệp quá lớn (\(Self.megabytes(size)) MB, giới hạn \(Self.megabytes(limit)) MB)"
        case .notAZip:
            "Không phải tệp .docx hợp lệ (không phải gói ZIP)"
        case .truncated:
            "Tệp .docx bị cắt cụt hoặc hỏng"
        case .missingPart(let part):
            "Thiếu phần \(part)"
        case .entryTooLarge(let part, let limit):
            "Phần \(part) giải nén vượt quá \(Self.megabytes(limit)) MB"
        case .tooManyEntries(let count, let limit):
            "Gói .docx có quá nhiều phần (\(count), giới hạn \(limit))"
        case .duplicateEntry(let part):
            "Gói .docx có hai phần cùng tên “\(part)”; tệp bị từ chối vì lý do an toàn "
                + "(mỗi chương trình có thể đọc ra một nội dung khác nhau)"
        case .forbiddenDTD(let part):
            "XML trong \(part) chứa khai báo DTD/thực thể, bị từ chối vì lý do an toàn"
        case .malformedXML(let part, let line, let reason):
            "XML không hợp lệ trong \(part), dòng \(line): \(reason)"
        case .encrypted:
            "Tệp được bảo vệ bằng mật khẩu (mã hóa) hoặc là tệp Word cũ (.doc): "
                + "hãy mở bằng Word, bỏ mật khẩu và lưu lại dưới dạng .docx"
        }
    }

    /// Bytes as megabytes with at most one decimal ("20", "0,5"), Vietnamese decimal comma.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        let whole = tenths / 10, fraction = tenths % 10
        return fraction == 0 ? "\(whole)" : "\(whole),\(fraction)"
    }
}
