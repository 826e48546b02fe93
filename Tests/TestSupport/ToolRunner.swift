import Foundation

/// Runs the built executables (`cchc-admin`, `cchc-import`, `cchc-export`) the way a user does, capturing
/// their output and exit status.
public struct ToolRunner: Sendable {
    /// What a run printed and how it ended.
    public struct Outcome: Sendable, CustomStringConvertible {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stdoutData: Data

        public var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
    }

    /// The repository root (found from this file's location).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/NAME`.
    public static func fixture(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    /// The environment every run gets (e.g. `DATABASE_URL` of a test database).
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The built executable: `.build/debug/NAME` (built by `swift build`, which `.ci/run` runs first).
    public static func executable(_ name: String) throws -> URL {
        let candidates = [".build/debug", ".build/release"].map {
            repositoryRoot.appendingPathComponent($0).appendingPathComponent(name)
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ToolRunnerError.notBuilt(name)
        }
        return found
    }

    /// Runs `tool` with `arguments`; `input` is written to its standard input. `fileSizeLimit` (in the
    /// blocks of the shell's `ulimit -f`) makes every file the tool writes fail past that size, as a full
    /// disk would. `standardOutput` sends standard output to that file instead of the captured pipe
    /// (`/dev/full`: a disk with no space left).
    public func run(
        _ tool: String, _ arguments: [String], input: Data? = nil, extraEnvironment: [String: String] = [:],
        currentDirectory: URL? = nil, fileSizeLimit: Int? = nil, standardOutput: String? = nil
    ) throws -> Outcome {
        let process = Process()
        let executable = try Self.executable(tool)
        if let fileSizeLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -f \(fileSizeLimit) && exec \"$0\" \"$@\"", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.environment = environment.merging(extraEnvironment) { _, new in new }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        if let standardOutput, let file = FileHandle(forWritingAtPath: standardOutput) {
            process.standardOutput = file
            try out.fileHandleForWriting.close()
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes concurrently so that neither fills up and blocks the child.
        let group = DispatchGroup()
        let box = OutputBox()
        group.enter()
        DispatchQueue.global().async {
            box.setErr(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: box.err, as: UTF8.self), stdoutData: stdoutData)
    }
}

/// Why a tool could not be run.
public enum ToolRunnerError: Error, CustomStringConvertible {
    case notBuilt(String)

    public var description: String {
        switch self {
        case .notBuilt(let name):
            return "Chưa có tệp thực thi \(name) trong .build/debug: chạy `swift build` (hoặc .ci/run) trước khi kiểm thử."
        }
    }
}

private final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    var err: Data { lock.withLock { stored } }
    func setErr(_ data: Data) { lock.withLock { stored = data } }
}
