import ArgumentParser
import CLISupport
import PlanCore
import PlanStore

/// `cchc-admin unit review …`: names the importer met for the first time.
struct UnitReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract:
            "Rà soát tên đơn vị do nhập kế hoạch tạo ra: gộp vào đơn vị đã có (thành tên khác) hoặc chấp nhận là đơn vị mới.",
        subcommands: [List.self, Map.self, Accept.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Các tên đơn vị đang chờ rà soát.")
        @OptionGroup var output: FormatOption
        @OptionGroup var session: SessionOptions

        func run() throws {
            let store = try session.open()
            var listing = Listing(columns: [
                .init("id", "Mã", numeric: true), .init("name", "Tên như trong văn bản"), .init("kind", "Loại (đoán)"),
                .init("parent", "Thuộc"), .init("assignments", "Số phân công", numeric: true),
                .init("plans", "Kế hoạch"),
            ])
            let units = try store.unitsToReview()
            for item in units {
                listing.append([
                    .int(Int(item.unit.id)), .string(item.unit.name),
                    .string(output.format == .table ? item.unit.kind.vietnamese : item.unit.kind.rawValue),
                    .string(item.unit.parentName), .int(item.assignments), .strings(item.plans),
                ])
            }
            Terminal.write(listing.render(output.format))
            if output.format == .table {
                Terminal.line(
                    units.isEmpty
                        ? "Không có tên nào chờ rà soát."
                        : "\nGộp vào đơn vị đã có: cchc-admin unit review map TÊN --to ĐƠN_VỊ\nGiữ làm đơn vị mới:   cchc-admin unit review accept TÊN [--kind …] [--parent …]"
                )
            }
        }
    }

    struct Map: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Gộp một tên chờ rà soát vào đơn vị đã có: tên đó thành tên khác của đơn vị, phân công chuyển sang đơn vị."
        )
        @Argument(help: "Tên chờ rà soát (hoặc #mã).") var name: String
        @Option(help: "Đơn vị đã có (tên hoặc #mã).") var to: String
        @OptionGroup var session: SessionOptions

        func run() throws {
            let store = try session.open()
            let placeholder = try Arguments.resolving("TÊN") { try store.findReviewUnit(name) }
            let target = try Arguments.unit(store, to, option: "--to")
            let mapping = try store.mapReviewUnit(placeholder.id, to: target.id)
            Terminal.line(
                "Đã gộp \"\(mapping.name)\" vào \(mapping.target.label): \(mapping.reassigned) phân công đã chuyển; "
                    + "các lần nhập sau sẽ hiểu tên này là \(mapping.target.name).")
        }
    }

    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chấp nhận một tên chờ rà soát là đơn vị thật (có thể sửa loại, cấp trên).")
        @Argument(help: "Tên chờ rà soát (hoặc #mã).") var name: String
        @Option(help: "Loại đơn vị (authority, division, service-unit, organisation, group).") var kind: String?
        @Option(help: "Đơn vị cấp trên (tên hoặc #mã).") var parent: String?
        @Flag(help: "Đơn vị ở cấp cao nhất (không có cấp trên).") var topLevel = false
        @Option(help: "Tên viết tắt.") var abbreviation: String?
        @OptionGroup var session: SessionOptions

        func run() throws {
            let kind = try kind.map { try Arguments.kind($0) }
            let store = try session.open()
            let unit = try Arguments.resolving("TÊN") { try store.findReviewUnit(name) }
            let parentID: Int64?? =
                topLevel ? .some(nil) : try parent.map { .some(try Arguments.unit(store, $0, option: "--parent").id) }
            let accepted = try store.acceptReviewUnit(unit.id, kind: kind, parent: parentID, abbreviation: abbreviation)
            Terminal.line("Đã chấp nhận \(accepted.label) (\(accepted.kind.vietnamese)) là đơn vị trong danh mục.")
        }
    }
}
