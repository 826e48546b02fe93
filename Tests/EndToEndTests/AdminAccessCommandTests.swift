import Foundation
import PlanCore
import Postgres
import TestSupport
import Testing

@Suite("cchc-admin users, identity, locked periods, audit and exit codes")
struct AdminAccessCommandTests {
    @Test("Identity comes from --as, else CCHC_USER; unknown people are refused")
    func identity() throws {
        try AdminTool.withPlans { admin in
            #expect(try admin("user", "add", "xem", "--role", "viewer", "--name", "Nguyễn Thị Xem").status == 0)
            #expect(try admin("user", "whoami", as: "xem").stdout.hasPrefix("xem — chỉ xem"))
            #expect(try admin("user", "whoami", "--as", "vanphong", as: "xem").stdout.hasPrefix("vanphong — quản trị"))
            let stranger = try admin("plan", "list", as: "nguoila")
            #expect(stranger.status == 1 && stranger.stderr.contains("chưa được đăng ký"), "\(stranger)")
            let write = try admin("unit", "add", "Phòng X", "--kind", "division", as: "xem")
            #expect(write.status == 1 && write.stderr.contains("không có quyền"))
            #expect(try admin("user", "disable", "xem").status == 0)
            #expect(try admin("plan", "list", as: "xem").status == 1)
            let users = try admin("user", "list", "--format", "json").json()
            #expect(users.arrayValue?.first { $0["login"]?.stringValue == "xem" }?["active"] == .bool(false))
        }
    }

    @Test("A locked period refuses progress; reopening needs an admin and a reason and is audited")
    func lockAndReopen() throws {
        try AdminTool.withPlans { admin in
            #expect(try admin("user", "add", "vp", "--role", "unit", "--unit", "Văn phòng Sở").status == 0)
            #expect(try admin("period", "lock", "--plan", "45/KH-STP", "--period", "2024-Q2").status == 0)
            let refused = try admin(
                "progress", "add", "--activity", "45/KH-STP#PL.3", "--date", "01/06/2024", "--text", "Đã niêm yết",
                as: "vp")
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("Kỳ báo cáo 2024-Q2 đã khóa"), "\(refused)")
            let noReason = try admin("period", "reopen", "--plan", "45/KH-STP", "--period", "2024-Q2")
            #expect(noReason.status == 2)
            let byStaff = try admin(
                "period", "reopen", "--plan", "45/KH-STP", "--period", "2024-Q2", "--reason", "Bổ sung", as: "vp")
            #expect(byStaff.status == 1)
            #expect(
                try admin(
                    "period", "reopen", "--plan", "45/KH-STP", "--period", "2024-Q2", "--reason",
                    "Bổ sung kết quả tháng 6"
                ).status == 0)
            #expect(
                try admin(
                    "progress", "add", "--activity", "45/KH-STP#PL.3", "--date", "01/06/2024", "--text", "Đã niêm yết",
                    as: "vp"
                ).status == 0)
            let audit = try admin("audit", "--table", "period_locks", "--format", "json").json()
            let reopen = try #require(audit.arrayValue?.last)
            #expect(reopen["action"]?.stringValue == "update" && reopen["actor"]?.stringValue == "vanphong")
            #expect(
                reopen["changes"]?.arrayValue?.contains {
                    $0["field"]?.stringValue == "reopen_reason" && $0["after"]?.stringValue == "Bổ sung kết quả tháng 6"
                } == true)
            let byActivity = try admin("audit", "--activity", "45/KH-STP#PL.3", "--since", "2024-01-01")
            #expect(byActivity.stdout.contains("progress_entries"), "\(byActivity)")
        }
    }

    @Test("An unreachable database exits 3; help is Vietnamese and exits 0")
    func exitCodes() throws {
        let tool = ToolRunner()
        let unreachable = try tool.run(
            "cchc-admin", ["plan", "list"],
            extraEnvironment: ["DATABASE_URL": "host=/tmp/cchc-khong-co port=1 dbname=x connect_timeout=2"])
        #expect(unreachable.status == 3, "\(unreachable)")
        #expect(unreachable.stderr.contains("Không kết nối được tới PostgreSQL"))
        let help = try tool.run("cchc-admin", ["activity", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("LỆNH CON:") && help.stdout.contains("Hoạt động:"))
    }
}
