import Foundation

/// Writes a produced file whole or not at all: the bytes go to a temporary file beside the target, which is
/// then renamed over it, so a full disk or a crash never leaves half a report behind.
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws {
        // Past a file-size limit, report EFBIG instead of being killed half-way through a file.
        signal(SIGXFSZ, SIG_IGN)
        let target = URL(fileURLWithPath: path)
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG, (status.st_mode & S_IFMT) != S_IFDIR {
            // A device or a pipe (/dev/stdout): there is no file to replace, write straight to it.
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw ToolError("Không ghi được \(path): không mở được để ghi.")
            }
            do {
                try handle.write(contentsOf: data)
                try handle.close()
            } catch {
                let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code ?? Int(EIO)
                throw ToolError("Không ghi được \(path): \(reason(errno: Int32(code))).")
            }
            return
        }
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ToolError("Không ghi được \(path): thư mục \(directory.path) không tồn tại.")
        }
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ToolError("Không ghi được \(path): đó là một thư mục.")
        }
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        if let failure = writeWhole(data, to: temporary.path) {
            unlink(temporary.path)
            throw ToolError("Không ghi được \(path): \(reason(errno: failure)). Không có tệp nào được tạo.")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let failure = errno
            unlink(temporary.path)
            throw ToolError("Không ghi được \(path): \(reason(errno: failure)). Không có tệp nào được tạo.")
        }
    }

    /// Creates `path` (which must not exist), writes every byte and flushes it to disk; the errno of the
    /// first failure, or nil.
    static func writeWhole(_ data: Data, to path: String) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        var failure: Int32?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        return failure
    }

    /// The operating system's reason, in Vietnamese for the common ones.
    static func reason(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "không có quyền ghi"
        case ENOSPC: return "hết dung lượng đĩa"
        case EROFS: return "ổ đĩa chỉ cho phép đọc"
        case EDQUOT: return "vượt hạn mức dung lượng"
        case EFBIG: return "tệp vượt quá giới hạn kích thước cho phép"
        case ENOENT: return "thư mục không tồn tại"
        case EISDIR: return "đó là một thư mục"
        default: return String(cString: strerror(code))
        }
    }
}
