import Foundation

/// Where output goes and whether it may be coloured.
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

    /// Writes to standard output as UTF-8.
    public static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes a line to standard error as UTF-8.
    public static func writeError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
