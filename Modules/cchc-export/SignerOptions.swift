import ArgumentParser
import CLISupport
import PlanCore
import PlanStore

/// Signer and Nơi nhận given for one document, winning over the issuing unit's settings.
struct SignerOptions: ParsableArguments {
    @Option(name: .customLong("signer-capacity"), help: "Quyền hạn ký cho văn bản này (\"KT. GIÁM ĐỐC\"), thay thiết lập của đơn vị.")
    var capacity: String?

    @Option(name: .customLong("signer-title"), help: "Chức vụ người ký cho văn bản này (\"PHÓ GIÁM ĐỐC\").")
    var title: String?

    @Option(name: .customLong("signer"), help: "Họ tên người ký cho văn bản này.")
    var name: String?

    @Option(
        name: .customLong("recipient"),
        help: "Nơi nhận của văn bản này, mỗi lần một dòng (lặp lại; thay danh sách trong thiết lập của đơn vị).")
    var recipients: [String] = []

    /// Whether any field was given.
    var given: Bool { capacity != nil || title != nil || name != nil || !recipients.isEmpty }

    /// The signer fields given, checked and written as documents print them.
    func signer() throws -> DocumentIdentity.Signer {
        do {
            return .init(
                capacity: try ReportSettings.capacity(capacity),
                title: title.map { VietnameseText.upper(VietnameseText.trimmed($0)) }.flatMap { $0.isEmpty ? nil : $0 },
                name: name.map(VietnameseText.trimmed).flatMap { $0.isEmpty ? nil : $0 })
        } catch {
            throw ToolError.argument("--signer-capacity", error.description)
        }
    }

    /// The Nơi nhận lines given, trimmed.
    var distribution: [String] { recipients.map(VietnameseText.trimmed) }
}
