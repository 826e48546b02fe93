/// Why a file could not be read as a plan: the file name and the reason, printed in Vietnamese.
public struct PlanImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// The file could not be opened or read (missing, a directory, no permission).
        case unreadable(String)
        /// The file has no content (or only white space).
        case empty
        /// The file is larger than the limit (bytes).
        case tooLarge(size: Int, limit: Int)
        /// The content is binary, not text nor a Word document.
        case binary
        /// A format the importer does not read ("PDF", "Word 97-2003 (.doc)", "RTF").
        case unsupportedFormat(String)
        /// A file named .docx that is not a ZIP package.
        case notAZip
        /// The package is cut short or damaged.
        case truncated
        /// A required part of the package is missing ("word/document.xml").
        case missingPart(String)
        /// A part inflates past the limit (a zip bomb).
        case entryTooLarge(part: String, limit: Int)
        /// The package holds more parts than the limit.
        case tooManyEntries(count: Int, limit: Int)
        /// Two parts of the package share one name ("word/document.xml" twice), refused for safety.
        case duplicateEntry(part: String)
        /// XML with a DTD or entity declarations, refused for safety.
        case forbiddenDTD(part: String)
        /// XML that does not parse.
        case malformedXML(part: String, line: Int, reason: String)
        /// A password-protected (encrypted) Word document.
        case encrypted
    }

    /// The file name as given by the caller (without directories).
    public var file: String
    public var reason: Reason

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    /// A stable kebab-case code for scripts and logs.
    public var code: String {
        switch reason {
        case .unreadable: return "unreadable"
        case .empty: return "empty-file"
        case .tooLarge: return "file-too-large"
        case .binary: return "binary-file"
        case .unsupportedFormat: return "unsupported-format"
        case .notAZip: return "not-a-zip"
        case .truncated: return "truncated"
        case .missingPart: return "missing-part"
        case .entryTooLarge: return "entry-too-large"
        case .tooManyEntries: return "too-many-entries"
        case .duplicateEntry: return "duplicate-entry"
        case .forbiddenDTD: return "forbidden-dtd"
        case .malformedXML: return "malformed-xml"
        case .encrypted: return "encrypted"
        }
    }

    /// The reason alone, in Vietnamese.
    public var reasonText: String {
        switch reason {
        case .unreadable(let detail):
            return "không mở được tệp (\(detail))"
        case .empty:
            return "tệp rỗng, không có nội dung"
        case .tooLarge(let size, let limit):
            return "tệp quá lớn (\(Self.megabytes(size)) MB, giới hạn \(Self.megabytes(limit)) MB)"
        case .binary:
            return "nội dung là dữ liệu nhị phân, không phải văn bản hay tệp Word (.docx)"
        case .unsupportedFormat(let format):
            return "định dạng \(format) chưa được hỗ trợ; hãy lưu lại thành .docx hoặc .txt (Unicode)"
        case .notAZip:
            return "không phải tệp .docx hợp lệ (không phải gói ZIP)"
        case .truncated:
            return "tệp .docx bị cắt cụt hoặc hỏng"
        case .missingPart(let part):
            return "gói .docx thiếu phần \(part)"
        case .entryTooLarge(let part, let limit):
            return "phần \(part) giải nén vượt quá \(Self.megabytes(limit)) MB (nghi là “bom nén”)"
        case .tooManyEntries(let count, let limit):
            return "gói .docx có \(count) phần, vượt giới hạn \(limit)"
        case .duplicateEntry(let part):
            return "gói .docx có hai phần cùng tên “\(part)” (mỗi chương trình có thể đọc ra một nội dung khác nhau), "
                + "bị từ chối vì lý do an toàn"
        case .forbiddenDTD(let part):
            return "XML trong phần \(part) chứa khai báo DTD/thực thể, bị từ chối vì lý do an toàn"
        case .malformedXML(let part, let line, let reason):
            return "XML trong phần \(part) không hợp lệ (dòng \(line): \(reason))"
        case .encrypted:
            return "tệp Word được bảo vệ bằng mật khẩu (mã hóa); hãy gỡ mật khẩu rồi lưu lại thành .docx"
        }
    }

    public var description: String {
        "Không đọc được tệp “\(file)”: \(reasonText)."
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10),\(tenths % 10)"
    }
}
