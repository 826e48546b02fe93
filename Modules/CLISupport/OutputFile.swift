import Foundation

/// Writes a produced file whole or not at all: the bytes go to a temporary file beside the target, which is
/// then renamed over it, so a full disk or a crash never leaves half a report behind.
public enum OutputFile {
    public static func write(_ data: some ContiguousBytes, to path: String) throws {
        try commit([try stage(data, for: path)])
    }

    /// A file written whole beside its target, waiting to be renamed over it (`commit`) or removed (`discard`).
    public struct StagedFile: Sendable {
        /// The temporary file; nil when the target was a device or a pipe, written straight away.
        let temporary: String?
        public let target: String

        /// Removes the temporary file.
        public func discard() {
            if let temporary { unlink(temporary) }
        }
    }

    /// Writes and flushes the bytes to a temporary file beside `path` (several files can be staged side by
    /// side, then committed together); a device or a pipe is written directly.
    public static func stage(_ bytes: some ContiguousBytes, for path: String) throws -> StagedFile {
        try stage(for: path) { write in try bytes.withUnsafeBytes(write) }
    }

    /// Stages a file produced in pieces: `produce` hands each piece to the writer it is given, so a large
    /// file never has to sit whole in memory.
    public static func stage(
        for path: String, _ produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws -> StagedFile {
        // Past a file-size limit, report EFBIG instead of being killed half-way through a file.
        signal(SIGXFSZ, SIG_IGN)
        if isSpecialFile(path) {
            // A device or a pipe (/dev/stdout): there is no file to replace, write straight to it.
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw ToolError("Không ghi được \(path): \(reason(errno: errno)).") }
            defer { close(descriptor) }
            try produce { buffer in
                if let failure = writeAll(buffer, to: descriptor) {
                    throw ToolError("Không ghi được \(path): \(reason(errno: failure)).")
                }
            }
            return StagedFile(temporary: nil, target: path)
        }
        try checkWritable(path)
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp").path
        func failed(_ code: Int32) -> ToolError {
            ToolError("Không ghi được \(path): \(reason(errno: code)). Không có tệp nào được tạo.")
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failed(errno) }
        var isOpen = true
        do {
            try produce { buffer in
                if let failure = writeAll(buffer, to: descriptor) { throw failed(failure) }
            }
            if fsync(descriptor) != 0 { throw failed(errno) }
            isOpen = false
            if close(descriptor) != 0 { throw failed(errno) }
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporary)
            throw error
        }
        return StagedFile(temporary: temporary, target: target.path)
    }

    /// Refuses a path whose directory is missing or not writable, or that is a directory, before any work
    /// is done for it (a submitted report must not be stored when its file cannot be written).
    public static func checkWritable(_ path: String) throws {
        if isSpecialFile(path) { return }
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ToolError("Không ghi được \(path): thư mục \(directory.path) không tồn tại.")
        }
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ToolError("Không ghi được \(path): đó là một thư mục.")
        }
        guard access(directory.path, W_OK) == 0 else {
            throw ToolError("Không ghi được \(path): \(reason(errno: errno)).")
        }
    }

    /// Renames every staged file over its target, once all of them are complete. A rename that fails
    /// removes the temporaries still waiting.
    public static func commit(_ files: [StagedFile]) throws {
        for (index, file) in files.enumerated() {
            guard let temporary = file.temporary, rename(temporary, file.target) != 0 else { continue }
            let failure = errno
            for later in files[index...] { later.discard() }
            throw ToolError("Không ghi được \(file.target): \(reason(errno: failure)). Tệp này không được tạo.")
        }
    }

    private static func isSpecialFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG && (status.st_mode & S_IFMT) != S_IFDIR
    }

    /// Writes every byte of `buffer`; the errno of a failure, or nil.
    static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
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
