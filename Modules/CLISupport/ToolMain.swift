import ArgumentParser
import Foundation
import PlanCore
import Postgres

/// The entry point of each tool: NFC-normalises the arguments, runs the command, and turns every
/// error into a Vietnamese message on stderr and the exit status of docs/architecture.md.
public enum ToolMain {
    public static func run(_ root: any ParsableCommand.Type, arguments: [String]? = nil) -> Never {
        // A reader that went away is an EPIPE from write(2), handled like any other output failure,
        // rather than a signal that kills the process after a change was committed.
        signal(SIGPIPE, SIG_IGN)
        let arguments = (arguments ?? Array(CommandLine.arguments.dropFirst())).map(VietnameseArgument.normalize)
        if let refusal = VietnameseArgument.controlCharacterRefusal(arguments) {
            Terminal.writeError("Lỗi: \(refusal)")
            exit(ExitStatus.inputError)
        }
        var command: any ParsableCommand
        do {
            command = try root.parseAsRoot(arguments)
        } catch {
            let code = root.exitCode(for: error)
            let message = UsageText.translate(root.fullMessage(for: error))
            if code == .success {
                Terminal.write(message.hasSuffix("\n") ? message : message + "\n")
                exit(ExitStatus.success)
            }
            Terminal.writeError(message)
            exit(ExitStatus.usage)
        }
        do {
            try command.run()
            succeed()
        } catch {
            finish(root, error)
        }
    }

    /// As `run`, for a tool whose commands are asynchronous (the web server).
    public static func runAsync(_ root: any ParsableCommand.Type, arguments: [String]? = nil) async -> Never {
        signal(SIGPIPE, SIG_IGN)
        let arguments = (arguments ?? Array(CommandLine.arguments.dropFirst())).map(VietnameseArgument.normalize)
        var command: any ParsableCommand
        do {
            command = try root.parseAsRoot(arguments)
        } catch {
            finish(root, error)
        }
        do {
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
            succeed()
        } catch {
            finish(root, error)
        }
    }

    /// Ends a command that did its work: exit 0, unless printing its output failed and it changed
    /// nothing (exit 1, or quietly when the reader closed the pipe). A change already committed stays a
    /// success, with the output failure as a warning, so a script does not retry and store it twice.
    public static func succeed() -> Never {
        guard let failure = Terminal.outputFailure else { exit(ExitStatus.success) }
        outputFailed(failure)
    }

    private static func outputFailed(_ failure: Terminal.OutputFailure) -> Never {
        if Connection.committedWrites > 0 {
            Terminal.writeError(
                "Cảnh báo: thay đổi đã được lưu vào cơ sở dữ liệu, nhưng không in được thông báo: \(failure.description) "
                    + "Đừng chạy lại lệnh; xem lại bằng lệnh liệt kê tương ứng.")
            exit(ExitStatus.success)
        }
        if failure.isClosedPipe { exit(ExitStatus.inputError) }
        Terminal.writeError("Lỗi: \(failure.description)")
        exit(ExitStatus.inputError)
    }

    /// Prints what an error means and exits with its status.
    static func finish(_ root: any ParsableCommand.Type, _ error: any Error) -> Never {
        switch error {
        case let failure as Terminal.OutputFailure:
            outputFailed(failure)
        case let error as ToolError:
            Terminal.writeError("Lỗi: \(error.message)")
            exit(error.exitCode)
        case let error as ExitCode:
            exit(error.rawValue)
        case let error as ValidationError:
            Terminal.writeError("Lỗi: \(error.message)")
            exit(ExitStatus.usage)
        case _ where error is CleanExit || String(reflecting: type(of: error)).hasPrefix("ArgumentParser."):
            // Help, version and usage errors raised by the argument parser itself.
            let message = UsageText.translate(root.fullMessage(for: error))
            if root.exitCode(for: error) == .success {
                Terminal.write(message.hasSuffix("\n") ? message : message + "\n")
                exit(ExitStatus.success)
            }
            Terminal.writeError(message)
            exit(ExitStatus.usage)
        default:
            let classified = ErrorReport.classify(error)
            Terminal.writeError("Lỗi: \(classified.message)")
            exit(classified.exitCode)
        }
    }
}

/// Command-line arguments are NFC-normalised, so a name typed in NFD still matches.
public enum VietnameseArgument {
    public static func normalize(_ argument: String) -> String {
        argument.precomposedStringWithCanonicalMapping
    }

    /// Why the arguments are refused when one holds a control character other than tab and line breaks
    /// (an escape sequence pasted into a result would reach every terminal that lists it), naming the
    /// option; nil when they are clean.
    public static func controlCharacterRefusal(_ arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            guard let scalar = ControlCharacters.first(in: argument) else { continue }
            let option: String
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                option = String(argument[..<equals])
            } else if index > 0, arguments[index - 1].hasPrefix("-") {
                option = arguments[index - 1]
            } else {
                option = "thứ \(index + 1)"
            }
            return "Tham số \(option) chứa ký tự điều khiển \(ControlCharacters.name(scalar)) (không in được); "
                + "hãy bỏ ký tự đó rồi chạy lại. Chỉ nhận tab và xuống dòng."
        }
        return nil
    }
}

/// Vietnamese for the fixed English phrases of swift-argument-parser's help and usage errors.
public enum UsageText {
    static let phrases: [(String, String)] = [
        ("OVERVIEW:", "TỔNG QUAN:"),
        ("USAGE:", "CÁCH DÙNG:"),
        ("ARGUMENTS:", "THAM SỐ:"),
        ("OPTIONS:", "TÙY CHỌN:"),
        ("SUBCOMMANDS:", "LỆNH CON:"),
        ("Show help information.", "Hiển thị trợ giúp."),
        ("Show the version.", "Hiển thị phiên bản."),
        ("(default: ", "(mặc định: "),
        ("; default: ", "; mặc định: "),
        ("(values: ", "(giá trị: "),
        ("Usage: ", "Cách dùng: "),
        ("Error: ", "Lỗi: "),
        ("Missing expected argument", "Thiếu tham số bắt buộc"),
        ("Unknown option", "Tùy chọn không tồn tại"),
        ("Unexpected argument", "Tham số không mong đợi"),
        ("Unexpected arguments", "Các tham số không mong đợi"),
        (" unexpected arguments: ", " tham số không mong đợi: "),
        ("Help:  ", "Trợ giúp: "),
        ("' and '", "' hoặc '"),
        ("Missing value for", "Thiếu giá trị cho"),
        ("The value", "Giá trị"),
        ("is invalid for", "không hợp lệ cho"),
        ("Please provide one of", "Hãy chọn một trong"),
        ("See '", "Xem '"),
        ("' for more information.", "' để biết thêm."),
        ("' for detailed help.", "' để xem trợ giúp chi tiết."),
        ("(default)", "(mặc định)"),
    ]

    public static func translate(_ text: String) -> String {
        phrases.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
