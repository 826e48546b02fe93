import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock file a running postmaster keeps in its data directory (`postmaster.pid`): process id,
/// data directory, start time, port, first socket directory, listen address, shared memory key, status.
struct PostmasterPidFile: Sendable, Hashable {
    var pid: Int32
    var port: Int?
    var socketDirectory: String?
    /// `starting`, `ready`, `stopping` or `standby` (PostgreSQL 10 and later).
    var state: String?

    init?(contents: String) {
        let lines = contents.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.first, let pid = Int32(first), pid > 0 else { return nil }
        self.pid = pid
        port = lines.count > 3 ? Int(lines[3]) : nil
        socketDirectory = lines.count > 4 && !lines[4].isEmpty ? lines[4] : nil
        state = lines.count > 7 && !lines[7].isEmpty ? lines[7] : nil
    }

    /// The file in `dataDirectory`, or nil when there is none (a cleanly stopped server removes it).
    static func read(inDataDirectory dataDirectory: String) throws(LocalClusterError) -> PostmasterPidFile? {
        let path = dataDirectory + "/postmaster.pid"
        guard FileSystem.exists(path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .fileSystem(path: path, reason: "không đọc được tệp")
        }
        return PostmasterPidFile(contents: String(decoding: data, as: UTF8.self))
    }

    /// What became of the recorded process.
    enum ProcessState: Sendable, Hashable {
        /// Running, and (where `/proc` tells) a PostgreSQL program.
        case live
        /// Dead but not yet reaped by its parent (init): it still holds its pid, so PostgreSQL
        /// itself would take the lock file for a live server's.
        case zombie
        /// No such process, or an unrelated program that got the same id after a reboot.
        case gone
    }

    /// The state of the recorded process. A stale file after a crash names a dead process, a
    /// zombie, or an unrelated process that got the same id.
    var processState: ProcessState {
        guard kill(pid, 0) == 0 || errno == EPERM else { return .gone }
        #if os(Linux)
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")"),
                stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
            {
                return .zombie
            }
            if let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !command.isEmpty {
                let program = String(decoding: command.prefix { $0 != 0 }, as: UTF8.self)
                let name = program.split(separator: "/").last.map(String.init) ?? program
                return name.hasPrefix("postgres") || name.hasPrefix("postmaster") ? .live : .gone
            }
        #endif
        return .live
    }
}
