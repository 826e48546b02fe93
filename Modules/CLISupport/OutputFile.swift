import Foundation

/// Writes a produced file whole or not at all: the bytes go to a temporary file beside the target, which is
/// then renamed over it, so a full disk or a crash never leaves half a report behind.
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ToolError("Không ghi được \(path): thư mục \(directory.path) không tồn tại.")
        }
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ToolError("Không ghi được \(path): đó là một thư mục.")
        }
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary, options: .withoutOverwriting)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ToolError("Không ghi được \(path): \(reason(error)). Không có tệp nào được tạo.")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ToolError("Không ghi được \(path): \(message). Không có tệp nào được tạo.")
        }
    }

    /// The operating system's reason, in Vietnamese for the common ones.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        let posix = (nsError.userInfo[NSUnderlyingErrorKey] as? NSError)?.code ?? nsError.code
        switch Int32(posix) {
        case EACCES, EPERM: return "không có quyền ghi"
        case ENOSPC: return "hết dung lượng đĩa"
        case EROFS: return "ổ đĩa chỉ cho phép đọc"
        case EDQUOT: return "vượt hạn mức dung lượng"
        default:
            switch nsError.code {
            case NSFileWriteNoPermissionError: return "không có quyền ghi"
            case NSFileWriteOutOfSpaceError: return "hết dung lượng đĩa"
            case NSFileWriteVolumeReadOnlyError: return "ổ đĩa chỉ cho phép đọc"
            default: return nsError.localizedDescription
            }
        }
    }
}
