import Foundation
import LocalCluster

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a PostgreSQL client program printed and how it exited.
struct ProbeResult {
    var status: Int32
    var output: String
}

/// Runs a client program (`psql`, `pg_isready`) from the located PostgreSQL binaries, the way a user
/// would, with the target's connection parameters in the environment.
func runClient(_ tool: String, _ arguments: [String], target: ConnectionTarget) throws -> ProbeResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try PostgresBinaries.locate().path(of: tool))
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
        .merging(target.environment) { $1 }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProbeResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
}

/// The value `psql` prints for a one-column query run through `target.conninfo`.
func psql(_ query: String, target: ConnectionTarget) throws -> String {
    let result = try runClient("psql", ["-X", "-A", "-t", "-d", target.conninfo, "-c", query], target: target)
    guard result.status == 0 else { throw ScratchError(message: "psql failed: \(result.output)") }
    return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Live (not zombie) processes whose command line runs a postmaster on `dataDirectory`.
func postmasters(for dataDirectory: URL) -> [Int32] {
    #if os(Linux)
        let ids = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { Int32($0) }
        return ids.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")"),
                !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z"),
                let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline")
            else { return false }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard let program = arguments.first, program.hasSuffix("/postgres") || program == "postgres" else {
                return false
            }
            return zip(arguments, arguments.dropFirst()).contains { $0 == "-D" && $1 == dataDirectory.path }
        }
    #else
        return []
    #endif
}

/// Owner name and permission bits of a file.
func ownerAndMode(_ url: URL) throws -> (owner: String, mode: Int) {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    let owner = attributes[.ownerAccountName] as? String ?? "?"
    let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    return (owner, mode)
}

/// Polls `condition` every 50 ms for up to `seconds`.
func eventually(seconds: Double = 15, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(50_000)
    }
    return condition()
}
