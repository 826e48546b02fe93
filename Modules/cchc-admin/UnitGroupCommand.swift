import ArgumentParser
import CLISupport
import PlanCore
import PlanStore

/// `cchc-admin unit group …`: members of collective names ("các phòng chuyên môn, nghiệp vụ thuộc Sở").
struct UnitGroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group",
        abstract:
            "Nhóm đơn vị (ví dụ \"Các phòng, đơn vị thuộc Sở\"): thành viên của nhóm cùng thực hiện các hoạt động giao cho nhóm.",
        subcommands: [AddMember.self, RemoveMember.self, Members.self])

    struct AddMember: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-member", abstract: "Thêm đơn vị vào nhóm.")
        @Argument(help: "Nhóm (tên hoặc #mã).") var group: String
        @Argument(help: "Đơn vị thành viên (tên hoặc #mã).") var member: String
        @OptionGroup var session: SessionOptions

        func run() throws {
            let store = try session.open()
            let group = try Arguments.unit(store, group, option: "NHÓM")
            let member = try Arguments.unit(store, member, option: "THÀNH_VIÊN")
            let added = try store.addGroupMember(group: group.id, member: member.id)
            Terminal.line(
                added
                    ? "Đã thêm \(member.label) vào nhóm \(group.name)."
                    : "\(member.label) đã là thành viên của nhóm \(group.name); không có gì thay đổi.")
        }
    }

    struct RemoveMember: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-member", abstract: "Bỏ đơn vị khỏi nhóm.")
        @Argument(help: "Nhóm (tên hoặc #mã).") var group: String
        @Argument(help: "Đơn vị thành viên (tên hoặc #mã).") var member: String
        @OptionGroup var session: SessionOptions

        func run() throws {
            let store = try session.open()
            let group = try Arguments.unit(store, group, option: "NHÓM")
            let member = try Arguments.unit(store, member, option: "THÀNH_VIÊN")
            guard try store.removeGroupMember(group: group.id, member: member.id) else {
                throw ToolError.argument(
                    "THÀNH_VIÊN", "\(member.label) không phải là thành viên của nhóm \(group.name).")
            }
            Terminal.line("Đã bỏ \(member.label) khỏi nhóm \(group.name).")
        }
    }

    struct Members: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Danh sách thành viên của nhóm.")
        @Argument(help: "Nhóm (tên hoặc #mã).") var group: String
        @Option(help: "Gọi tên thành viên theo ngày này (mặc định hôm nay).") var on: String?
        @OptionGroup var output: FormatOption
        @OptionGroup var session: SessionOptions

        func run() throws {
            let day = try Arguments.day(on, "--on") ?? Store.today
            let store = try session.open()
            let group = try Arguments.unit(store, group, option: "NHÓM")
            var listing = Listing(columns: [
                .init("id", "Mã", numeric: true), .init("name", "Đơn vị"), .init("kind", "Loại"),
                .init("parent", "Thuộc"),
            ])
            for unit in try store.groupMembers(group.id, on: day) {
                listing.append([
                    .int(Int(unit.id)), .string(unit.name),
                    .string(output.format == .table ? unit.kind.vietnamese : unit.kind.rawValue),
                    .string(unit.parentName),
                ])
            }
            if output.format == .table { Terminal.line("Thành viên nhóm \(group.label):") }
            Terminal.write(listing.render(output.format))
        }
    }
}
