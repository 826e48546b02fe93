import ArgumentParser
import CLISupport
import PlanCore
import PlanStore

/// `cchc-export settings show | set`: who signs a Sở's reports and where they go.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Thiết lập người ký và nơi nhận báo cáo của một đơn vị (Sở).",
        subcommands: [Show.self, Set.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Xem thiết lập người ký, nơi nhận của các đơn vị.")
        @OptionGroup var output: FormatOption
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var identity: IdentityOption

        func run() throws {
            let store = try database.openStore(identity)
            var listing = Listing(columns: [
                .init("unit", "Đơn vị"), .init("capacity", "Quyền hạn ký"), .init("title", "Chức vụ"),
                .init("signer", "Người ký"), .init("recipients", "Nơi nhận"),
            ])
            for settings in try store.allReportSettings() {
                listing.append([
                    .string(settings.unitName), .string(settings.signer.capacity ?? ""),
                    .string(settings.signer.title ?? ""), .string(settings.signer.name ?? ""),
                    .string(settings.distribution.joined(separator: "; ")),
                ])
            }
            Terminal.write(listing.render(output.format))
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ghi người ký và nơi nhận báo cáo của một đơn vị (chỉ các trường được nêu thay đổi).",
            discussion: """
                Mọi báo cáo của đơn vị dùng thiết lập này, trừ khi lệnh report nêu --signer… hoặc --recipient cho \\
                riêng báo cáo đó. Chuỗi rỗng xóa một trường.
                """)
        @Option(help: "Đơn vị (tên hoặc mã #N), thường là Sở chủ trì kế hoạch.") var unit: String
        @Option(name: .customLong("signer-capacity"), help: "Quyền hạn ký: \"KT. GIÁM ĐỐC\", \"TL. GIÁM ĐỐC\"…; rỗng khi người đứng đầu ký.")
        var signerCapacity: String?
        @Option(name: .customLong("signer-title"), help: "Chức vụ người ký (\"PHÓ GIÁM ĐỐC\").") var signerTitle: String?
        @Option(name: .customLong("signer"), help: "Họ tên người ký.") var signerName: String?
        @Option(name: .customLong("recipient"), help: "Một dòng Nơi nhận (lặp lại; thay cả danh sách).")
        var recipients: [String] = []
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var identity: IdentityOption

        func run() throws {
            let store = try database.openStore(identity)
            let unit = try store.findUnit(unit)
            let saved = try store.saveReportSettings(
                unitID: unit.id, capacity: signerCapacity.map { $0 }, title: signerTitle.map { $0 },
                name: signerName.map { $0 }, distribution: recipients.isEmpty ? nil : recipients)
            let signer = [saved.signer.capacity, saved.signer.title, saved.signer.name].compactMap { $0 }
            Terminal.write(
                "Đã ghi thiết lập báo cáo của \(saved.unitName): người ký "
                    + (signer.isEmpty ? "(chưa nêu)" : signer.joined(separator: " / ")) + "; nơi nhận "
                    + (saved.distribution.isEmpty ? "(mặc định)" : saved.distribution.joined(separator: "; ")) + ".\n")
        }
    }
}
