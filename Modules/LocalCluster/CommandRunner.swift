import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a finished program returned: its exit status and everything it wrote to stdout and stderr.
struct CommandResult: Sendable, Hashable {
    var status: Int32
    var output: String
}

/// Runs a program to completion (see `Spawn`) with stdin from `/dev/null` and stdout+stderr collected.
///
/// Output goes to an unlinked temporary file, not a pipe, so a chatty program can never block on a
/// full pipe, and a daemon that keeps the descriptor cannot keep us waiting for an end of file. Variables starting with `PG` are removed from the
/// environment so a user's `PGDATA`, `PGHOST`, `PGOPTIONS`… cannot redirect our commands.
enum CommandRunner {
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], prefix: [String] = []
    ) throws(LocalClusterError) -> CommandResult {
        let command = prefix + [executable] + arguments
        let output = try temporaryFile()
        defer { close(output) }
        let input = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .launchFailed(executable: command[0], reason: String(cString: strerror(errno))) }
        defer { close(input) }
        let environment = environment.filter { !$0.key.hasPrefix("PG") }
        switch Spawn.run(command, environment: environment, input: input, output: output) {
        case .failure(let error):
            throw .launchFailed(executable: command[0], reason: error.message)
        case .success(let status):
            return CommandResult(status: status, output: String(decoding: contents(of: output), as: UTF8.self))
        }
    }

    /// A read-write, close-on-exec file that exists only as long as it is open.
    private static func temporaryFile() throws(LocalClusterError) -> Int32 {
        var template = Array((NSTemporaryDirectory() + "/cchc-output-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw .fileSystem(path: NSTemporaryDirectory(), reason: String(cString: strerror(errno)))
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return descriptor
    }

    /// Everything written to the file, from its start.
    private static func contents(of descriptor: Int32) -> [UInt8] {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { return [] }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return bytes }
            bytes += buffer[..<count]
        }
    }
}
