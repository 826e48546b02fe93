import Foundation
import PlanCore
import Postgres
import ReportExport
import TestSupport
import Testing

/// `cchc-export template` as an admin uses it when Sở Nội vụ sends a new đề cương: export, edit, load,
/// and every report of the units below the scope is written in it; a submitted report keeps its own.
@Suite("cchc-export template: the đề cương as a stored, versioned template")
struct TemplateCommandTests {
    static func export(_ admin: AdminTool, _ arguments: String..., as login: String? = nil) throws -> ToolRunner.Outcome {
        try admin.runner.run("cchc-export", arguments, extraEnvironment: ["CCHC_USER": login ?? admin.user])
    }

    @Test("the shipped outline exported and loaded back changes no byte of the report")
    func roundTrip() throws {
        try AdminTool.withPlans { admin in
            let out = try ExportCommandTests.scratch()
            defer { try? FileManager.default.removeItem(at: out) }
            let before = out.appendingPathComponent("truoc.docx").path
            let after = out.appendingPathComponent("sau.docx").path
            let template = out.appendingPathComponent("de-cuong.txt").path
            #expect(try Self.export(admin, "report", "--plan", "45/KH-STP", "--period", "2024-Q2", "-o", before).status == 0)
            let exported = try Self.export(admin, "template", "export", "-o", template)
            #expect(exported.status == 0 && exported.stderr.contains("mẫu mặc định"), "\(exported)")
            #expect(try String(contentsOfFile: template, encoding: .utf8) == ReportOutline.standardSource)

            let loaded = try Self.export(admin, "template", "load", template, "--unit", "Ủy ban nhân dân tỉnh Bình Phước")
            #expect(loaded.status == 0 && loaded.stdout.contains("phiên bản 1"), "\(loaded)")
            let again = try Self.export(admin, "template", "load", template, "--unit", "Ủy ban nhân dân tỉnh Bình Phước")
            #expect(again.stdout.contains("không nạp thêm"), "\(again)")
            #expect(try admin.count("report_outlines") == 1)

            #expect(try Self.export(admin, "report", "--plan", "45/KH-STP", "--period", "2024-Q2", "-o", after).status == 0)
            #expect(FileManager.default.contents(atPath: before) == FileManager.default.contents(atPath: after))
            let show = try Self.export(admin, "template", "show", "--unit", "Sở Tư pháp")
            #expect(show.stdout.contains("Báo cáo của Sở Tư pháp theo chế độ cchc dùng mẫu của Ủy ban nhân dân tỉnh Bình Phước, mọi chế độ, phiên bản 1."), "\(show)")
        }
    }

    @Test("an edited outline applies below its unit, for its regime; a submitted report keeps the one it used")
    func editedAndSubmitted() throws {
        try AdminTool.withPlans { admin in
            let out = try ExportCommandTests.scratch()
            defer { try? FileManager.default.removeItem(at: out) }
            let edited = ReportOutline.standardSource
                .replacingOccurrences(of: "# {{so}} ĐỀ XUẤT, KIẾN NGHỊ", with: "# {{so}} KIẾN NGHỊ VỚI {{noi_nhan_chinh}}")
                .replacingOccurrences(of: "cột: minh_chung | Minh chứng | 20\n", with: "")
                .replacingOccurrences(of: "cột: stt | STT | 5\n", with: "cột: stt | TT | 5\ncột: ma | Mã | 6\n")
            let file = out.appendingPathComponent("de-cuong-stp.txt")
            try Data(edited.utf8).write(to: file)
            let loaded = try Self.export(admin, "template", "load", file.path, "--unit", "Sở Tư pháp", "--regime", "nd09")
            #expect(loaded.status == 0, "\(loaded)")

            func markdown(_ regime: String) throws -> String {
                let outcome = try Self.export(admin, "report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--regime", regime, "--format", "md")
                #expect(outcome.status == 0, "\(outcome)")
                return outcome.stdout
            }
            let nd09 = try markdown("nd09")
            #expect(nd09.contains("## IV. KIẾN NGHỊ VỚI Sở Nội vụ"))
            #expect(nd09.contains("| TT | Mã | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian | Kết quả | Tình trạng |"))
            // The other regime is not in the template's scope.
            #expect(try markdown("cchc").contains("## IV. ĐỀ XUẤT, KIẾN NGHỊ"))

            // Submitted under version 1; a version 2 loaded afterwards does not change what was submitted.
            let submitted = try Self.export(
                admin, "report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--regime", "nd09", "--submit", "--format", "md")
            #expect(submitted.status == 0, "\(submitted)")
            let second = out.appendingPathComponent("de-cuong-stp-2.txt")
            try Data(edited.replacingOccurrences(of: "KIẾN NGHỊ VỚI", with: "ĐỀ NGHỊ").utf8).write(to: second)
            let v2 = try Self.export(admin, "template", "load", second.path, "--unit", "Sở Tư pháp", "--regime", "nd09")
            #expect(v2.stdout.contains("phiên bản 2"), "\(v2)")
            let later = try markdown("nd09")
            #expect(later.contains("## IV. KIẾN NGHỊ VỚI Sở Nội vụ"), "the submitted period renders its snapshot")
            #expect(!later.contains("ĐỀ NGHỊ"))
            let draft = try Self.export(
                admin, "report", "--plan", "45/KH-STP", "--period", "2024-Q3", "--regime", "nd09", "--format", "md")
            #expect(draft.stdout.contains("## IV. ĐỀ NGHỊ Sở Nội vụ"), "\(draft)")

            // Each version can be exported again, exactly as loaded.
            let first = try Self.export(admin, "template", "export", "--unit", "Sở Tư pháp", "--regime", "nd09", "--version", "1")
            #expect(first.stdout == edited)
            let missing = try Self.export(admin, "template", "export", "--unit", "Sở Tư pháp", "--regime", "nd09", "--version", "7")
            #expect(missing.status == 1 && missing.stderr.contains("Không có phiên bản 7"), "\(missing)")

            // The loads are in the audit trail, by the admin who made them.
            let audit = try admin("audit", "--table", "report_outlines", "--format", "json").json()
            #expect(audit.arrayValue?.count == 2)
            #expect(audit.arrayValue?.allSatisfy { $0["actor"]?.stringValue == "vanphong" } == true)
        }
    }

    @Test("a wrong template is refused with its file and line, and nothing is stored")
    func refused() throws {
        try AdminTool.withPlans { admin in
            let out = try ExportCommandTests.scratch()
            defer { try? FileManager.default.removeItem(at: out) }
            let file = out.appendingPathComponent("mau-sai.txt")
            try Data(ReportOutline.standardSource.replacingOccurrences(of: "{{co_quan}} báo cáo kết quả", with: "{{ten_so}} báo cáo kết quả").utf8)
                .write(to: file)
            let outcome = try Self.export(admin, "template", "load", file.path)
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains("mau-sai.txt, dòng 5: không có trường \"ten_so\"; các trường dùng được: co_quan"), "\(outcome)")
            try Data([0xFF, 0xFE, 0x00]).write(to: file)
            #expect(try Self.export(admin, "template", "load", file.path).stderr.contains("không phải văn bản UTF-8"))
            let regime = try Self.export(admin, "template", "export", "--builtin", "-o", out.appendingPathComponent("m.txt").path)
            #expect(regime.status == 0)
            let badRegime = try Self.export(
                admin, "template", "load", out.appendingPathComponent("m.txt").path, "--regime", "nd30")
            #expect(badRegime.status == 1 && badRegime.stderr.contains("không có chế độ báo cáo \"nd30\""), "\(badRegime)")
            #expect(try admin.count("report_outlines") == 0)
        }
    }

    @Test("only an admin loads a template; nobody changes a loaded version, even with SQL")
    func permissions() throws {
        try AdminTool.withPlans { admin in
            let out = try ExportCommandTests.scratch()
            defer { try? FileManager.default.removeItem(at: out) }
            #expect(try admin("user", "add", "vp", "--role", "unit", "--unit", "Văn phòng Sở").status == 0)
            #expect(try admin("user", "add", "xem", "--role", "viewer").status == 0)
            let file = out.appendingPathComponent("m.txt").path
            #expect(try Self.export(admin, "template", "export", "--builtin", "-o", file).status == 0)
            for login in ["vp", "xem"] {
                let refused = try Self.export(admin, "template", "load", file, as: login)
                #expect(refused.status == 1 && refused.stderr.contains("không có quyền"), "\(refused)")
                #expect(try Self.export(admin, "template", "show", as: login).status == 0)
            }
            #expect(try Self.export(admin, "template", "load", file).status == 0)

            // Raw SQL on the admin's own login: the database sets version, hash and author, and refuses changes.
            try admin.db.withLogin("ql") { login, configuration in
                #expect(try admin("user", "login", "vanphong", "--db-login", login).status == 0)
                let own = try Connection(configuration)
                try own.query(
                    """
                    INSERT INTO report_outlines (unit_id, regime, version, source, sha256, loaded_by)
                    VALUES (NULL, NULL, 99, '[báo cáo]', repeat('a', 64), 'ai đó')
                    """)
                let row = try own.query(
                    """
                    SELECT version, sha256 = encode(sha256(convert_to(source, 'UTF8')), 'hex'), loaded_by
                      FROM report_outlines ORDER BY id DESC LIMIT 1
                    """
                ).singleRow()
                #expect(try row.decode(Int.self, at: 0) == 2)
                #expect(try row.decode(Bool.self, at: 1))
                #expect(try row.decode(String.self, at: 2) == "vanphong")
                for statement in [
                    "UPDATE report_outlines SET source = 'x'", "DELETE FROM report_outlines", "TRUNCATE report_outlines",
                ] {
                    #expect(throws: PostgresError.self) { try own.execute(unsafeSQL: statement) }
                }
            }
            // What raw SQL stored without the check is refused, with its scope and version, when a report needs it.
            let report = try Self.export(admin, "report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--format", "md")
            #expect(report.status == 1 && report.stderr.contains("Mẫu đề cương đã lưu (mọi đơn vị, mọi chế độ, phiên bản 2) không dùng được"), "\(report)")
        }
    }
}
