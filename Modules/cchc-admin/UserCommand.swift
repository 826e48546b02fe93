import ArgumentParser
import CLISupport
import HummingbirdBcrypt
import PlanCore
import PlanStore

/// `cchc-admin user …`: people and their roles.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract:
            "Người dùng và vai trò: admin (Văn phòng Sở, toàn bộ kế hoạch), unit (cán bộ đơn vị: ghi tiến độ, tình trạng các hoạt động của đơn vị mình), viewer (chỉ xem).",
        discussion: """
            Người thực hiện lệnh là người dùng gắn với tài khoản PostgreSQL đang kết nối (--db-login). Chỉ quản trị \
            viên mới được làm thay người khác (--as hoặc biến CCHC_USER), và nhật ký ghi cả hai. Quyền được \
            PostgreSQL kiểm soát (vai trò nhóm và row-level security).
            """,
        subcommands: [
            Add.self, List.self, Login.self, Password.self, SignOut.self, SecondFactor.self, Disable.self, Enable.self,
            WhoAmI.self,
        ])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Đăng ký một người dùng.")
        @Argument(help: "Tên đăng nhập.") var login: String
        @Option(help: "Vai trò: admin, unit hoặc viewer.") var role: String
        @Option(help: "Đơn vị (bắt buộc với vai trò unit).") var unit: String?
        @Option(help: "Họ và tên.") var name: String?
        @Option(help: "Tài khoản PostgreSQL của người này (người quản trị máy chủ tạo bằng deploy/postgres/create-login.sql).")
        var dbLogin: String?
        @OptionGroup var session: SessionOptions

        func run() throws {
            let role = try Arguments.userRole(role)
            if role == .unit, unit == nil { throw ToolError.argument("--unit", "cần cho người dùng vai trò unit.") }
            let store = try session.open()
            let unit = try unit.map { try Arguments.unit(store, $0, option: "--unit") }
            let added = try store.addUser(
                login: login, role: role, unitID: unit?.id, displayName: name, databaseLogin: dbLogin)
            Terminal.line(
                "Đã thêm người dùng \(added.user.login) — \(Wording.userRole(added.user.role))"
                    + (added.unitName.map { ", \($0)" } ?? "") + ".")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Danh sách người dùng.")
        @OptionGroup var output: FormatOption
        @OptionGroup var session: SessionOptions

        func run() throws {
            let store = try session.open()
            var listing = Listing(columns: [
                .init("login", "Tên đăng nhập"), .init("name", "Họ và tên"), .init("role", "Vai trò"),
                .init("unit", "Đơn vị"), .init("dbLogin", "Tài khoản PostgreSQL"),
                .init("active", "Hoạt động"), .init("createdAt", "Tạo lúc"),
            ])
            for item in try store.listUsers() {
                listing.append([
                    .string(item.user.login), .string(item.user.displayName),
                    .string(output.format == .table ? Wording.userRole(item.user.role) : item.user.role.rawValue),
                    .string(item.unitName), .string(item.user.databaseLogin), .bool(item.user.active),
                    .string(item.createdAt),
                ])
            }
            Terminal.write(listing.render(output.format))
        }
    }

    struct Login: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Gắn (hoặc bỏ gắn) tài khoản PostgreSQL của một người dùng; tài khoản nhận đúng vai trò của người đó.")
        @Argument(help: "Tên đăng nhập.") var login: String
        @Option(help: "Tài khoản PostgreSQL.") var dbLogin: String?
        @Flag(help: "Bỏ gắn: người này chỉ còn dùng được qua ứng dụng web hoặc do quản trị viên làm thay.") var none = false
        @OptionGroup var session: SessionOptions

        func validate() throws {
            if (dbLogin == nil) == !none { throw ValidationError("Cần đúng một trong --db-login TÀI_KHOẢN và --none.") }
        }

        func run() throws {
            let user = try session.open().setDatabaseLogin(login, to: none ? nil : dbLogin)
            Terminal.line(
                user.user.databaseLogin.map { "Đã gắn tài khoản PostgreSQL \($0) cho \(user.user.login)." }
                    ?? "Đã bỏ gắn tài khoản PostgreSQL của \(user.user.login).")
        }
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Đặt mật khẩu đăng nhập ứng dụng web (quản trị viên cho mọi người, mỗi người cho chính mình).",
            discussion: """
                Mật khẩu ít nhất \(PasswordPolicy.minimumLength) ký tự, khác tên đăng nhập; lưu dưới dạng băm bcrypt \
                (cost 12). Không có --stdin: hỏi hai lần, không hiện chữ. Quản trị viên đặt cho người khác thì \
                người đó phải đổi mật khẩu ở lần đăng nhập tới (trừ khi có --no-change-required).
                """)
        @Argument(help: "Tên đăng nhập.") var login: String
        @Flag(help: "Đọc mật khẩu từ dòng đầu của đầu vào chuẩn.") var stdin = false
        @Flag(help: "Không bắt người dùng đổi mật khẩu ở lần đăng nhập tới.") var noChangeRequired = false
        @OptionGroup var session: SessionOptions

        func run() throws {
            let password = try stdin ? PasswordInput.firstLine() : PasswordInput.prompt()
            do {
                try PasswordPolicy.check(password, login: login)
            } catch {
                throw ToolError(error.description)
            }
            let store = try session.open()
            let hash = Bcrypt.hash(PasswordPolicy.secret(password), cost: 12)
            try store.setPassword(login, hash: hash, mustChange: !noChangeRequired)
            Terminal.line("Đã đặt mật khẩu cho \(login).")
        }
    }

    struct SignOut: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign-out", abstract: "Kết thúc mọi phiên đăng nhập ứng dụng web của một người dùng.")
        @Argument(help: "Tên đăng nhập.") var login: String
        @OptionGroup var session: SessionOptions

        func run() throws {
            let ended = try session.open().endSessions(of: login, reason: "ended-by-admin")
            Terminal.line("Đã kết thúc \(ended) phiên đăng nhập của \(login).")
        }
    }

    struct SecondFactor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "second-factor",
            abstract: "Bắt buộc (hoặc không) quản trị viên dùng xác thực hai lớp (mã TOTP) khi đăng nhập ứng dụng web.")
        @Option(help: "required hoặc optional.") var admins: String

        @OptionGroup var session: SessionOptions

        func validate() throws {
            guard ["required", "optional"].contains(admins) else {
                throw ValidationError("--admins nhận required hoặc optional.")
            }
        }

        func run() throws {
            try session.open().setRequireTOTPForAdmins(admins == "required")
            Terminal.line(
                admins == "required"
                    ? "Từ nay quản trị viên phải nhập mã xác thực hai lớp khi đăng nhập (ai chưa đăng ký sẽ được hướng dẫn)."
                    : "Xác thực hai lớp không còn bắt buộc với quản trị viên.")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Khóa một người dùng (không xóa; lịch sử vẫn giữ).")
        @Argument(help: "Tên đăng nhập.") var login: String
        @OptionGroup var session: SessionOptions

        func run() throws {
            let user = try session.open().setUserActive(login, active: false)
            Terminal.line("Đã khóa người dùng \(user.user.login).")
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mở khóa một người dùng.")
        @Argument(help: "Tên đăng nhập.") var login: String
        @OptionGroup var session: SessionOptions

        func run() throws {
            let user = try session.open().setUserActive(login, active: true)
            Terminal.line("Đã mở khóa người dùng \(user.user.login).")
        }
    }

    struct WhoAmI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "whoami", abstract: "Người đang thực hiện lệnh và vai trò của họ.")
        @OptionGroup var session: SessionOptions

        func run() throws {
            let store = try session.open()
            let unit = try store.user.unitID.map { try store.unitDetail($0).unit.name }
            Terminal.line(
                "\(store.user.login) — \(Wording.userRole(store.user.role))" + (unit.map { ", \($0)" } ?? "")
                    + (store.operatorLogin.map { " (do \($0) làm thay)" } ?? ""))
        }
    }
}
