import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file-system operations the cluster layout needs, with exact modes and owners
/// (independent of the umask) and errors that name the path.
enum FileSystem {
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates the missing directories of `path`, each with `mode`; existing ones are left alone.
    static func createDirectories(_ path: String, mode: mode_t) throws(LocalClusterError) {
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if isDirectory(prefix) { continue }
            if mkdir(prefix, mode) != 0 && errno != EEXIST { throw failure(prefix) }
            if !isDirectory(prefix) { throw .fileSystem(path: prefix, reason: "không phải thư mục") }
            if chmod(prefix, mode) != 0 { throw failure(prefix) }
        }
    }

    /// Makes `path` a directory owned by `owner` with exactly `mode`, creating it if needed.
    static func ensureDirectory(_ path: String, mode: mode_t, owner: PasswdEntry) throws(LocalClusterError) {
        if mkdir(path, mode) != 0 && errno != EEXIST { throw failure(path) }
        guard isDirectory(path) else { throw .fileSystem(path: path, reason: "không phải thư mục") }
        try setOwnerAndMode(path, mode: mode, owner: owner)
    }

    /// Makes `path` a regular file owned by `owner` with exactly `mode`, creating it empty if needed.
    static func ensureFile(_ path: String, mode: mode_t, owner: PasswdEntry) throws(LocalClusterError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure(path) }
        close(descriptor)
        try setOwnerAndMode(path, mode: mode, owner: owner)
    }

    static func setOwnerAndMode(_ path: String, mode: mode_t, owner: PasswdEntry) throws(LocalClusterError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(path) }
        if info.st_uid != owner.uid || info.st_gid != owner.gid, chown(path, owner.uid, owner.gid) != 0 {
            throw failure(path)
        }
        if info.st_mode & 0o7777 != mode, chmod(path, mode) != 0 { throw failure(path) }
    }

    /// Appends `text` to the file at `path` (which must exist).
    static func append(_ text: String, to path: String) throws(LocalClusterError) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            written += count
        }
    }

    /// Atomically renames `source` to `destination` (same file system).
    static func rename(_ source: String, to destination: String) throws(LocalClusterError) {
        #if canImport(Glibc)
            let status = Glibc.rename(source, destination)
        #else
            let status = Darwin.rename(source, destination)
        #endif
        guard status == 0 else { throw failure(destination) }
    }

    /// Removes `path` and everything below it; a missing path is not an error.
    static func removeTree(_ path: String) throws(LocalClusterError) {
        guard exists(path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw .fileSystem(path: path, reason: error.localizedDescription)
        }
    }

    /// The names in the directory at `path` (empty when it cannot be read).
    static func names(in path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }

    private static func failure(_ path: String) -> LocalClusterError {
        .fileSystem(path: path, reason: String(cString: strerror(errno)))
    }
}
