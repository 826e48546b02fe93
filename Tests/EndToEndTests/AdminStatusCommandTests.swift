import Foundation
import PlanCore
import Postgres
import TestSupport
import Testing

@Suite("cchc-admin status: the dashboard of a reporting period")
struct AdminStatusCommandTests {
    @Test("Piped output is plain text with the period, statuses, units and silent continuous activities")
    func text() throws {
        try AdminTool.withPlans { admin in
            let outcome = try admin.runner.run(
                "cchc-admin", ["status", "--plan", "45/KH-STP", "--period", "2024-Q2", "--as-of", "2024-06-14"],
                extraEnvironment: ["CCHC_USER": admin.user])
            #expect(outcome.status == 0, "\(outcome)")
            #expect(!outcome.stdout.contains("\u{1B}["), "no colours when piped")
            #expect(
                outcome.stdout.contains(
                    "Kỳ báo cáo: Quý II năm 2024 (2024-Q2, chế độ cchc); số liệu từ 15/03/2024 đến 14/06/2024; hạn báo cáo 20/06/2024."
                ))
            #expect(outcome.stdout.contains("HOẠT ĐỘNG THƯỜNG XUYÊN CHƯA CÓ KẾT QUẢ TRONG KỲ\n- PL.1"))
        }
    }

    @Test("JSON: counts, unit lines and the continuous activities without results")
    func json() throws {
        try AdminTool.withPlans { admin in
            #expect(
                try admin(
                    "progress", "add", "--activity", "45/KH-STP#PL.1", "--unit", "Văn phòng Sở", "--date", "10/04/2024",
                    "--text", "Đăng tin"
                ).status == 0)
            let board = try admin(
                "status", "--plan", "45/KH-STP", "--period", "2024-Q2", "--as-of", "2024-07-01", "--format", "json"
            ).json()
            #expect(board["period"]?["deadline"]?.stringValue == "2024-06-20")
            #expect(board["asOf"]?.stringValue == "2024-07-01")
            let statuses = board["activities"]?.arrayValue?.compactMap { $0["status"]?.stringValue } ?? []
            #expect(statuses == ["inProgress", "notStarted", "overdue", "overdue"], "\(board)")
            let office = board["units"]?.arrayValue?.first { $0["unit"]?.stringValue == "Văn phòng Sở" }
            #expect(office?["expected"]?.intValue == 2 && office?["reported"]?.intValue == 1)
            #expect(office?["late"]?.intValue == 1, "recorded now, long after the deadline of 20/06/2024")
            #expect(board["continuousWithoutResults"]?.arrayValue?.isEmpty == true)
            let csv = try admin("status", "--plan", "45/KH-STP", "--period", "2024-Q2", "--format", "csv")
            #expect(csv.stdout.hasPrefix("Mã,Mục,Nội dung,Chủ trì,Thời gian,Tình trạng,Kết quả trong kỳ,Gần nhất\r\n"))
        }
    }

    @Test("A period the regime does not have is refused naming --period")
    func badPeriod() throws {
        try AdminTool.withPlans { admin in
            let outcome = try admin("status", "--plan", "45/KH-STP", "--period", "2024-M05")
            #expect(outcome.status == 1 && outcome.stderr.contains("không có kỳ báo cáo tháng"), "\(outcome)")
            let malformed = try admin("status", "--period", "2024-Q5")
            #expect(malformed.status == 1 && malformed.stderr.contains("--period"), "\(malformed)")
        }
    }
}
