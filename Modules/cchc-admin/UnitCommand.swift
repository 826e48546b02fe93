import ArgumentParser
import CLISupport
import PlanCore
import PlanStore

/// `cchc-admin unit …`: the registry of units and its history.
struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract:
            "Đơn vị: thêm, xem cây đơn vị theo ngày, đổi tên, hợp nhất, chia tách, giải thể, chuyển trực thuộc, nhóm, rà soát tên mới.",
        discussion: """
            Ngày hiệu lực (--effective) là ngày đầu tiên của tình trạng mới: đơn vị cũ còn hiệu lực đến hết ngày hôm trước. \
            Đổi tên và chuyển trực thuộc tạo một bản ghi kế tiếp (liên kết "renamed-to"), nên văn bản ghi ngày trước thay đổi \
            vẫn mang tên cũ; phân công, người dùng và tiến độ đi theo đơn vị. ĐƠN_VỊ là tên (hoặc tên khác), hoặc mã số #12.
            """,
        subcommands: [
            Add.self, List.self, Show.self, UnitRename.self, UnitMerge.self, UnitSplit.self, UnitRetire.self,
            UnitMove.self,
            UnitGroupCommand.self, UnitReviewCommand.self,
        ])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thêm một đơn vị.")
        @Argument(help: "Tên đơn vị.") var name: String
        @Option(
            help:
                "Loại: authority (cơ quan), division (phòng, ban), service-unit (đơn vị sự nghiệp), organisation (tổ chức), group (nhóm)."
        )
        var kind: String
        @Option(help: "Đơn vị cấp trên (tên hoặc #mã).") var parent: String?
        @Option(help: "Tên viết tắt dùng trong ký hiệu văn bản (ví dụ STP).") var abbreviation: String?
        @Option(help: "Địa danh (ví dụ Bình Phước).") var place: String?
        @Option(help: "Ngày bắt đầu hiệu lực (DD/MM/YYYY hoặc YYYY-MM-DD).") var effective: String?
        @Option(help: "Văn bản thành lập (ví dụ \"Quyết định 12/QĐ-UBND\").") var act: String?
        @OptionGroup var session: SessionOptions

        func run() throws {
            let kind = try Arguments.kind(kind)
            let effective = try Arguments.day(effective, "--effective")
            let store = try session.open()
            let parent = try parent.map { try Arguments.unit(store, $0, option: "--parent", on: effective) }
            let unit = try store.addUnit(
                NewUnit(
                    name: name, kind: kind, parentID: parent?.id, abbreviation: abbreviation, place: place,
                    effective: effective, act: act))
            Terminal.line(
                "Đã thêm đơn vị \(unit.label) (\(unit.kind.vietnamese))"
                    + (effective.map { ", hiệu lực từ \($0.vietnamese)" } ?? "") + ".")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cây đơn vị có hiệu lực vào một ngày (mặc định hôm nay).")
        @Option(help: "Ngày xem cây đơn vị (DD/MM/YYYY hoặc YYYY-MM-DD).") var on: String?
        @Flag(help: "Liệt kê mọi bản ghi, cả đơn vị đã hết hiệu lực, kèm thời gian hiệu lực.") var all = false
        @OptionGroup var output: FormatOption
        @OptionGroup var session: SessionOptions

        func run() throws {
            let day = try Arguments.day(on, "--on") ?? Store.today
            let store = try session.open()
            let table = output.format == .table
            var listing = Listing(columns: [
                .init("id", "Mã", numeric: true), .init("name", "Tên đơn vị"), .init("kind", "Loại"),
                .init("abbreviation", "Viết tắt"), .init("parentId", "Cấp trên", numeric: true),
                .init("depth", "Cấp", numeric: true),
                .init("validFrom", "Hiệu lực từ"), .init("validTo", "Đến"), .init("needsReview", "Cần rà soát"),
            ])
            let entries: [(UnitRecord, Int, Int64?)] =
                all
                ? try store.allUnits().map { ($0, 0, $0.parentID) }
                : try store.unitTree(on: day).map { ($0.unit, $0.depth, $0.shownParentID) }
            for (unit, depth, parent) in entries {
                let name = table ? String(repeating: "  ", count: depth) + unit.name : unit.name
                listing.append([
                    .int(Int(unit.id)), .string(name), .string(table ? unit.kind.vietnamese : unit.kind.rawValue),
                    .string(unit.abbreviation), parent.map { .int(Int($0)) } ?? .null, .int(depth),
                    .string(table ? unit.validFrom?.vietnamese : unit.validFrom?.iso),
                    .string(table ? unit.validTo?.vietnamese : unit.validTo?.iso), .bool(unit.needsReview),
                ])
            }
            if table {
                Terminal.line(all ? "Mọi đơn vị trong danh mục:" : "Cây đơn vị có hiệu lực ngày \(day.vietnamese):")
            }
            Terminal.write(listing.render(output.format))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Thông tin một đơn vị: tên khác, lịch sử, nhóm, đơn vị trực thuộc, phân công, người dùng.")
        @Argument(help: "Đơn vị (tên hoặc #mã).") var unit: String
        @OptionGroup var output: FormatOption
        @OptionGroup var session: SessionOptions

        func run() throws {
            let store = try session.open()
            let detail = try store.unitDetail(try Arguments.unit(store, unit, option: "ĐƠN_VỊ").id)
            let u = detail.unit
            func brief(_ unit: UnitRecord) -> JSONValue {
                .object([
                    ("id", .int(Int(unit.id))), ("name", .string(unit.name)), ("kind", .string(unit.kind.rawValue)),
                ])
            }
            let json: JSONValue = .object([
                ("id", .int(Int(u.id))), ("name", .string(u.name)), ("kind", .string(u.kind.rawValue)),
                ("abbreviation", .string(u.abbreviation)), ("parentId", u.parentID.map { .int(Int($0)) } ?? .null),
                ("parent", .string(u.parentName)), ("place", .string(u.place)),
                ("validFrom", .string(u.validFrom?.iso)),
                ("validTo", .string(u.validTo?.iso)), ("needsReview", .bool(u.needsReview)), ("note", .string(u.note)),
                ("aliases", .strings(detail.aliases)),
                (
                    "lineage",
                    .array(
                        detail.lineage.map { link in
                            .object([
                                ("kind", .string(link.kind.rawValue)),
                                ("direction", .string(link.outgoing ? "to" : "from")),
                                ("unitId", .int(Int(link.otherID))), ("unit", .string(link.otherName)),
                                ("effective", .string(link.effective.iso)), ("act", .string(link.act)),
                                ("note", .string(link.note)),
                            ])
                        })
                ),
                ("members", .array(detail.members.map(brief))), ("groups", .array(detail.groups.map(brief))),
                ("children", .array(detail.children.map(brief))),
                ("assignments", .object([("lead", .int(detail.leads)), ("coordinating", .int(detail.coordinates))])),
                ("users", .strings(detail.users)),
            ])
            guard output.format == .table else {
                Terminal.write(output.format == .json ? json.serialized() : UnitShowCSV.csv(json))
                return
            }
            Terminal.line("\(u.label)")
            Terminal.line("  Loại:          \(u.kind.vietnamese)" + (u.abbreviation.map { " — viết tắt \($0)" } ?? ""))
            let validity = Wording.validity(u.validFrom, u.validTo)
            Terminal.line("  Hiệu lực:      \(validity.isEmpty ? "không giới hạn" : validity)")
            if u.needsReview { Terminal.line("  Cần rà soát:   tên do nhập kế hoạch tạo ra (cchc-admin unit review)") }
            if let note = u.note { Terminal.line("  Ghi chú:       \(note)") }
            if !detail.aliases.isEmpty { Terminal.line("  Tên khác:      \(detail.aliases.joined(separator: "; "))") }
            for link in detail.lineage {
                Terminal.line(
                    "  Lịch sử:       \(link.effective.vietnamese): \(link.phrase) #\(link.otherID) \(link.otherName)"
                        + (link.act.map { " (\($0))" } ?? ""))
            }
            if u.kind == .group {
                Terminal.line(
                    "  Thành viên:    \(detail.members.isEmpty ? "(chưa có)" : detail.members.map(\.name).joined(separator: "; "))"
                )
            }
            if !detail.groups.isEmpty {
                Terminal.line("  Thuộc nhóm:    \(detail.groups.map(\.name).joined(separator: "; "))")
            }
            if !detail.children.isEmpty {
                Terminal.line("  Trực thuộc:    \(detail.children.map(\.label).joined(separator: "; "))")
            }
            Terminal.line(
                "  Phân công:     chủ trì \(detail.leads) hoạt động, phối hợp \(detail.coordinates) hoạt động")
            if !detail.users.isEmpty { Terminal.line("  Người dùng:    \(detail.users.joined(separator: ", "))") }
        }
    }
}

/// `unit show --format csv`: one field per line (field,value), lists joined by "; ".
enum UnitShowCSV {
    static func csv(_ json: JSONValue) -> String {
        guard case .object(let pairs) = json else { return "" }
        var listing = Listing(columns: [.init("field", "Trường"), .init("value", "Giá trị")])
        for (key, value) in pairs {
            let text: JSONValue
            switch value {
            case .array(let items):
                text = .string(
                    items.map {
                        $0["name"]?.stringValue ?? $0["unit"]?.stringValue ?? $0.stringValue
                            ?? $0.serialized(pretty: false)
                    }.joined(separator: "; "))
            case .object: text = .string(value.serialized(pretty: false))
            default: text = value
            }
            listing.append([.string(key), text])
        }
        return listing.csv
    }
}
