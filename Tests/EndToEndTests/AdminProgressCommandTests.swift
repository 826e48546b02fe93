import Foundation
import PlanCore
import Postgres
import TestSupport
import Testing

@Suite("cchc-admin progress: results with evidence, corrections, bad input")
struct AdminProgressCommandTests {
    @Test("A result with a link, a document number and a file: the file is stored with its sha256")
    func addWithEvidence() throws {
        try AdminTool.withPlans { admin in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "cchc-admin-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            try Data("%PDF-1.4\nBiên bản hội nghị".utf8).write(to: directory.appendingPathComponent("bien-ban.pdf"))
            let added = try admin(
                "progress", "add", "--activity", "45/KH-STP#PL.1", "--unit", "Văn phòng Sở", "--date", "10/04/2024",
                "--text", "Đăng 12 tin, bài", "--quantity", "12", "--quantity-unit", "tin, bài",
                "--evidence", "https://stp.binhphuoc.gov.vn/cchc/1", "--evidence", "15/BC-STP", "--evidence",
                "bien-ban.pdf",
                in: directory)
            #expect(added.status == 0, "\(added)")
            let listed = try admin("progress", "list", "--activity", "45/KH-STP#PL.1", "--format", "json").json()
            let entry = try #require(listed.arrayValue?.first)
            #expect(entry["quantity"] == .int(12) && entry["quantityUnit"]?.stringValue == "tin, bài")
            #expect(
                entry["evidence"]?.arrayValue?.compactMap { $0["kind"]?.stringValue } == ["url", "document", "file"])
            #expect(entry["evidence"]?.arrayValue?.last?["sha256"]?.stringValue?.count == 64)
            #expect(entry["recordedBy"]?.stringValue == "vanphong")
            #expect(try admin.count("evidence_files") == 1)
        }
    }

    @Test("A stored evidence file comes back out byte for byte, checked against its sha256; a tampered one does not")
    func evidenceGet() throws {
        try AdminTool.withPlans { admin in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-evidence-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let minutes = Data("%PDF-1.4\nBiên bản hội nghị tuyên truyền".utf8)
            let photo = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 64)
            try minutes.write(to: directory.appendingPathComponent("biên bản.pdf"))
            try photo.write(to: directory.appendingPathComponent("anh.png"))
            let added = try admin(
                "progress", "add", "--activity", "45/KH-STP#PL.1", "--unit", "Văn phòng Sở", "--date", "10/04/2024",
                "--text", "Hội nghị", "--evidence", "biên bản.pdf", "--evidence", "anh.png", in: directory)
            #expect(added.status == 0, "\(added)")
            let id = try admin.db.connection.query("SELECT id FROM progress_entries").scalar(Int64.self)

            let several = try admin("progress", "evidence", "get", "\(id)", in: directory)
            #expect(several.status == 1 && several.stderr.contains("--file") && several.stderr.contains("biên bản.pdf, anh.png"), "\(several)")

            let out = directory.appendingPathComponent("ra")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let got = try admin("progress", "evidence", "get", "#\(id)", "--file", "biên bản.pdf", in: out)
            #expect(got.status == 0 && got.stdout.hasPrefix("Đã ghi biên bản.pdf ("), "\(got)")
            #expect(try Data(contentsOf: out.appendingPathComponent("biên bản.pdf")) == minutes)
            let again = try admin("progress", "evidence", "get", "\(id)", "--file", "biên bản.pdf", in: out)
            #expect(again.status == 1 && again.stderr.contains("đã có"), "an existing file is not overwritten without -o")
            let named = try admin("progress", "evidence", "get", "\(id)", "--file", "anh.png", "-o", "x.png", in: out)
            #expect(named.status == 0, "\(named)")
            #expect(try Data(contentsOf: out.appendingPathComponent("x.png")) == photo)

            for (arguments, message) in [
                (["progress", "evidence", "get", "99999"], "#99999"),
                (["progress", "evidence", "get", "mười"], "không phải mã mục tiến độ"),
                (["progress", "evidence", "get", "\(id)", "--file", "khac.pdf"], "không có tệp \"khac.pdf\""),
            ] {
                let refused = try admin(arguments, in: out)
                #expect(refused.status != 0 && refused.stderr.contains(message), "\(refused)")
            }

            // Tampered behind the database's back (its check constraint dropped by the owner): never handed out.
            let c = admin.db.connection
            try c.query("ALTER TABLE evidence_files DROP CONSTRAINT evidence_files_sha256_matches")
            try c.query("UPDATE evidence_files SET content = \(Data("đã bị sửa".utf8)), size = \(Data("đã bị sửa".utf8).count) WHERE file_name = 'anh.png'")
            let tampered = try admin("progress", "evidence", "get", "\(id)", "--file", "anh.png", "-o", "y.png", in: out)
            #expect(tampered.status == 1 && tampered.stderr.contains("không khớp sha256"), "\(tampered)")
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("y.png").path))
        }
    }

    @Test("A junk entry is withdrawn with a reason: kept in the history, counted nowhere, final, and locks and units hold")
    func withdraw() throws {
        try AdminTool.withPlans { admin in
            #expect(try admin("user", "add", "vp", "--role", "unit", "--unit", "Văn phòng Sở").status == 0)
            #expect(try admin("user", "add", "hctp", "--role", "unit", "--unit", "Phòng Hành chính tư pháp").status == 0)
            for (day, text) in [("10/04/2024", "Ghi nhầm vào hoạt động này"), ("01/06/2024", "Đã niêm yết 20 thủ tục")] {
                let added = try admin("progress", "add", "--activity", "45/KH-STP#PL.3", "--date", day, "--text", text, as: "vp")
                #expect(added.status == 0, "\(added)")
            }
            let ids = try admin.db.connection.query("SELECT id FROM progress_entries ORDER BY id").map { try $0.decode(Int64.self, at: 0) }
            let (junk, kept) = (ids[0], ids[1])

            let otherUnit = try admin("progress", "withdraw", "\(junk)", "--reason", "Không phải của tôi", as: "hctp")
            #expect(otherUnit.status == 1, "\(otherUnit)")
            #expect(try admin.count("progress_entries") == 2)
            #expect(try admin("progress", "withdraw", "\(junk)", as: "vp").status == 2, "the reason is required")

            let audited = try admin.count("audit_log")
            let withdrawn = try admin("progress", "withdraw", "\(junk)", "--reason", "Ghi nhầm hoạt động", as: "vp")
            #expect(withdrawn.status == 0, "\(withdrawn)")
            #expect(withdrawn.stdout.hasPrefix("Đã rút kết quả #\(junk) (45/KH-STP#PL.3"), "\(withdrawn)")
            #expect(try admin.count("audit_log") == audited + 1)

            let listed = try admin("progress", "list", "--plan", "45/KH-STP", "--format", "json").json()
            #expect(listed.arrayValue?.compactMap { $0["id"]?.intValue } == [Int(kept)], "only the result in force is listed")
            let all = try admin("progress", "list", "--plan", "45/KH-STP", "--all", "--format", "json").json()
            let withdrawal = try #require(all.arrayValue?.first { $0["withdrawn"] == .bool(true) })
            #expect(withdrawal["withdrawn"] == .bool(true) && withdrawal["supersedes"] == .int(Int(junk)), "\(all)")
            #expect(withdrawal["reason"]?.stringValue == "Ghi nhầm hoạt động")

            let report = try admin.runner.run(
                "cchc-export", ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--format", "json"],
                extraEnvironment: ["CCHC_USER": admin.user]
            ).json()
            #expect(report["summary"]?["progressEntries"] == .int(1), "the withdrawn result is not reported: \(report)")

            let twice = try admin("progress", "withdraw", "\(junk)", "--reason", "Lần nữa", as: "vp")
            #expect(twice.status == 1 && twice.stderr.contains("đã được rút"), "\(twice)")
            let withdrawalID = try #require(withdrawal["id"]?.intValue)
            let correctWithdrawal = try admin("progress", "correct", "\(withdrawalID)", "--reason", "x", "--text", "y", as: "vp")
            #expect(correctWithdrawal.status == 1 && correctWithdrawal.stderr.contains("là mục rút kết quả"), "\(correctWithdrawal)")
            // The database holds the same rule against SQL that skips the store.
            #expect(throws: PostgresError.self) {
                try admin.db.connection.query(
                    """
                    INSERT INTO progress_entries (activity_id, unit_id, entry_date, text, supersedes_id, reason)
                    SELECT activity_id, unit_id, entry_date, 'sửa mục rút', id, 'x' FROM progress_entries WHERE id = \(withdrawalID)
                    """)
            }

            #expect(try admin("period", "lock", "--plan", "45/KH-STP", "--period", "2024-Q2").status == 0)
            let locked = try admin("progress", "withdraw", "\(kept)", "--reason", "Sau khi khóa", as: "vp")
            #expect(locked.status == 1 && locked.stderr.contains("đã khóa"), "\(locked)")
            #expect(try admin.count("progress_entries") == 3)
        }
    }

    @Test("Quantities in the Vietnamese form are stored as meant: 1.000 is a thousand, 2,5 two and a half")
    func vietnameseQuantities() throws {
        try AdminTool.withPlans { admin in
            for (day, typed) in [("10/04/2024", "1.000"), ("11/04/2024", "2,5"), ("12/04/2024", "1.234,5")] {
                let added = try admin(
                    "progress", "add", "--activity", "45/KH-STP#PL.1", "--unit", "Văn phòng Sở", "--date", day,
                    "--text", "Phát tờ gấp", "--quantity", typed, "--quantity-unit", "tờ")
                #expect(added.status == 0, "\(added)")
            }
            let stored = try admin.db.connection.query(
                "SELECT quantity::text FROM progress_entries ORDER BY entry_date"
            ).map { try $0.decode(String.self, at: 0) }
            #expect(stored == ["1000", "2.5", "1234.5"])
            let ambiguous = try admin.runner.run(
                "cchc-admin",
                ["progress", "add", "--activity", "45/KH-STP#PL.1", "--unit", "Văn phòng Sở", "--date", "13/04/2024",
                 "--text", "x", "--quantity", "2,500"], extraEnvironment: ["CCHC_USER": admin.user])
            #expect(ambiguous.status == 1)
            #expect(ambiguous.stderr.contains("--quantity") && ambiguous.stderr.contains("hãy viết 2.500 hoặc 2,5"), "\(ambiguous)")
        }
    }

    @Test(
        "Bad values are refused with exit 1, naming the argument, and nothing is written",
        arguments: [
            (["--date", "30/02/2024"], "--date"), (["--quantity", "mười hai"], "--quantity"),
            (["--quantity", "1,000"], "--quantity"), (["--quantity", "1.00.0"], "--quantity"),
            (["--evidence", "./khong-co/bien-ban.pdf"], "--evidence"), (["--unit", "Phòng Không Có"], "--unit"),
            (["--activity", "45/KH-STP#PL.99"], "--activity"),
        ])
    func badInput(_ replacement: [String], _ option: String) throws {
        try AdminTool.withPlans { admin in
            var arguments = [
                "progress", "add", "--activity", "45/KH-STP#PL.1", "--unit", "Văn phòng Sở", "--date", "10/04/2024",
                "--text", "x",
            ]
            if let index = arguments.firstIndex(of: replacement[0]) {
                arguments[index + 1] = replacement[1]
            } else {
                arguments += replacement
            }
            let outcome = try admin.runner.run("cchc-admin", arguments, extraEnvironment: ["CCHC_USER": admin.user])
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stderr.contains(option), "\(outcome)")
            #expect(try admin.count("progress_entries") == 0)
        }
    }

    @Test("A correction supersedes the entry; the list shows the current one, --all both")
    func correct() throws {
        try AdminTool.withPlans { admin in
            #expect(
                try admin(
                    "progress", "add", "--activity", "45/KH-STP#PL.2", "--unit", "Phòng Phổ biến, giáo dục pháp luật",
                    "--date", "2024-05-02", "--text", "Lồng ghép tại 2 hội nghị", "--quantity", "2"
                ).status == 0)
            let corrected = try admin("progress", "correct", "1", "--reason", "Ghi nhầm số hội nghị", "--quantity", "3")
            #expect(corrected.status == 0, "\(corrected)")
            let current = try admin("progress", "list", "--format", "json").json()
            #expect(current.arrayValue?.map { $0["id"] } == [.int(2)])
            #expect(current.arrayValue?.first?["supersedes"] == .int(1))
            let all = try admin("progress", "list", "--all", "--format", "json").json()
            #expect(all.arrayValue?.count == 2)
            let again = try admin("progress", "correct", "1", "--reason", "Lần nữa", "--text", "Khác")
            #expect(again.status == 1 && again.stderr.contains("đã được sửa bởi mục #2"), "\(again)")
        }
    }
}
