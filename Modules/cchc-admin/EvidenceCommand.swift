import ArgumentParser
import CLISupport
import Foundation
import PlanCore
import PlanStore

/// `cchc-admin progress evidence get ENTRY`: an evidence file stored with a result, taken back out.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence", abstract: "Tài liệu kiểm chứng đã lưu cùng kết quả.", subcommands: [Get.self])

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lấy lại tệp kiểm chứng của một mục tiến độ (kiểm tra sha256 đã lưu trước khi ghi ra).",
            discussion: """
                Mục tiến độ có nhiều tệp thì chọn bằng --file (tên tệp hoặc sha256). Không có -o: ghi vào thư mục hiện tại \
                với tên đã lưu, không ghi đè tệp đã có.
                """)
        @Argument(help: "Mã mục tiến độ (cột Mã của progress list).") var entry: String
        @Option(help: "Tên tệp hoặc sha256, khi mục có nhiều tệp.") var file: String?
        @Option(name: [.customShort("o"), .customLong("output")], help: "Tệp ghi ra (- : đầu ra chuẩn).") var output: String?
        @OptionGroup var session: SessionOptions

        func run() throws {
            let idText = entry.hasPrefix("#") ? String(entry.dropFirst()) : entry
            guard let id = Int64(idText), id > 0 else {
                throw ToolError.argument("ENTRY", "\"\(entry)\" không phải mã mục tiến độ (một số, ví dụ 12).")
            }
            let store = try session.open()
            let row = try store.progressEntry(id)
            let files = row.evidence.filter { $0.kind == .file }
            let chosen: Evidence
            switch (files.count, file.map(VietnameseText.nfc)) {
            case (0, _):
                throw ToolError("Mục tiến độ #\(id) không có tệp kiểm chứng lưu trong hệ thống.")
            case (1, nil):
                chosen = files[0]
            case (_, nil):
                throw ToolError.argument(
                    "--file", "mục #\(id) có \(files.count) tệp, hãy chọn một: \(files.map(\.value).joined(separator: ", ")).")
            case (_, let wanted?):
                guard let match = files.first(where: { $0.value == wanted || $0.sha256 == wanted.lowercased() }) else {
                    throw ToolError.argument(
                        "--file", "mục #\(id) không có tệp \"\(wanted)\"; các tệp: \(files.map(\.value).joined(separator: ", ")).")
                }
                chosen = match
            }
            guard let sha = chosen.sha256, let stored = try store.evidenceFile(sha256: sha) else {
                throw ToolError("Tệp kiểm chứng \(chosen.value) của mục #\(id) không còn trong cơ sở dữ liệu.")
            }
            if output == "-" {
                FileHandle.standardOutput.write(stored.data)
                return
            }
            let target = output ?? ([".", ".."].contains(stored.name) ? "tep-kiem-chung" : stored.name)
            if output == nil, FileManager.default.fileExists(atPath: target) {
                throw ToolError("Tệp \(target) đã có trong thư mục hiện tại; hãy chọn tên khác bằng -o.")
            }
            try OutputFile.write(stored.data, to: target)
            Terminal.line("Đã ghi \(target) (\(VietnameseText.number(Double(stored.data.count))) byte, sha256 \(sha) khớp với bản đã lưu).")
        }
    }
}
