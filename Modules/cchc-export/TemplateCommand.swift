import ArgumentParser
import CLISupport
import Foundation
import PlanApp
import PlanCore
import PlanStore
import ReportExport

/// `cchc-export template show | export | load`: the đề cương and Phụ lục columns reports are written in.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: "Mẫu đề cương báo cáo và các cột của Phụ lục (xem, xuất ra để sửa, nạp mẫu đã sửa).",
        discussion: """
            Mỗi mẫu áp dụng cho báo cáo của một đơn vị và các đơn vị trực thuộc (thường là UBND tỉnh, hoặc một Sở), \\
            theo một chế độ báo cáo hoặc mọi chế độ. Báo cáo dùng mẫu của đơn vị gần nhất; chưa nạp mẫu nào thì \\
            dùng mẫu mặc định. Mỗi lần nạp là một phiên bản mới; báo cáo đã nộp giữ mẫu đã dùng. Cách viết mẫu: \\
            docs/templates.md.
            """,
        subcommands: [Show.self, Export.self, Load.self])

    /// The scope a template is stored for.
    struct Scope: ParsableArguments {
        @Option(help: "Đơn vị áp dụng (tên hoặc mã #N): UBND tỉnh, hoặc một Sở; bỏ trống là mọi đơn vị.") var unit: String?
        @Option(help: "Chế độ báo cáo: nd09 hoặc cchc; bỏ trống là mọi chế độ.") var regime: String?

        func unitID(_ store: Store) throws -> Int64? { try unit.map { try store.findUnit($0).id } }

        var normalisedRegime: String? { regime.map { VietnameseText.trimmed($0).lowercased() } }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liệt kê các phiên bản mẫu đã nạp; với --unit, nêu mẫu áp dụng cho báo cáo của đơn vị đó.")
        @OptionGroup var scope: Scope
        @OptionGroup var output: FormatOption
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var identity: IdentityOption

        func run() throws {
            let store = try database.openStore(identity)
            var listing = Listing(columns: [
                .init("unit", "Đơn vị áp dụng"), .init("regime", "Chế độ"), .init("version", "Phiên bản", numeric: true),
                .init("loadedAt", "Nạp lúc"), .init("by", "Người nạp"), .init("sha256", "sha256"),
            ])
            for outline in try store.reportOutlines() {
                listing.append([
                    .string(outline.unitName ?? "mọi đơn vị"), .string(outline.regime ?? "mọi chế độ"), .int(outline.version),
                    .string(outline.loadedAt), .string(outline.loadedBy),
                    .string(output.format == .table ? String(outline.sha256.prefix(16)) : outline.sha256),
                ])
            }
            Terminal.write(listing.render(output.format))
            if let unit = scope.unit {
                let record = try store.findUnit(unit)
                for regime in scope.normalisedRegime.map({ [$0] }) ?? ReportingRegime.all.map(\.id) {
                    let inForce = try store.reportOutlineInForce(unitID: record.id, regime: regime)
                    Terminal.write(
                        "Báo cáo của \(record.name) theo chế độ \(regime) dùng "
                            + (inForce.map { "mẫu của \($0.scope), phiên bản \($0.version)." } ?? "mẫu mặc định.") + "\n")
                }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Xuất một mẫu ra tệp văn bản để sửa: mẫu đang áp dụng cho --unit/--regime, một phiên bản, hoặc mẫu mặc định.")
        @OptionGroup var scope: Scope
        @Option(help: "Phiên bản đã nạp đúng cho --unit/--regime (mặc định: mẫu đang áp dụng).") var version: Int?
        @Flag(help: "Mẫu mặc định của cchc (như khi chưa nạp mẫu nào).") var builtin = false
        @Option(name: .shortAndLong, help: "Ghi ra tệp thay vì in ra màn hình.") var output: String?
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var identity: IdentityOption

        func validate() throws {
            if builtin && (version != nil || scope.unit != nil || scope.regime != nil) {
                throw ValidationError("--builtin là mẫu mặc định: không dùng cùng --unit, --regime hay --version.")
            }
        }

        func run() throws {
            if let output { try OutputFile.checkWritable(output) }
            var text = ReportOutline.standardSource
            var described = "mẫu mặc định"
            if !builtin {
                let store = try database.openStore(identity)
                let unitID = try scope.unitID(store)
                let chosen: StoredOutline?
                if let version {
                    chosen = try store.reportOutline(unitID: unitID, regime: scope.normalisedRegime, version: version)
                    guard chosen != nil else {
                        throw ToolError(
                            "Không có phiên bản \(version) của mẫu cho \(scope.unit ?? "mọi đơn vị"), "
                                + (scope.regime.map { "chế độ \($0)" } ?? "mọi chế độ") + " (xem cchc-export template show).")
                    }
                } else if let unitID {
                    chosen = try scope.normalisedRegime.map { try store.reportOutlineInForce(unitID: unitID, regime: $0) }
                        ?? store.reportOutline(unitID: unitID, regime: nil)
                } else {
                    chosen = try store.reportOutline(unitID: nil, regime: scope.normalisedRegime)
                }
                if let chosen {
                    text = chosen.source
                    described = "mẫu của \(chosen.scope), phiên bản \(chosen.version)"
                }
            }
            if let output {
                try OutputFile.write(Data(text.utf8), to: output)
                Terminal.writeError("Đã ghi \(output): \(described).")
            } else {
                Terminal.write(text)
            }
        }
    }

    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nạp một mẫu đã sửa (kiểm tra từng dòng trước khi lưu) thành phiên bản mới cho --unit/--regime.")
        @Argument(help: "Tệp mẫu (UTF-8), như tệp template export ghi ra.") var file: String
        @OptionGroup var scope: Scope
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var identity: IdentityOption

        func run() throws {
            let name = (file as NSString).lastPathComponent
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ToolError("\(name): không tìm thấy tệp hoặc không có quyền đọc.")
            }
            guard data.count <= 200_000 else { throw ToolError("\(name): tệp mẫu quá lớn (\(data.count) byte; tối đa 200000).") }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ToolError("\(name): tệp mẫu không phải văn bản UTF-8.")
            }
            let store = try database.openStore(identity)
            let (outline, changed) = try ReportOutlines.load(
                store, text: text, file: name, unitID: try scope.unitID(store), regime: scope.normalisedRegime)
            Terminal.write(
                changed
                    ? "Đã nạp mẫu đề cương cho \(outline.scope): phiên bản \(outline.version) (sha256 \(outline.sha256.prefix(16))…).\n"
                    : "Mẫu giống phiên bản \(outline.version) đang có cho \(outline.scope): không nạp thêm.\n")
        }
    }
}
