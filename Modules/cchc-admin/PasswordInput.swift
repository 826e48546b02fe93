import CLISupport
import Foundation

/// Reading a password: from standard input (`--stdin`, for scripts), or typed twice at the terminal
/// without echo.
enum PasswordInput {
    static func firstLine() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ToolError("Không đọc được mật khẩu từ đầu vào chuẩn (dòng đầu tiên trống).")
        }
        return line
    }

    static func prompt() throws -> String {
        let first = try readSilently("Mật khẩu mới: ")
        let second = try readSilently("Nhập lại mật khẩu: ")
        guard first == second else { throw ToolError("Hai lần nhập mật khẩu không giống nhau; không có gì thay đổi.") }
        return first
    }

    /// Reads a line from the terminal with echo off (restored afterwards, also on failure).
    private static func readSilently(_ prompt: String) throws -> String {
        let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard terminal >= 0 else {
            throw ToolError("Không có màn hình để hỏi mật khẩu; dùng --stdin để đọc mật khẩu từ đầu vào chuẩn.")
        }
        defer { close(terminal) }
        var saved = termios()
        guard tcgetattr(terminal, &saved) == 0 else { throw ToolError("Không tắt được hiển thị khi nhập mật khẩu.") }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        _ = prompt.withCString { write(terminal, $0, strlen($0)) }
        guard tcsetattr(terminal, TCSAFLUSH, &silent) == 0 else {
            throw ToolError("Không tắt được hiển thị khi nhập mật khẩu.")
        }
        defer {
            var restore = saved
            tcsetattr(terminal, TCSAFLUSH, &restore)
            _ = "\n".withCString { write(terminal, $0, 1) }
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(terminal, &byte, 1) == 1, byte != 0x0A, byte != 0x0D { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
