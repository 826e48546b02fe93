import Foundation
import OOXML
import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("cchc-export as a user runs it")
struct ExportCommandTests {
    /// A database with the provincial plan and the Sở Tư pháp plan imported, and some progress recorded.
    static func seeded(_ body: (TestDatabase, ToolRunner) throws -> Void) throws {
        try withMigratedDatabase { db in
            let tool = ToolRunner(environment: db.childEnvironment.merging(["CCHC_USER": "vanphong"]) { _, new in new })
            for file in ["96-KH-UBND-2024.docx", "45-KH-STP-2024.docx"] {
                let outcome = try tool.run("cchc-import", ["plan", ToolRunner.fixture(file).path])
                #expect(outcome.status == 0, "\(outcome)")
            }
            let store = try Store(connection: db.connection, actingAs: "vanphong")
            try store.transaction { c in
                let activity = try c.query(
                    """
                    SELECT a.id, aa.unit_id FROM activities a JOIN activity_assignments aa ON aa.activity_id = a.id
                      JOIN plans p ON p.id = a.plan_id JOIN documents d ON d.id = p.document_id
                     WHERE d.code = '45/KH-STP' AND a.ref = 'PL.3' AND aa.role = 'lead'
                    """
                ).singleRow()
                let entry = try c.query(
                    """
                    INSERT INTO progress_entries (activity_id, unit_id, entry_date, text, quantity, quantity_unit)
                    VALUES (\(try activity.decode(Int64.self, at: 0)), \(try activity.decode(Int64.self, at: 1)),
                            '2024-05-20', 'Niêm yết 125 thủ tục hành chính tại Bộ phận một cửa', 125, 'thủ tục')
                    RETURNING id
                    """
                ).scalar(Int64.self)
                try c.query(
                    "INSERT INTO evidence (progress_entry_id, position, kind, value) VALUES (\(entry), 0, 'url', 'https://stp.binhphuoc.gov.vn/tin/niem-yet')")
                try c.query(
                    "UPDATE activities SET state = 'done', state_on = '2024-05-31' WHERE id = \(try activity.decode(Int64.self, at: 0))")
            }
            try body(db, tool)
        }
    }

    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-export-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("Every format is written, and the same database state gives byte-identical files")
    func formatsAndDeterminism() throws {
        try Self.seeded { _, tool in
            let out = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: out) }
            for format in ["docx", "xlsx", "json", "csv", "md"] {
                var files: [Data] = []
                for run in 1...2 {
                    let path = out.appendingPathComponent("q2-\(run).\(format)").path
                    let outcome = try tool.run(
                        "cchc-export", ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--format", format, "-o", path])
                    #expect(outcome.status == 0, "\(outcome)")
                    #expect(outcome.stderr.contains("Đã ghi"))
                    files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
                }
                #expect(files[0] == files[1], "\(format) differs between two runs")
                #expect(!files[0].isEmpty)
            }
            let json = try String(contentsOf: out.appendingPathComponent("q2-1.json"), encoding: .utf8)
            let report = try JSONValue.parse(json)
            #expect(report["format"]?.stringValue == "cchc.report/v1")
            #expect(report["period"]?["from"]?.stringValue == "2024-03-15")
            #expect(report["period"]?["to"]?.stringValue == "2024-06-14")
            #expect(report["summary"]?["done"]?.intValue == 1)
            #expect(report["plan"]?["parent"]?.stringValue == "96/KH-UBND")
            let csv = try Data(contentsOf: out.appendingPathComponent("q2-1.csv"))
            #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
            // The cchc regime gives the same Q2 window but its own deadline.
            let cchc = try tool.run("cchc-export", ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--regime", "cchc"])
            #expect(cchc.stdout.contains("\"regime\": \"cchc\""), "\(cchc)")
        }
    }

    @Test("Several -o files in one run: the format from each extension, the same bytes as one format per run")
    func severalOutputs() throws {
        try Self.seeded { _, tool in
            let out = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: out) }
            let formats = ["docx", "xlsx", "json", "csv", "md"]
            let request = ["report", "--plan", "45/KH-STP", "--period", "2024-Q2"]
            let together = try tool.run(
                "cchc-export", request + formats.flatMap { ["-o", out.appendingPathComponent("bc.\($0)").path] })
            #expect(together.status == 0, "\(together)")
            #expect(together.stderr.components(separatedBy: "Đã ghi").count == 6, "\(together)")
            for format in formats {
                let single = out.appendingPathComponent("rieng.\(format)").path
                let outcome = try tool.run("cchc-export", request + ["--format", format, "-o", single])
                #expect(outcome.status == 0, "\(outcome)")
                #expect(
                    try Data(contentsOf: URL(fileURLWithPath: single))
                        == Data(contentsOf: out.appendingPathComponent("bc.\(format)")), "\(format)")
            }
            // Without --format, a single file also takes its extension's format.
            let byExtension = try tool.run("cchc-export", request + ["-o", out.appendingPathComponent("mot.docx").path])
            #expect(byExtension.status == 0, "\(byExtension)")
            #expect(try Data(contentsOf: out.appendingPathComponent("mot.docx")).starts(with: [0x50, 0x4B]))

            let refused: [([String], String)] = [
                (["-o", out.appendingPathComponent("x.docx").path, "-o", out.appendingPathComponent("x.odt").path], "x.odt"),
                (["--format", "json", "-o", out.appendingPathComponent("x.json").path, "-o", out.appendingPathComponent("x.md").path], "--format"),
                (["-o", out.appendingPathComponent("x.json").path, "-o", out.appendingPathComponent("./x.json").path], "hai lần"),
            ]
            for (arguments, expected) in refused {
                let outcome = try tool.run("cchc-export", request + arguments)
                #expect(outcome.status != 0, "\(arguments): \(outcome)")
                #expect(outcome.stderr.contains(expected), "\(arguments): \(outcome)")
            }
            // One file that cannot be written: none of them is, and no temporary file stays behind.
            let before = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            let partial = try tool.run(
                "cchc-export",
                request + ["-o", out.appendingPathComponent("y.docx").path, "-o", out.appendingPathComponent("khong-co/y.json").path])
            #expect(partial.status == 1, "\(partial)")
            #expect(partial.stderr.contains("không tồn tại"), "\(partial)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == before)
        }
    }

    @Test("--csv-separator \";\" writes the same cells for Excel under Vietnamese settings; other values are refused")
    func csvSeparator() throws {
        try Self.seeded { _, tool in
            let out = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: out) }
            let request = ["report", "--plan", "45/KH-STP", "--period", "2024-Q2"]
            let comma = out.appendingPathComponent("phay.csv"), semicolon = out.appendingPathComponent("cham-phay.csv")
            #expect(try tool.run("cchc-export", request + ["-o", comma.path]).status == 0)
            let written = try tool.run("cchc-export", request + ["--csv-separator", ";", "-o", semicolon.path, "-o", out.appendingPathComponent("bc.json").path])
            #expect(written.status == 0, "\(written)")
            let text = String(decoding: try Data(contentsOf: semicolon).dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("STT;Mã;Nhóm;Nhiệm vụ;"))
            #expect(
                try CSVReader.rows(text, separator: ";")
                    == CSVReader.rows(String(decoding: try Data(contentsOf: comma).dropFirst(3), as: UTF8.self)))
            let stdout = try tool.run("cchc-export", request + ["--format", "csv", "--csv-separator", ";"])
            #expect(stdout.status == 0 && stdout.stdout.contains("STT;Mã;"), "\(stdout)")
            let refused = try tool.run("cchc-export", request + ["--format", "csv", "--csv-separator", "tab"])
            #expect(refused.status == 2 && refused.stderr.contains("--csv-separator"), "\(refused)")
        }
    }

    @Test("--submit freezes a numbered snapshot and locks the period; a reopened period gives version 2")
    func submitAndResubmit() throws {
        try Self.seeded { db, tool in
            let note = try tool.run(
                "cchc-export",
                ["note", "--plan", "45/KH-STP", "--period", "2024-Q2", "--issues", "Một số đơn vị cập nhật chậm.", "--number", "7"])
            #expect(note.status == 0, "\(note)")
            let first = try tool.run("cchc-export", ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--submit"])
            #expect(first.status == 0, "\(first)")
            #expect(first.stdout.contains("\"status\": \"submitted\""))
            #expect(first.stdout.contains("\"version\": 1"))
            #expect(first.stdout.contains("Một số đơn vị cập nhật chậm."))
            #expect(first.stderr.contains("kỳ báo cáo đã được khóa"))
            // Locked: progress inside the window is refused by the database itself.
            #expect(throws: PostgresError.self) {
                try db.connection.query(
                    """
                    INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                    SELECT aa.activity_id, aa.unit_id, '2024-04-01', 'muộn'
                      FROM activity_assignments aa JOIN activities a ON a.id = aa.activity_id
                      JOIN plans p ON p.id = a.plan_id JOIN documents d ON d.id = p.document_id
                     WHERE d.code = '45/KH-STP' LIMIT 1
                    """)
            }
            let again = try tool.run("cchc-export", ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--submit"])
            #expect(again.status == 1)
            #expect(again.stderr.contains("đã khóa"), "\(again)")
            try db.connection.query(
                "UPDATE period_locks SET reopened_at = now(), reopened_by = 'vanphong', reopen_reason = 'Bổ sung số liệu'")
            let second = try tool.run("cchc-export", ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--submit"])
            #expect(second.status == 0, "\(second)")
            #expect(second.stdout.contains("\"version\": 2"))
            let list = try tool.run("cchc-export", ["snapshot", "list", "--format", "json"])
            let snapshots = try JSONValue.parse(list.stdout).arrayValue ?? []
            #expect(snapshots.count == 2)
            #expect(snapshots.map { $0["status"]?.stringValue ?? "" }.sorted() == ["đang hiệu lực", "đã thay thế"])
            for snapshot in snapshots {
                let id = String(snapshot["id"]?.intValue ?? 0)
                let shown = try tool.run("cchc-export", ["snapshot", "show", id])
                #expect(shown.status == 0, "\(shown)")
                #expect(shown.stdout.contains("\"format\": \"cchc.report/v1\""))
            }
        }
    }

    @Test("A submitted period exports as submitted in every format, whatever the data says later; --draft gives the live draft")
    func submittedPeriodExportsTheSnapshot() throws {
        try Self.seeded { db, tool in
            let out = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: out) }
            let request = ["report", "--plan", "45/KH-STP", "--period", "2024-Q2"]
            let formats = ["docx", "xlsx", "json", "csv", "md"]
            #expect(try tool.run("cchc-export", ["note", "--plan", "45/KH-STP", "--period", "2024-Q2", "--number", "7", "--issues", "Bản khi nộp."]).status == 0)
            let submitted = try tool.run(
                "cchc-export", request + ["--submit"] + formats.flatMap { ["-o", out.appendingPathComponent("nop.\($0)").path] })
            #expect(submitted.status == 0, "\(submitted)")
            let atSubmission = try formats.map { try Data(contentsOf: out.appendingPathComponent("nop.\($0)")) }

            // What the live data says changes afterwards: the report's text and an activity's title.
            #expect(try tool.run("cchc-export", ["note", "--plan", "45/KH-STP", "--period", "2024-Q2", "--issues", "Sửa sau khi nộp."]).status == 0)
            try db.connection.query(
                """
                UPDATE activities SET title = 'Tiêu đề sửa sau khi nộp' WHERE ref = 'PL.3'
                   AND plan_id = (SELECT p.id FROM plans p JOIN documents d ON d.id = p.document_id WHERE d.code = '45/KH-STP')
                """)

            let later = try tool.run("cchc-export", request + formats.flatMap { ["-o", out.appendingPathComponent("sau.\($0)").path] })
            #expect(later.status == 0, "\(later)")
            #expect(later.stderr.contains("đã nộp: xuất đúng bản số 1"), "\(later)")
            for (index, format) in formats.enumerated() {
                #expect(try Data(contentsOf: out.appendingPathComponent("sau.\(format)")) == atSubmission[index], "\(format)")
            }
            let md = String(decoding: atSubmission[4], as: UTF8.self)
            #expect(!md.contains("DỰ THẢO") && md.contains("Bản khi nộp.") && !md.contains("Tiêu đề sửa sau khi nộp"))
            #expect(String(decoding: atSubmission[2], as: UTF8.self).contains("\"version\": 1"))

            let draft = try tool.run("cchc-export", request + ["--draft", "--format", "md"])
            #expect(draft.status == 0, "\(draft)")
            #expect(draft.stdout.contains("DỰ THẢO") && draft.stdout.contains("Sửa sau khi nộp.") && draft.stdout.contains("Tiêu đề sửa sau khi nộp"))
            let dated = try tool.run("cchc-export", request + ["--as-of", "2024-06-01"])
            #expect(dated.status == 1 && dated.stderr.contains("--draft"), "\(dated)")

            // snapshot show: the hashed JSON bytes, or the other formats rendered from the same snapshot.
            let list = try JSONValue.parse(try tool.run("cchc-export", ["snapshot", "list", "--format", "json"]).stdout)
            let id = String(list.arrayValue?.first?["id"]?.intValue ?? 0)
            let sha = list.arrayValue?.first?["sha256"]?.stringValue ?? ""
            let raw = try tool.run("cchc-export", ["snapshot", "show", id])
            #expect(SHA256Hex.of(Data(raw.stdout.utf8)) == sha)
            for (index, format) in formats.enumerated() where format != "json" {
                let path = out.appendingPathComponent("snapshot.\(format)").path
                let shown = try tool.run("cchc-export", ["snapshot", "show", id, "-o", path])
                #expect(shown.status == 0, "\(shown)")
                #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == atSubmission[index], "snapshot show -o .\(format)")
            }
            let noFile = try tool.run("cchc-export", ["snapshot", "show", id, "--format", "docx"])
            #expect(noFile.status == 2 && noFile.stderr.contains("-o"), "\(noFile)")
        }
    }

    @Test("PDF: the Word report converted by LibreOffice with its fonts embedded; a missing or hung LibreOffice gets a clear message")
    func pdf() throws {
        try Self.seeded { _, tool in
            let out = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: out) }
            let request = ["report", "--plan", "45/KH-STP", "--period", "2024-Q2"]
            let pdf = out.appendingPathComponent("bc.pdf")
            let written = try tool.run("cchc-export", request + ["-o", pdf.path, "-o", out.appendingPathComponent("bc.docx").path])
            #expect(written.status == 0, "\(written)")
            #expect(try Data(contentsOf: pdf).starts(with: Array("%PDF".utf8)))
            let text = try Self.pdfText(pdf)
            for marker in ["DỰ THẢO", "BÁO CÁO", "SỞ TƯ PHÁP", "KẾT QUẢ THỰC HIỆN", "Nơi nhận"] {
                #expect(text.contains(marker), "\(marker) not in the PDF text")
            }
            let fonts = try Self.pdfFonts(pdf)
            #expect(!fonts.isEmpty && fonts.allSatisfy { $0.embedded }, "\(fonts)")

            let missing = try tool.run(
                "cchc-export", request + ["-o", out.appendingPathComponent("khong.pdf").path],
                extraEnvironment: ["CCHC_SOFFICE": "/khong-co/soffice"])
            #expect(missing.status == 1 && missing.stderr.contains("libreoffice-writer-nogui"), "\(missing)")
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("khong.pdf").path))

            let hung = out.appendingPathComponent("treo.sh")
            try "#!/bin/sh\nsleep 30\n".write(to: hung, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hung.path)
            let timedOut = try tool.run(
                "cchc-export", request + ["-o", out.appendingPathComponent("treo.pdf").path],
                extraEnvironment: ["CCHC_SOFFICE": hung.path, "CCHC_PDF_TIMEOUT": "1"])
            #expect(timedOut.status == 1 && timedOut.stderr.contains("sau 1 giây"), "\(timedOut)")
            let toScreen = try tool.run("cchc-export", request + ["--format", "pdf"])
            #expect(toScreen.status == 2 && toScreen.stderr.contains("-o"), "\(toScreen)")
        }
    }

    /// The text of a PDF as poppler's pdftotext reads it (poppler-utils, installed by .ci/run).
    static func pdfText(_ file: URL) throws -> String {
        try Self.poppler("pdftotext", ["-layout", file.path, "-"])
    }

    /// Each font of a PDF with whether it is embedded (pdffonts' "emb" column).
    static func pdfFonts(_ file: URL) throws -> [(name: String, embedded: Bool)] {
        try Self.poppler("pdffonts", [file.path]).split(separator: "\n").dropFirst(2).map { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            return (String(columns.first ?? ""), columns.count > 3 && columns[columns.count - 5] == "yes")
        }
    }

    static func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("The signer and Nơi nhận are settings of the Sở, overridable for one report and frozen by a submission")
    func signerAndRecipients() throws {
        try Self.seeded { _, tool in
            let request = ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--format", "md"]
            let set = try tool.run(
                "cchc-export",
                [
                    "settings", "set", "--unit", "Sở Tư pháp", "--signer-capacity", "kt. giám đốc", "--signer-title",
                    "Phó Giám đốc", "--signer", "Nguyễn Văn An", "--recipient", "Sở Nội vụ",
                    "--recipient=- UBND tỉnh (để báo cáo);", "--recipient", "Lưu: VT, VP",
                ])
            #expect(set.status == 0, "\(set)")
            let configured = try tool.run("cchc-export", request)
            for line in ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An", "- UBND tỉnh (để báo cáo);", "- Lưu: VT, VP."] {
                #expect(configured.stdout.contains(line), "\(line) missing")
            }
            let shown = try tool.run("cchc-export", ["settings", "show", "--format", "json"])
            #expect(shown.stdout.contains("Nguyễn Văn An") && shown.stdout.contains("KT. GIÁM ĐỐC"), "\(shown)")

            let bad = try tool.run("cchc-export", ["settings", "set", "--unit", "Sở Tư pháp", "--signer-capacity", "Giám đốc ký"])
            #expect(bad.status == 1 && bad.stderr.contains("KT., TL., TM., TUQ. hoặc Q."), "\(bad)")

            // One report's own signer and recipients win over the settings, and a submission freezes them.
            let submitted = try tool.run(
                "cchc-export", request + ["--submit", "--signer", "Trần Thị Bình", "--recipient", "Sở Nội vụ", "--recipient", "Lưu: VT"])
            #expect(submitted.status == 0, "\(submitted)")
            #expect(submitted.stdout.contains("Trần Thị Bình") && submitted.stdout.contains("KT. GIÁM ĐỐC"))
            #expect(!submitted.stdout.contains("UBND tỉnh (để báo cáo)"))
            #expect(try tool.run("cchc-export", ["settings", "set", "--unit", "Sở Tư pháp", "--signer", "Lê Văn Cường"]).status == 0)
            let later = try tool.run("cchc-export", request)
            #expect(later.stdout == submitted.stdout, "the submitted version keeps its signer")
            let overridden = try tool.run("cchc-export", request + ["--signer", "Ai đó"])
            #expect(overridden.status == 1 && overridden.stderr.contains("người ký"), "\(overridden)")
            let draft = try tool.run("cchc-export", request + ["--draft"])
            #expect(draft.stdout.contains("Lê Văn Cường"))
        }
    }

    @Test("Bad requests: a clear message, exit 1, and no file left behind")
    func badRequests() throws {
        try Self.seeded { _, tool in
            let out = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: out) }
            let cases: [([String], String)] = [
                (["report", "--plan", "99/KH-XYZ", "--period", "2024-Q2"], "Không tìm thấy kế hoạch"),
                (["report", "--plan", "45/KH-STP", "--period", "2024-Q7"], "--period"),
                (["report", "--plan", "45/KH-STP", "--period", "2026-Q1"], "nằm ngoài năm kế hoạch"),
                (["report", "--plan", "45/KH-STP", "--period", "2024-M05", "--regime", "cchc"], "--period"),
                (
                    ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--format", "docx", "-o", "/khong-co/thu-muc/bc.docx"],
                    "không tồn tại"
                ),
            ]
            for (arguments, expected) in cases {
                let outcome = try tool.run("cchc-export", arguments)
                #expect(outcome.status == 1, "\(arguments): \(outcome)")
                #expect(outcome.stderr.contains(expected), "\(arguments): \(outcome)")
                #expect(outcome.stdout.isEmpty)
            }
            // A submission whose file cannot be written is refused before anything is stored or locked.
            let submit = try tool.run(
                "cchc-export",
                ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--submit", "-o", "/khong-co/thu-muc/bc.json"])
            #expect(submit.status == 1, "\(submit)")
            #expect(submit.stderr.contains("không tồn tại"), "\(submit)")
            let list = try tool.run("cchc-export", ["snapshot", "list", "--format", "json"])
            #expect(list.status == 0, "\(list)")
            #expect(try JSONValue.parse(list.stdout).arrayValue?.isEmpty == true, "\(list)")
            // An unwritable directory: nothing is left there, not even a temporary file.
            let locked = out.appendingPathComponent("khoa")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: locked.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path) }
            if getuid() != 0 {
                let outcome = try tool.run(
                    "cchc-export",
                    ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--format", "docx", "-o", locked.appendingPathComponent("bc.docx").path])
                #expect(outcome.status == 1)
                #expect(outcome.stderr.contains("không có quyền ghi"), "\(outcome)")
                #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
            }
        }
    }

    @Test("The plan written as .docx reads back with the same activities")
    func planRoundTrip() throws {
        try Self.seeded { _, tool in
            let out = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: out) }
            for reference in ["45/KH-STP", "96/KH-UBND"] {
                let docx = out.appendingPathComponent("plan.docx").path
                let written = try tool.run("cchc-export", ["plan", "--plan", reference, "--format", "docx", "-o", docx])
                #expect(written.status == 0, "\(written)")
                let stored = try JSONValue.parse(try tool.run("cchc-export", ["plan", "--plan", reference, "--format", "json"]).stdout)
                let reread = try JSONValue.parse(
                    try tool.run("cchc-import", ["plan", docx, "--dry-run", "--format", "json"]).stdout)
                func activities(_ plan: JSONValue) -> [String] {
                    (plan["activities"]?.arrayValue ?? []).map { a in
                        let schedule = a["schedule"]
                        return [
                            a["title"]?.stringValue ?? "",
                            (a["lead"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "|"),
                            (a["coordinating"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: "|"),
                            schedule?["kind"]?.stringValue ?? "", schedule?["from"]?.stringValue ?? "",
                            schedule?["to"]?.stringValue ?? "",
                        ].joined(separator: " / ")
                    }
                }
                #expect(activities(reread) == activities(stored), "\(reference)")
                #expect(reread["document"]?["code"] == stored["document"]?["code"])
                #expect(reread["parent"]?["code"] == stored["parent"]?["code"])
            }
        }
    }

    @Test("Aggregation combines units' report files and names the units that have not reported")
    func aggregate() throws {
        try Self.seeded { _, tool in
            let out = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: out) }
            let report = out.appendingPathComponent("stp.json").path
            #expect(try tool.run("cchc-export", ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "-o", report]).status == 0)
            let expected = out.appendingPathComponent("don-vi.txt")
            try "Sở Tư pháp\nSở Lao động - Thương binh và Xã hội\n".write(to: expected, atomically: true, encoding: .utf8)
            let outcome = try tool.run(
                "cchc-export", ["aggregate", "--period", "2024-Q2", "--expected", expected.path, report])
            #expect(outcome.status == 0, "\(outcome)")
            let summary = try JSONValue.parse(outcome.stdout)
            #expect(outcome.stdout.contains("Sở Lao động - Thương binh và Xã hội"))
            #expect(summary["format"]?.stringValue == "cchc.aggregate/v1")
            let docx = out.appendingPathComponent("tong-hop.docx").path
            let written = try tool.run(
                "cchc-export", ["aggregate", "--period", "2024-Q2", "--expected", expected.path, "--format", "docx", "-o", docx, report])
            #expect(written.status == 0, "\(written)")
            let xlsx = out.appendingPathComponent("tong-hop.xlsx").path
            let workbook = try tool.run(
                "cchc-export", ["aggregate", "--period", "2024-Q2", "--expected", expected.path, "--format", "xlsx", "-o", xlsx, report])
            #expect(workbook.status == 0, "\(workbook)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: xlsx)).starts(with: [0x50, 0x4B]))
            let toScreen = try tool.run("cchc-export", ["aggregate", "--period", "2024-Q2", "--format", "xlsx", report])
            #expect(toScreen.status == 2 && toScreen.stderr.contains("-o"), "\(toScreen)")
            let mismatch = try tool.run("cchc-export", ["aggregate", "--period", "2024-Q3", report])
            #expect(mismatch.status == 1)
            #expect(mismatch.stderr.contains("stp.json"), "\(mismatch)")

            // From the store: the submitted snapshot counts (with its submission instant), the report is
            // Sở Nội vụ's under the province of 96/KH-UBND, the number and date as given.
            #expect(try tool.run("cchc-export", ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--submit"]).status == 0)
            let stored = try tool.run("cchc-export", ["aggregate", "--period", "2024-Q2", "--plan", "96/KH-UBND"])
            #expect(stored.status == 0, "\(stored)")
            let rows = try JSONValue.parse(stored.stdout)["units"]?.arrayValue ?? []
            #expect(rows.count == 1 && rows.first?["unit"]?.stringValue == "Sở Tư pháp", "\(stored.stdout)")
            #expect(rows.first?["submittedAt"]?.stringValue != nil, "a stored submission is a submission")
            let issued = out.appendingPathComponent("tong-hop-snv.docx").path
            let document = try tool.run(
                "cchc-export",
                ["aggregate", "--period", "2024-Q2", "--plan", "96/KH-UBND", "--number", "9", "--date", "25/06/2024",
                 "--signer", "Trần Văn Bình", "-o", issued, "--format", "docx"])
            #expect(document.status == 0, "\(document)")
            let text = try WordDocument(docx: Data(contentsOf: URL(fileURLWithPath: issued))).body.compactMap { block -> String? in
                if case .table(let table) = block { return table.rows.flatMap { $0.map(\.text) }.joined(separator: "\n") }
                return nil
            }.joined(separator: "\n").replacingOccurrences(of: "\u{00A0}", with: " ")
            #expect(text.contains("Số: 09/BC-SNV"), "\(text)")
            #expect(text.contains("ngày 25 tháng 6 năm 2024"))
            #expect(text.contains("Trần Văn Bình"))
        }
    }
}
