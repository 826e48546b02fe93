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

    @Test(
        "Bad values are refused with exit 1, naming the argument, and nothing is written",
        arguments: [
            (["--date", "30/02/2024"], "--date"), (["--quantity", "mười hai"], "--quantity"),
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
