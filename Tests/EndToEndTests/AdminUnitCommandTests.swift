import Foundation
import PlanCore
import Postgres
import TestSupport
import Testing

@Suite("cchc-admin unit: the registry, its history and the review of imported names")
struct AdminUnitCommandTests {
    @Test("A rename shows the old name in the tree before the effective date and the new one after")
    func renameAndTree() throws {
        try AdminTool.withPlans { admin in
            let renamed = try admin(
                "unit", "rename", "Văn phòng Sở", "--to", "Văn phòng Sở Tư pháp", "--effective", "01/03/2025", "--act",
                "Quyết định 12/QĐ-STP")
            #expect(renamed.status == 0, "\(renamed)")
            #expect(
                renamed.stdout.contains("Đổi tên \"Văn phòng Sở\" thành \"Văn phòng Sở Tư pháp\" từ ngày 01/03/2025"))
            let before = try admin("unit", "list", "--on", "2024-06-30")
            #expect(
                before.stdout.contains("  Văn phòng Sở ") && !before.stdout.contains("Văn phòng Sở Tư pháp"),
                "\(before)")
            let after = try admin("unit", "list", "--on", "2025-06-30", "--format", "json").json()
            let names = after.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(names.contains("Văn phòng Sở Tư pháp") && !names.contains("Văn phòng Sở"))
            let office = after.arrayValue?.first { $0["name"]?.stringValue == "Văn phòng Sở Tư pháp" }
            let department = after.arrayValue?.first { $0["name"]?.stringValue == "Sở Tư pháp" }
            #expect(office?["parentId"] == department?["id"])
            #expect(office?["depth"]?.intValue == (department?["depth"]?.intValue).map { $0 + 1 })
        }
    }

    @Test("A name typed in NFD (as macOS and PDFs give it) finds the unit")
    func nfdArgument() throws {
        try AdminTool.withPlans { admin in
            let nfd = "Phòng Phổ biến, giáo dục pháp luật".decomposedStringWithCanonicalMapping
            let shown = try admin("unit", "show", nfd, "--format", "json")
            #expect(shown.status == 0, "\(shown)")
            #expect(try shown.json()["name"]?.stringValue == "Phòng Phổ biến, giáo dục pháp luật")
        }
    }

    @Test("Bad input names the argument, exits 1 and changes nothing")
    func badInput() throws {
        try AdminTool.withPlans { admin in
            let audit = try admin.count("audit_log")
            let badDate = try admin("unit", "retire", "Văn phòng Sở", "--effective", "30/02/2025")
            #expect(badDate.status == 1)
            #expect(
                badDate.stderr.contains("--effective") && badDate.stderr.contains("30/02/2025 không tồn tại"),
                "\(badDate)")
            let unknown = try admin(
                "unit", "merge", "Phòng Không Có", "--into", "Văn phòng Sở", "--effective", "2025-03-01")
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("Không tìm thấy đơn vị \"Phòng Không Có\""), "\(unknown)")
            let badKind = try admin("unit", "add", "Phòng Mới", "--kind", "phong")
            #expect(badKind.status == 1 && badKind.stderr.contains("--kind"))
            let usage = try admin("unit", "rename", "Văn phòng Sở", "--to", "X")
            #expect(usage.status == 2, "\(usage)")
            #expect(try admin.count("audit_log") == audit)
        }
    }

    @Test("Mapping a review name to an existing unit makes it an alias; accepting keeps it")
    func review() throws {
        try AdminTool.withPlans { admin in
            let listed = try admin("unit", "review", "--format", "json").json()
            #expect(listed.arrayValue?.contains { $0["name"]?.stringValue == "Phòng Hành chính tư pháp" } == true)
            #expect(
                try admin("unit", "add", "Phòng Hành chính - Tư pháp", "--kind", "division", "--parent", "Sở Tư pháp")
                    .status == 0)
            let mapped = try admin(
                "unit", "review", "map", "Phòng Hành chính tư pháp", "--to", "Phòng Hành chính - Tư pháp")
            #expect(mapped.status == 0, "\(mapped)")
            #expect(mapped.stdout.contains("1 phân công đã chuyển"))
            let shown = try admin("unit", "show", "Phòng Hành chính - Tư pháp", "--format", "json").json()
            #expect(shown["aliases"] == .strings(["Phòng Hành chính tư pháp"]))
            #expect(shown["assignments"]?["lead"]?.intValue == 1)
            let accepted = try admin(
                "unit", "review", "accept", "Trung tâm Phục vụ hành chính công tỉnh", "--kind", "service-unit")
            #expect(accepted.status == 0, "\(accepted)")
            let after = try admin("unit", "review", "--format", "json").json()
            #expect(
                after.arrayValue?.contains { $0["name"]?.stringValue == "Trung tâm Phục vụ hành chính công tỉnh" }
                    == false)
        }
    }

    @Test("Groups: members are added, listed and removed")
    func groups() throws {
        try AdminTool.withPlans { admin in
            #expect(try admin("unit", "group", "add-member", "Các phòng, đơn vị thuộc Sở", "Văn phòng Sở").status == 0)
            let members = try admin("unit", "group", "members", "Các phòng, đơn vị thuộc Sở", "--format", "csv")
            #expect(members.stdout.hasPrefix("Mã,Đơn vị,Loại,Thuộc\r\n"), "\(members)")
            #expect(members.stdout.contains("Văn phòng Sở,division,Sở Tư pháp"))
            #expect(
                try admin("unit", "group", "remove-member", "Các phòng, đơn vị thuộc Sở", "Văn phòng Sở").status == 0)
            let notGroup = try admin("unit", "group", "add-member", "Văn phòng Sở", "Sở Tư pháp")
            #expect(notGroup.status == 1 && notGroup.stderr.contains("không phải là nhóm"))
        }
    }
}
