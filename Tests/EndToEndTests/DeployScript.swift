import Foundation

/// The repository's root directory, found from this file's place (`Tests/EndToEndTests/…`).
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// What a finished child process left: its exit status and everything it wrote.
struct ScriptRun: CustomStringConvertible {
    var status: Int32
    var standardOutput: String
    var standardError: String

    var description: String {
        "exit \(status)\n--- stdout\n\(standardOutput)--- stderr\n\(standardError)"
    }
}

/// Runs a program from the repository (`deploy/backup.sh`, …) or from `PATH` (`psql`) with
/// `arguments`, in `environment` and `directory`, and waits for it. Output goes to temporary files,
/// so a chatty child can never block on a full pipe.
func runProgram(
    _ program: String, _ arguments: [String], environment: [String: String], directory: URL = repositoryRoot
) throws -> ScriptRun {
    let files = FileManager.default
    let scratch = files.temporaryDirectory.appendingPathComponent("cchc-run-\(UUID().uuidString)")
    try files.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? files.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = files.createFile(atPath: outURL.path, contents: nil)
    _ = files.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)

    let process = Process()
    if program.contains("/") {
        process.executableURL = repositoryRoot.appendingPathComponent(program)
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
    }
    process.environment = environment
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return ScriptRun(
        status: process.terminationStatus,
        standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
        standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// This process's environment with the connection given explicitly: `DATABASE_URL` set to
/// `conninfo` (the scripts use it before any `PG*` variable, as the tools do).
func scriptEnvironment(conninfo: String, extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["DATABASE_URL"] = conninfo
    environment.merge(extra) { _, new in new }
    return environment
}

/// A fresh private directory for backups, removed by `remove()`.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-backups-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The names of the files in it, sorted (hidden files included).
    func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
