import Foundation
import Synchronization

/// Where output goes and whether it may be coloured.
///
/// Writes never trap: standard output on a full disk, a closed pipe or a revoked terminal is remembered
/// as `OutputFailure` (the first one) and `ToolMain` decides the exit status once the command is done —
/// an error when nothing was stored, a warning when the command's change was already committed.
public enum Terminal {
    /// Colours only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    public static var colorsEnabled: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    public enum Color: String, Sendable {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case gray = "90"
        case bold = "1"
    }

    /// Wraps text in an ANSI colour when colours are enabled.
    public static func paint(_ text: String, _ color: Color, enabled: Bool = colorsEnabled) -> String {
        enabled ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Standard output could not take what was written.
    public struct OutputFailure: Error, CustomStringConvertible, Sendable {
        /// The operating system's error number (`ENOSPC`, `EPIPE`, …).
        public var code: Int32
        /// True when the reader went away (`| head`): not worth a message.
        public var isClosedPipe: Bool { code == EPIPE }
        public var description: String {
            "Không ghi được ra đầu ra chuẩn (stdout): \(OutputFile.reason(errno: code))."
        }
    }

    private static let firstFailure = Mutex<OutputFailure?>(nil)

    /// The first failure to write standard output in this process, if any.
    public static var outputFailure: OutputFailure? { firstFailure.withLock { $0 } }

    /// Writes to standard output as UTF-8; a failure is remembered (see `outputFailure`), and once
    /// standard output failed nothing more is attempted.
    public static func write(_ text: String) {
        var bytes = text
        bytes.withUTF8 { _ = try? writeOut(UnsafeRawBufferPointer($0)) }
    }

    /// Writes bytes to standard output, throwing (and remembering) the first failure, for output written
    /// in pieces that should stop at once.
    public static func writeOut(_ bytes: UnsafeRawBufferPointer) throws(OutputFailure) {
        if let failure = outputFailure { throw failure }
        guard let code = OutputFile.writeAll(bytes, to: STDOUT_FILENO) else { return }
        let failure = OutputFailure(code: code)
        firstFailure.withLock { if $0 == nil { $0 = failure } }
        throw failure
    }

    /// Writes data to standard output (see `writeOut`).
    public static func writeOut(_ data: Data) throws(OutputFailure) {
        do {
            try data.withUnsafeBytes { try writeOut($0) }
        } catch let failure as OutputFailure {
            throw failure
        } catch {
            throw OutputFailure(code: EIO)
        }
    }

    /// Writes a line to standard error as UTF-8; best effort (there is nowhere else to say it failed).
    public static func writeError(_ text: String) {
        var line = text.hasSuffix("\n") ? text : text + "\n"
        line.withUTF8 { _ = OutputFile.writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }
}
