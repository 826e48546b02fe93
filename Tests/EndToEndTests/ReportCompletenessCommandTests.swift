import Foundation
import PlanCore
import Postgres
import TestSupport
import Testing

/// The reproduction of the report that lost entries, through the built tools: four results on one
/// activity, one of them from a division that is only a member of an assigned group.
@Suite("Reports, the board and the submission count every entry")
struct ReportCompletenessCommandTests {
    @Test("Four results by the Văn phòng and a group member: progress list, report, status and the submitted snapshot all say 4")
    func groupMemberEntries() throws {
        try withMigratedDatabase { db in
            let runner = ToolRunner(environment: db.childEnvironment)
            func run(_ tool: String, _ arguments: String..., as login: String = "vanphong") throws -> ToolRunner.Outcome {
                let outcome = try runner.run(tool, arguments, extraEnvironment: ["CCHC_USER": login, "NO_COLOR": ""])
                #expect(outcome.status == 0, "\(tool) \(arguments.joined(separator: " ")): \(outcome)")
                return outcome
            }
            let sldtbxh = "Sở Lao động - Thương binh và Xã hội"
            let group = "các phòng chuyên môn, nghiệp vụ thuộc Sở"
            _ = try run("cchc-import", "plan", ToolRunner.fixture("96-KH-UBND-2024.docx").path)
            let imported = try run("cchc-import", "plan", ToolRunner.fixture("KH-SLDTBXH-2024.txt").path, "--format", "json")
            let plan = try #require(try JSONValue.parse(imported.stdout)["plan"]?.stringValue)
            _ = try run("cchc-admin", "unit", "review", "accept", sldtbxh, "--parent", "Ủy ban nhân dân tỉnh Bình Phước")
            _ = try run("cchc-admin", "unit", "add", "Phòng Lao động - Việc làm", "--kind", "division", "--parent", sldtbxh)
            _ = try run("cchc-admin", "unit", "review", "accept", group)
            _ = try run("cchc-admin", "unit", "group", "add-member", group, "Phòng Lao động - Việc làm")
            _ = try run("cchc-admin", "user", "add", "vp.s", "--role", "unit", "--unit", "\(sldtbxh) > Văn phòng Sở")
            _ = try run("cchc-admin", "user", "add", "ld.s", "--role", "unit", "--unit", "Phòng Lao động - Việc làm")
            for (day, login) in [("10/04/2024", "vp.s"), ("11/04/2024", "ld.s"), ("12/04/2024", "vp.s"), ("13/04/2024", "vp.s")] {
                _ = try run(
                    "cchc-admin", "progress", "add", "--activity", "\(plan)#II.3.a", "--date", day,
                    "--text", "Đăng tin, bài ngày \(day)", "--quantity", "1", "--quantity-unit", "tin, bài", as: login)
            }
            let listed = try run("cchc-admin", "progress", "list", "--plan", plan, "--format", "json")
            #expect(try JSONValue.parse(listed.stdout).arrayValue?.count == 4)

            let report = try run("cchc-export", "report", "--plan", plan, "--period", "2024-Q2", "--format", "json")
            let json = try JSONValue.parse(report.stdout)
            #expect(json["summary"]?["progressEntries"]?.intValue == 4)
            let results = json["activities"]?.arrayValue?.first { $0["ref"]?.stringValue == "II.3.a" }?["results"]
            #expect(results?.arrayValue?.map { $0["unit"]?.stringValue ?? "" }
                == ["Văn phòng Sở", "Phòng Lao động - Việc làm", "Văn phòng Sở", "Văn phòng Sở"])

            let status = try run("cchc-admin", "status", "--plan", plan, "--period", "2024-Q2", "--format", "json")
            let item = try JSONValue.parse(status.stdout)["activities"]?.arrayValue?.first { $0["ref"]?.stringValue == "II.3.a" }
            #expect(item?["results"]?.intValue == 4, "\(status.stdout)")

            let submitted = try run(
                "cchc-export", "report", "--plan", plan, "--period", "2024-Q2", "--submit", "--format", "json")
            #expect(try JSONValue.parse(submitted.stdout)["summary"]?["progressEntries"]?.intValue == 4)
            let content = try db.connection.query("SELECT content_text FROM report_snapshots").scalar(String.self)
            #expect(try JSONValue.parse(content)["summary"]?["progressEntries"]?.intValue == 4)
        }
    }
}
