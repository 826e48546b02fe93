import Foundation
import PlanCore
import Postgres
import TestSupport
import Testing

@Suite("cchc-admin activity: adding, editing with version checks, statuses, links")
struct AdminActivityCommandTests {
    @Test("An activity is added with a Vietnamese schedule; an unreadable one is refused naming --schedule")
    func addWithSchedule() throws {
        try AdminTool.withPlans { admin in
            let added = try admin(
                "activity", "add", "--plan", "45/KH-STP", "--title", "Tập huấn kỹ năng viết tin, bài", "--schedule",
                "Quý IV/2024", "--lead", "Văn phòng Sở", "--product", "01 lớp tập huấn")
            #expect(added.status == 0, "\(added)")
            #expect(added.stdout.contains("45/KH-STP#BS.1"))
            let shown = try admin("activity", "show", "45/KH-STP#BS.1", "--format", "json").json()
            #expect(shown["schedule"]?["from"]?.stringValue == "2024-10-01")
            #expect(shown["schedule"]?["to"]?.stringValue == "2024-12-31")

            let activities = try admin.count("activities")
            let unreadable = try admin(
                "activity", "add", "--plan", "45/KH-STP", "--title", "Việc khác", "--schedule", "ngày 30/02/2024")
            #expect(unreadable.status == 1)
            #expect(unreadable.stderr.contains("--schedule"), "\(unreadable)")
            let unknownPlan = try admin(
                "activity", "add", "--plan", "99/KH-XYZ", "--title", "X", "--schedule", "Năm 2024")
            #expect(unknownPlan.status == 1 && unknownPlan.stderr.contains("--plan"))
            #expect(try admin.count("activities") == activities)
        }
    }

    @Test("An edit on a version someone else has changed is a conflict; nothing is overwritten")
    func conflict() throws {
        try AdminTool.withPlans { admin in
            #expect(try admin("user", "add", "truongvp", "--role", "admin").status == 0)
            let read = try admin("activity", "show", "45/KH-STP#PL.3", "--format", "json").json()
            let version = try #require(read["version"]?.intValue)
            let first = try admin(
                "activity", "edit", "45/KH-STP#PL.3", "--title", "Bản thứ nhất", "--expect-version", String(version))
            #expect(first.status == 0, "\(first)")
            let second = try admin(
                "activity", "edit", "45/KH-STP#PL.3", "--title", "Bản thứ hai", "--expect-version", String(version),
                as: "truongvp")
            #expect(second.status == 1)
            #expect(second.stderr.contains("Xung đột") && second.stderr.contains("Không có gì bị ghi đè"), "\(second)")
            let after = try admin("activity", "show", "45/KH-STP#PL.3", "--format", "json").json()
            #expect(after["title"]?.stringValue == "Bản thứ nhất")
        }
    }

    @Test("Unit staff set the status of their own activities only")
    func unitStatus() throws {
        try AdminTool.withPlans { admin in
            #expect(
                try admin("user", "add", "pbgdpl", "--role", "unit", "--unit", "Phòng Phổ biến, giáo dục pháp luật")
                    .status == 0)
            let own = try admin(
                "activity", "status", "PL.2", "--plan", "45/KH-STP", "done", "--on", "20/11/2024", as: "pbgdpl")
            #expect(own.status == 0, "\(own)")
            #expect(own.stdout.contains("hoàn thành (20/11/2024)"))
            let other = try admin("activity", "status", "45/KH-STP#PL.3", "done", as: "pbgdpl")
            #expect(other.status == 1)
            #expect(other.stderr.contains("không có quyền"), "\(other)")
            let edit = try admin("activity", "edit", "45/KH-STP#PL.2", "--title", "X", as: "pbgdpl")
            #expect(edit.status == 1)
        }
    }

    @Test("Lists filter by overdue and unit; links go to the parent plan's tasks; coverage shows what is missing")
    func listAndCoverage() throws {
        try AdminTool.withPlans { admin in
            let overdue = try admin(
                "activity", "list", "--plan", "45/KH-STP", "--overdue", "--as-of", "15/07/2024", "--format", "json"
            ).json()
            #expect(
                overdue.arrayValue?.compactMap { $0["reference"]?.stringValue } == ["45/KH-STP#PL.3", "45/KH-STP#PL.4"])
            let byUnit = try admin("activity", "list", "--unit", "Phòng Hành chính tư pháp", "--format", "csv")
            #expect(byUnit.stdout.split(separator: "\r\n").count == 2, "\(byUnit)")

            let before = try admin("plan", "coverage", "45/KH-STP", "--format", "json").json()
            let uncovered = before["uncovered"]?.arrayValue?.count ?? 0
            let parentTask = try #require(before["uncovered"]?.arrayValue?.first?["reference"]?.stringValue)
            let linked = try admin("activity", "link", "45/KH-STP#PL.1", "--to", parentTask)
            #expect(linked.status == 0, "\(linked)")
            let after = try admin("plan", "coverage", "45/KH-STP", "--format", "json").json()
            #expect(after["uncovered"]?.arrayValue?.count == uncovered - 1)
            #expect(
                after["covered"]?.arrayValue?.first?["implementedBy"]?.arrayValue?.first?["reference"]?.stringValue
                    == "45/KH-STP#PL.1")
            let wrong = try admin("activity", "link", "45/KH-STP#PL.2", "--to", "45/KH-STP#PL.1")
            #expect(wrong.status == 1 && wrong.stderr.contains("kế hoạch cấp trên"))
        }
    }
    @Test("A period's activities by the report's rule; a unit user sees their unit's by default; a narrow table; status --unit")
    func periodAndUnit() throws {
        try AdminTool.withPlans { admin in
            func references(_ outcome: ToolRunner.Outcome) throws -> [String] {
                try outcome.json().arrayValue?.compactMap { $0["reference"]?.stringValue } ?? []
            }
            // Q3/2024 (15/06–14/09): PL.3 and PL.4 (due 30/06) are carried over overdue; the year-round ones stay.
            let q3 = try references(admin("activity", "list", "--plan", "45/KH-STP", "--period", "2024-Q3", "--format", "json"))
            #expect(q3.contains("45/KH-STP#PL.4") && q3.contains("45/KH-STP#PL.1"), "\(q3)")
            #expect(!q3.contains("45/KH-STP#PL.6"), "a deadline of 10/12 is not part of Q3: \(q3)")
            let q4 = try references(admin("activity", "list", "--plan", "45/KH-STP", "--period", "2024-Q4", "--format", "json"))
            #expect(q4.contains("45/KH-STP#PL.6"), "\(q4)")
            let misspelt = try admin("activity", "list", "--unit", "Phong Hanh chanh tu phap")
            #expect(misspelt.status == 1)
            #expect(misspelt.stderr.contains("Có phải: \"Phòng Hành chính tư pháp\"?"), "\(misspelt)")
            // A misspelt activity reference gets the plan's nearest refs and titles.
            let ref = try admin("activity", "show", "45/KH-STP#PL3")
            #expect(ref.status == 1 && ref.stderr.contains("Có phải: \"45/KH-STP#PL.3 ("), "\(ref)")
            let byTitle = try admin("activity", "show", "45/KH-STP#niem yet")
            #expect(byTitle.stderr.contains("\"45/KH-STP#PL.3 (Niêm yết"), "\(byTitle)")
            let bad = try admin("activity", "list", "--period", "2024-Q5")
            #expect(bad.status != 0 && bad.stderr.contains("--period"), "\(bad)")

            #expect(try admin("user", "add", "hctp", "--role", "unit", "--unit", "Phòng Hành chính tư pháp").status == 0)
            let own = try admin("activity", "list", "--format", "json", as: "hctp")
            #expect(try references(own) == ["45/KH-STP#PL.4"], "\(own)")
            let every = try references(admin("activity", "list", "--all-units", "--format", "json", as: "hctp"))
            #expect(every.count > 1)
            let table = try admin("activity", "list", as: "hctp")
            #expect(table.stdout.contains("của Phòng Hành chính tư pháp (thêm --all-units"), "\(table)")
            let header = try #require(table.stdout.split(separator: "\n").first)
            #expect(!header.contains("Phối hợp") && !header.contains("Phiên bản"), "narrow by default: \(header)")
            let wide = try admin("activity", "list", "--wide", as: "hctp")
            #expect(wide.stdout.split(separator: "\n").first?.contains("Phiên bản") == true)

            let board = try admin(
                "status", "--plan", "45/KH-STP", "--period", "2024-Q2", "--unit", "Phòng Hành chính tư pháp", "--format", "json"
            ).json()
            let items = board["activities"]?.arrayValue?.compactMap { $0["ref"]?.stringValue } ?? []
            #expect(items == ["PL.4"], "\(board)")
            #expect(board["units"]?.arrayValue?.compactMap { $0["unit"]?.stringValue } == ["Phòng Hành chính tư pháp"])
        }
    }
}
