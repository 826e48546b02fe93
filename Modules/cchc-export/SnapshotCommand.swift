import ArgumentParser
import CLISupport
import Foundation
import PlanApp
import PlanCore
import PlanStore

/// `cchc-export snapshot list | show`: submitted reports, every version kept.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot", abstract: "Các bản báo cáo đã nộp (mọi phiên bản đều được giữ).",
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê các bản đã nộp.")
        @Option(help: "Chỉ kế hoạch này.") var plan: String?
        @Option(help: "Chỉ kỳ này (2024-Q2…).") var period: String?
        @OptionGroup var output: FormatOption
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var identity: IdentityOption

        func run() throws {
            let store = try database.openStore(identity)
            let planID = try plan.map { try store.findPlan($0).id }
            var listing = Listing(columns: [
                .init("id", "Mã", numeric: true), .init("plan", "Kế hoạch"), .init("period", "Kỳ"),
                .init("regime", "Chế độ"), .init("version", "Bản", numeric: true), .init("status", "Trạng thái"),
                .init("submittedAt", "Nộp lúc"), .init("by", "Người nộp"), .init("sha256", "sha256"),
            ])
            for s in try store.snapshots(planID: planID, period: period) {
                listing.append([
                    .int(Int(s.id)), .string(s.planReference), .string(s.periodID), .string(s.regime), .int(s.version),
                    .string(s.status == "submitted" ? "đang hiệu lực" : "đã thay thế"), .string(s.submittedAt),
                    .string(s.submittedBy), .string(output.format == .table ? String(s.sha256.prefix(16)) : s.sha256),
                ])
            }
            Terminal.write(listing.render(output.format))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Xuất một bản đã nộp (kiểm tra sha256): JSON nguyên văn đã băm, hoặc docx, xlsx, pdf, csv, md dựng từ chính bản đó.",
            discussion: """
                JSON là đúng các byte đã băm sha256 (sha256sum của tệp bằng sha256 trong snapshot list). Các định dạng \
                khác được dựng từ nội dung đã lưu cùng bản nộp, có số phiên bản, không có chữ DỰ THẢO.
                """)
        @Argument(help: "Mã của bản đã nộp (cột Mã của snapshot list).") var id: Int64
        @Option(help: "Định dạng: json (mặc định), docx, xlsx, pdf, csv hoặc md; mặc định theo phần mở rộng của tệp -o.")
        var format: ReportFormat?
        @Option(name: .shortAndLong, help: "Ghi ra tệp thay vì in ra màn hình.") var output: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var identity: IdentityOption

        func validate() throws {
            if let output, format == nil, ReportFormat(fileExtensionOf: output) == nil {
                throw ValidationError(
                    "Không biết định dạng của tệp \(output): dùng phần mở rộng .json, .docx, .xlsx, .pdf, .csv hoặc .md, hoặc chỉ rõ --format.")
            }
            if output == nil, let format, format.isBinary {
                throw ValidationError("Định dạng \(format.rawValue) cần tệp đầu ra: thêm -o TỆP.\(format.rawValue)")
            }
        }

        func run() throws {
            let chosen = format ?? output.flatMap { ReportFormat(fileExtensionOf: $0) } ?? .json
            if let output { try OutputFile.checkWritable(output) }
            let store = try database.openStore(identity)
            let snapshot = try store.snapshot(id: id)
            let content: Data
            if chosen == .json {
                content = Data((snapshot.content ?? "").utf8)
            } else {
                content = try ReportAssembly.render(snapshot).data(chosen)
            }
            if let output {
                try OutputFile.write(content, to: output)
                Terminal.writeError(
                    "Đã ghi \(output) (\(chosen.rawValue)): bản \(snapshot.version) của \(snapshot.planReference) kỳ \(snapshot.periodID).")
            } else {
                try Terminal.writeOut(content)
            }
        }
    }
}
