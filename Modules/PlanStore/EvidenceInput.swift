import Foundation
import PlanCore

/// Tài liệu kiểm chứng as a person gives it on the command line, classified:
///
/// - a URL (`http`, `https`, `ftp`; `www.…` is read as `https://www.…`); another scheme is refused;
/// - an existing regular file (absolute, relative to the working directory, or `~/…`): stored in the
///   database; a symbolic link is followed only to a file inside the link's own folder, and special files
///   (devices, pipes, sockets) are refused;
/// - something that looks like a path (starts with `/`, `./`, `../`, `~`, has a `\` or a file extension
///   such as `.pdf`) but does not exist: refused, so a typo never becomes a "document number";
/// - anything else: a document number or name ("123/BC-SLĐTBXH", "Biên bản ngày 12/5/2024").
public enum EvidenceInput: Hashable, Sendable {
    case url(String)
    case document(String)
    /// An absolute path to a regular file, symbolic links resolved.
    case file(path: String)
    /// A file uploaded through the web application: its name as the browser gave it, and its bytes.
    case uploaded(fileName: String, data: Data)

    /// Extensions that mark a value as a file name.
    static let fileExtensions: Set<String> = [
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "txt", "csv", "md",
        "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "heic", "webp", "zip", "rar", "7z", "mp3", "mp4",
        "mov", "avi", "wav", "m4a",
    ]

    /// Classifies `text`; relative paths are read from `workingDirectory`.
    public static func classify(_ text: String, workingDirectory: String = FileManager.default.currentDirectoryPath)
        throws(StoreError) -> EvidenceInput
    {
        let value = VietnameseText.trimmed(text)
        guard !value.isEmpty else { throw StoreError.invalid("Tài liệu kiểm chứng (--evidence) không được để trống.") }
        if let scheme = scheme(of: value) {
            guard ["http", "https", "ftp"].contains(scheme.lowercased()) else {
                throw StoreError.invalid(
                    "Tài liệu kiểm chứng (--evidence) \"\(value)\": chỉ nhận liên kết http, https hoặc ftp, không nhận \"\(scheme):\"."
                )
            }
            return .url(value)
        }
        if value.lowercased().hasPrefix("www.") { return .url("https://" + value) }
        let path = absolutePath(value, workingDirectory: workingDirectory)
        var link = stat()
        if lstat(path, &link) == 0 {
            return .file(path: try regularFile(path, link: link, as: value))
        }
        if looksLikePath(value) {
            throw StoreError.invalid("Tài liệu kiểm chứng (--evidence): không tìm thấy tệp \"\(value)\".")
        }
        return .document(value)
    }

    /// The path of the regular file `path` names: itself, or for a symbolic link its target, which must lie
    /// inside the link's folder (a link to /etc/passwd placed in the working folder is refused).
    static func regularFile(_ path: String, link: stat, as value: String) throws(StoreError) -> String {
        var target = path
        if link.st_mode & S_IFMT == S_IFLNK {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard let resolved = realPath(path), let base = realPath(folder),
                resolved.hasPrefix(base == "/" ? "/" : base + "/")
            else {
                throw StoreError.invalid(
                    "Tài liệu kiểm chứng (--evidence) \"\(value)\" là liên kết tượng trưng trỏ ra ngoài thư mục chứa nó"
                        + (realPath(path).map { " (tới \($0))" } ?? "") + "; hãy chép chính tệp đó vào thư mục.")
            }
            target = resolved
        }
        var info = stat()
        guard stat(target, &info) == 0 else {
            throw StoreError.invalid("Tài liệu kiểm chứng (--evidence): không đọc được tệp \"\(value)\".")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return target
        case S_IFDIR:
            throw StoreError.invalid("Tài liệu kiểm chứng (--evidence) \"\(value)\" là một thư mục, không phải tệp.")
        default:
            throw StoreError.invalid(
                "Tài liệu kiểm chứng (--evidence) \"\(value)\" không phải tệp thông thường (thiết bị, đường ống hoặc socket).")
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// "https" of "https://…"; nil when the value has no `scheme://`.
    static func scheme(of value: String) -> String? {
        guard let range = value.range(of: "://") else { return nil }
        let scheme = value[..<range.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return nil }
        return String(scheme)
    }

    static func absolutePath(_ value: String, workingDirectory: String) -> String {
        if value == "~" || value.hasPrefix("~/") {
            return NSString(string: value).expandingTildeInPath
        }
        if value.hasPrefix("/") { return value }
        return URL(fileURLWithPath: workingDirectory).appendingPathComponent(value).standardizedFileURL.path
    }

    static func looksLikePath(_ value: String) -> Bool {
        if value.hasPrefix("/") || value.hasPrefix("./") || value.hasPrefix("../") || value.hasPrefix("~")
            || value.contains("\\")
        {
            return true
        }
        guard let dot = value.lastIndex(of: "."), !value[dot...].contains(" ") else { return false }
        return fileExtensions.contains(value[value.index(after: dot)...].lowercased())
    }
}
