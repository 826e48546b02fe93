import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on a lock file, held while a body runs.
///
/// `flock` locks belong to an open file description, so two threads of one process exclude each
/// other just like two processes do; the kernel drops the lock if the holder dies. The descriptor is
/// close-on-exec so a server started while we hold the lock never inherits it.
enum ClusterLock {
    static func withLock<T>(
        at path: String, timeout: Double, _ body: () throws(LocalClusterError) -> T
    ) throws(LocalClusterError) -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .lockFailed(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            guard error == EWOULDBLOCK || error == EINTR else {
                throw .lockFailed(path: path, reason: String(cString: strerror(error)))
            }
            guard Date() < deadline else { throw .lockTimeout(path: path, seconds: Int(timeout.rounded())) }
            usleep(50_000)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
