/// An error the tools report to a person: a Vietnamese message and the exit code of
/// docs/architecture.md (1 input or domain error, 3 database unreachable or not migrated).
public struct ToolError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32 = ExitStatus.inputError) {
        self.message = message
        self.exitCode = exitCode
    }

    public var description: String { message }

    /// A bad argument: names the option and says what is wrong.
    public static func argument(_ name: String, _ problem: String) -> ToolError {
        ToolError("Tham số \(name): \(problem)")
    }
}

/// Exit statuses shared by the three tools.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// Bad input or a domain rule refused the change; nothing was written.
    public static let inputError: Int32 = 1
    /// Bad usage (unknown option, missing argument).
    public static let usage: Int32 = 2
    /// The database is unreachable, or its schema is missing or newer than this build.
    public static let database: Int32 = 3
}
