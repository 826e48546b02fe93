#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finding programs by name in a list of directories (`PATH` and fixed system places).
enum ExecutableSearch {
    /// The directories of a `PATH` value, in order, without empty entries.
    static func directories(inPath path: String?) -> [String] {
        (path ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// The first `directory/name` that is an executable file.
    static func find(_ name: String, in directories: [String]) -> String? {
        directories.lazy.map { $0 + "/" + name }.first(where: isExecutableFile)
    }

    /// True when `path` is a regular file (after following symlinks) that we may execute.
    static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
