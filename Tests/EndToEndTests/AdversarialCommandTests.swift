import Foundation
import PlanCore
import Postgres
import TestSupport
import Testing

/// The built tools tried as an adversarial user would: full disks, retried scripts, escape sequences,
/// spreadsheet formulas, other people's names.
@Suite("cchc tools under hostile use: output failures, repeats, control characters, formulas, identity")
struct AdversarialCommandTests {
    static let add = [
        "progress", "add", "--activity", "45/KH-STP#PL.1", "--unit", "Văn phòng Sở", "--date", "10/04/2024",
        "--text", "Đăng 2 tin, bài", "--quantity", "2", "--quantity-unit", "tin, bài",
    ]

    @Test("Standard output on a full disk: a clear Vietnamese error and exit 1, never a trap")
    func fullDisk() throws {
        try AdminTool.withPlans { admin in
            for (tool, arguments) in [
                ("cchc-admin", ["unit", "list"]), ("cchc-admin", ["plan", "list", "--format", "json"]),
                ("cchc-export", ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--format", "json"]),
                ("cchc-export", ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--format", "csv"]),
            ] {
                let outcome = try admin.runner.run(
                    tool, arguments, extraEnvironment: ["CCHC_USER": admin.user], standardOutput: "/dev/full")
                #expect(outcome.status == 1, "\(tool) \(arguments): \(outcome)")
                #expect(
                    outcome.stderr.contains("Lỗi: Không ghi được ra đầu ra chuẩn (stdout): hết dung lượng đĩa."),
                    "\(outcome)")
                #expect(!outcome.stderr.contains("Fatal error") && !outcome.stderr.contains("Backtrace"), "\(outcome)")
            }
        }
    }

    @Test("A change committed before its output failed is a success with a warning; the retry is recognised as a repeat")
    func committedThenFull() throws {
        try AdminTool.withPlans { admin in
            let full = try admin.runner.run(
                "cchc-admin", Self.add, extraEnvironment: ["CCHC_USER": admin.user], standardOutput: "/dev/full")
            #expect(full.status == 0, "\(full)")
            #expect(full.stderr.contains("Cảnh báo: thay đổi đã được lưu vào cơ sở dữ liệu"), "\(full)")
            #expect(try admin.count("progress_entries") == 1)
            // The script retries anyway: the same result is not stored twice.
            let retry = try admin(Self.add)
            #expect(retry.status == 0, "\(retry)")
            #expect(retry.stdout.contains("Kết quả này đã được ghi (#1"), "\(retry)")
            #expect(try admin.count("progress_entries") == 1)
            // A different result the same minute is a new entry.
            var other = Self.add
            other[other.firstIndex(of: "Đăng 2 tin, bài")!] = "Đăng 3 tin, bài"
            #expect(try admin(other).stdout.hasPrefix("Đã ghi kết quả #2"))
        }
    }

    @Test("Control characters are refused at the input, naming the option; escaped on output")
    func controlCharacters() throws {
        try AdminTool.withPlans { admin in
            var hostile = Self.add
            hostile[hostile.firstIndex(of: "Đăng 2 tin, bài")!] = "Đăng tin\u{1B}]0;bị chiếm\u{07}\u{1B}[2J"
            let refused = try admin(hostile)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("Tham số --text chứa ký tự điều khiển U+001B"), "\(refused)")
            #expect(try admin.count("progress_entries") == 0)
            let inline = try admin("unit", "add", "--kind=division", "--parent=Sở Tư pháp", "Phòng\u{9B}X")
            #expect(inline.status == 1 && inline.stderr.contains("U+009B"), "\(inline)")
        }
    }

    @Test("CSV listings defuse spreadsheet formulas as the reports do")
    func formulas() throws {
        try AdminTool.withPlans { admin in
            let formula = "=HYPERLINK(\"http://evil.example/\",\"Bấm vào đây\")"
            #expect(try admin("unit", "add", formula, "--kind", "division", "--parent", "Sở Tư pháp").status == 0)
            #expect(try admin("unit", "add", "+SUM(A1:A9)", "--kind", "division", "--parent", "Sở Tư pháp").status == 0)
            let csv = try admin("unit", "list", "--format", "csv").stdout
            #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Bấm vào đây\"\")\""), "\(csv)")
            #expect(csv.contains("'+SUM(A1:A9)"), "\(csv)")
            #expect(!csv.contains(",=HYPERLINK") && !csv.contains(",+SUM"), "\(csv)")
        }
    }

    @Test("Dates far from the plan's year are refused with the reason, at the argument and in the store")
    func farDates() throws {
        try AdminTool.withPlans { admin in
            for (day, reason) in [
                ("01/01/0001", "nằm ngoài khoảng 1945–2200"), ("31/12/9999", "nằm ngoài khoảng 1945–2200"),
                ("01/03/2026", "nằm ngoài năm của kế hoạch 45/KH-STP (2024)"),
            ] {
                var arguments = Self.add
                arguments[arguments.firstIndex(of: "10/04/2024")!] = day
                let outcome = try admin(arguments)
                #expect(outcome.status == 1 && outcome.stderr.contains(reason), "\(day): \(outcome)")
            }
            #expect(try admin.count("progress_entries") == 0)
        }
    }

    @Test("On their own login a unit member is themselves: --as and CCHC_USER for someone else are refused")
    func ownLogin() throws {
        try AdminTool.withPlans { admin in
            #expect(try admin("user", "add", "nv.vp", "--role", "unit", "--unit", "Văn phòng Sở").status == 0)
            try admin.db.withLogin("nv") { login, configuration in
                #expect(try admin("user", "login", "nv.vp", "--db-login", login).status == 0)
                let own = ToolRunner(environment: admin.db.childEnvironment.merging(["DATABASE_URL": configuration.conninfo]) { _, new in new })
                let whoami = try own.run("cchc-admin", ["user", "whoami"])
                #expect(whoami.status == 0 && whoami.stdout.hasPrefix("nv.vp — cán bộ đơn vị"), "\(whoami)")
                for extra in [["--as", "vanphong"], []] {
                    let refused = try own.run(
                        "cchc-admin", ["user", "add", "ke.la", "--role", "admin"] + extra,
                        extraEnvironment: extra.isEmpty ? ["CCHC_USER": "vanphong"] : [:])
                    #expect(refused.status == 1, "\(refused)")
                    #expect(refused.stderr.contains("không được thực hiện thay người khác"), "\(refused)")
                }
                let recorded = try own.run(
                    "cchc-admin",
                    ["progress", "add", "--activity", "45/KH-STP#PL.1", "--date", "10/04/2024", "--text", "Tự ghi"])
                #expect(recorded.status == 0, "\(recorded)")
                #expect(try admin.db.connection.query("SELECT recorded_by FROM progress_entries").scalar(String.self) == "nv.vp")
                #expect(try admin.count("users") == 2)
            }
        }
    }
}

@Suite("cchc-admin user password: bcrypt hashes the database checks, the policy refused in Vietnamese")
struct PasswordCommandTests {
    @Test("From standard input: too short, equal to the login, or empty is refused; a good one is stored as bcrypt cost 12")
    func password() throws {
        try AdminTool.withPlans { admin in
            #expect(try admin("user", "add", "nv.vp", "--role", "unit", "--unit", "Văn phòng Sở").status == 0)
            for (input, message) in [
                ("ngan\n", "ít nhất 10 ký tự"), ("NV.VP\n", "ít nhất 10 ký tự"), ("\n", "dòng đầu tiên trống"),
            ] {
                let refused = try admin.runner.run(
                    "cchc-admin", ["user", "password", "nv.vp", "--stdin"], input: Data(input.utf8),
                    extraEnvironment: ["CCHC_USER": admin.user])
                #expect(refused.status == 1 && refused.stderr.contains(message), "\(input): \(refused)")
            }
            #expect(try admin("user", "add", "nguoi.dung.dai", "--role", "viewer").status == 0)
            let same = try admin.runner.run(
                "cchc-admin", ["user", "password", "nguoi.dung.dai", "--stdin"], input: Data("Nguoi.Dung.Dai\n".utf8),
                extraEnvironment: ["CCHC_USER": admin.user])
            #expect(same.status == 1 && same.stderr.contains("trùng tên đăng nhập"), "\(same)")
            let set = try admin.runner.run(
                "cchc-admin", ["user", "password", "nv.vp", "--stdin"], input: Data("Mật khẩu của cán bộ Văn phòng\n".utf8),
                extraEnvironment: ["CCHC_USER": admin.user])
            #expect(set.status == 0 && set.stdout.contains("Đã đặt mật khẩu cho nv.vp."), "\(set)")
            let row = try admin.db.connection.query(
                "SELECT password_hash, must_change FROM user_credentials c JOIN users u ON u.id = c.user_id WHERE u.login = 'nv.vp'"
            ).first!
            #expect(try row.decode(String.self, at: 0).hasPrefix("$2b$12$"))
            #expect(try row.decode(Bool.self, at: 1))
            // A unit member may not set someone else's password.
            let other = try admin.runner.run(
                "cchc-admin", ["user", "password", "vanphong", "--stdin"], input: Data("mot-mat-khau-dai-hon\n".utf8),
                extraEnvironment: ["CCHC_USER": "nv.vp"])
            #expect(other.status == 1, "\(other)")
        }
    }
}
