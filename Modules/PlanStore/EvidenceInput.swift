import Foundation
import PlanCore

/// Tài liệu kiểm chứng as a person gives it on the command line, classified:
///
/// - a URL (`http`, `https`, `ftp`; `www.…` is read as `https://www.…`); another scheme is refused;
/// - an existing file (absolute, relative to the working directory, or `~/…`): stored in the database;
/// - something that looks like a path (starts with `/`, `./`, `../`, `~`, has a `\` or a file extension
///   such as `.pdf`) but does not exist: refused, so a typo never becomes a "document number";
/// - anything else: a document number or name ("123/BC-SLĐTBXH", "Biên bản ngày 12/5/2024").
public enum EvidenceInput: Hashable, Sendable {
    case url(String)
    case document(String)
    /// An absolute path to a regular file.
    case file(path: String)

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
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw StoreError.invalid(
                    "Tài liệu kiểm chứng (--evidence) \"\(value)\" là một thư mục, không phải tệp.")
            }
            return .file(path: path)
        }
        if looksLikePath(value) {
            throw StoreError.invalid("Tài liệu kiểm chứng (--evidence): không tìm thấy tệp \"\(value)\".")
        }
        return .document(value)
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
