#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An account from the system user database (`/etc/passwd`), read with the thread-safe `getpw*_r`.
struct PasswdEntry: Sendable, Hashable {
    var name: String
    var uid: uid_t
    var gid: gid_t
    var home: String

    /// The account with this name, or nil when it does not exist.
    static func named(_ name: String) -> PasswdEntry? {
        lookup { record, buffer, size, result in getpwnam_r(name, &record, buffer, size, &result) }
    }

    /// The account with this user id, or nil when it does not exist.
    static func withID(_ uid: uid_t) -> PasswdEntry? {
        lookup { record, buffer, size, result in getpwuid_r(uid, &record, buffer, size, &result) }
    }

    private static func lookup(
        _ call: (inout passwd, UnsafeMutablePointer<CChar>, Int, inout UnsafeMutablePointer<passwd>?) -> Int32
    ) -> PasswdEntry? {
        var size = 4096
        while size <= 1 << 20 {
            var record = passwd()
            var result: UnsafeMutablePointer<passwd>?
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: size)
            defer { buffer.deallocate() }
            let status = call(&record, buffer, size, &result)
            if status == ERANGE {
                size *= 4
                continue
            }
            guard status == 0, result != nil, let name = record.pw_name else { return nil }
            return PasswdEntry(
                name: String(cString: name), uid: record.pw_uid, gid: record.pw_gid,
                home: record.pw_dir.map { String(cString: $0) } ?? "/")
        }
        return nil
    }
}
