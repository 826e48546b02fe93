import Foundation
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("cchc-import as a user runs it")
struct ImportCommandTests {
    func runner(_ db: TestDatabase) -> ToolRunner {
        ToolRunner(environment: db.childEnvironment.merging(["CCHC_USER": "vanphong"]) { _, new in new })
    }

    @Test("A dry run prints cchc.plan/v1, byte-identical on every run, and writes nothing")
    func dryRunIsDeterministic() throws {
        let tool = ToolRunner()
        for name in ["96-KH-UBND-2024.docx", "45-KH-STP-2024.txt", "KH-SLDTBXH-2024.txt"] {
            let path = ToolRunner.fixture(name).path
            let first = try tool.run("cchc-import", ["plan", path, "--dry-run", "--format", "json"])
            let second = try tool.run("cchc-import", ["plan", path, "--dry-run", "--format", "json"])
            #expect(first.status == 0, "\(first)")
            #expect(first.stdoutData == second.stdoutData)
            #expect(first.stdout.contains("\"format\": \"cchc.plan/v1\""))
        }
    }

    @Test("Importing stores the plan; the same file again changes nothing and says so")
    func importTwice() throws {
        try withMigratedDatabase { db in
            let tool = runner(db)
            let path = ToolRunner.fixture("96-KH-UBND-2024.docx").path
            let first = try tool.run("cchc-import", ["plan", path])
            #expect(first.status == 0, "\(first)")
            #expect(first.stdout.contains("Đã nhập Kế hoạch 96/KH-UBND"))
            #expect(first.stdout.contains("8 hoạt động"))
            let audit = try db.connection.query("SELECT count(*) FROM audit_log").scalar(Int.self)
            let second = try tool.run("cchc-import", ["plan", path, "--format", "json"])
            #expect(second.status == 0, "\(second)")
            #expect(second.stdout.contains("\"outcome\": \"unchanged\""))
            #expect(try db.connection.query("SELECT count(*) FROM audit_log").scalar(Int.self) == audit)
            // The text version of the same plan is the same content.
            let text = try tool.run("cchc-import", ["plan", ToolRunner.fixture("96-KH-UBND-2024.txt").path])
            #expect(text.stdout.contains("không có gì thay đổi"), "\(text)")
        }
    }

    @Test("A child plan imported before its parent is linked when the parent arrives")
    func childBeforeParent() throws {
        try withMigratedDatabase { db in
            let tool = runner(db)
            let child = try tool.run("cchc-import", ["plan", ToolRunner.fixture("KH-SLDTBXH-2024.txt").path])
            #expect(child.status == 0, "\(child)")
            #expect(child.stdout.contains("Kế hoạch cấp trên 96/KH-UBND chưa có trong hệ thống"))
            let parent = try tool.run("cchc-import", ["plan", ToolRunner.fixture("96-KH-UBND-2024.txt").path])
            #expect(parent.stdout.contains("Đã liên kết các kế hoạch cấp dưới: #"), "\(parent)")
            let linked = try db.connection.query(
                "SELECT count(*) FROM plans WHERE parent_plan_id IS NOT NULL").scalar(Int.self)
            #expect(linked == 1)
        }
    }

    @Test("A changed version is refused without --replace and stored as a new revision with it")
    func replaceFlow() throws {
        try withMigratedDatabase { db in
            let tool = runner(db)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-replace-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let original = try String(contentsOf: ToolRunner.fixture("45-KH-STP-2024.txt"), encoding: .utf8)
            let file = directory.appendingPathComponent("45-KH-STP-2024.txt")
            try original.write(to: file, atomically: true, encoding: .utf8)
            #expect(try tool.run("cchc-import", ["plan", file.path]).status == 0)

            let edited = original.replacingOccurrences(of: "| Quý II/2024 |", with: "| Quý III/2024 |")
            #expect(edited != original)
            try edited.write(to: file, atomically: true, encoding: .utf8)
            let refused = try tool.run("cchc-import", ["plan", file.path])
            #expect(refused.status == 1)
            #expect(refused.stdout.contains("~ PL.3"), "\(refused)")
            #expect(refused.stderr.contains("--replace"))
            let replaced = try tool.run("cchc-import", ["plan", file.path, "--replace"])
            #expect(replaced.status == 0, "\(replaced)")
            #expect(replaced.stdout.contains("bản 1 → bản 2"))
            #expect(try db.connection.query("SELECT count(*) FROM plan_revisions").scalar(Int.self) == 2)
        }
    }

    @Test("Two imports of the same file at once: one stores it, the other says it is already there")
    func concurrentImports() throws {
        try withMigratedDatabase { db in
            let tool = runner(db)
            // The first person becomes admin; create the session before the race.
            _ = try Store(connection: db.connection, actingAs: "vanphong")
            let path = ToolRunner.fixture("45-KH-STP-2024.docx").path
            let outcomes = ConcurrentOutcomes()
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                outcomes.append(Result { try tool.run("cchc-import", ["plan", path, "--format", "json"]) })
            }
            let results = try outcomes.all.map { try $0.get() }
            #expect(results.allSatisfy { $0.status == 0 }, "\(results)")
            let kinds = results.map { $0.stdout.contains("\"outcome\": \"created\"") ? "created" : $0.stdout.contains("\"outcome\": \"unchanged\"") ? "unchanged" : "?" }
            #expect(kinds.sorted() == ["created", "unchanged"], "\(results)")
            #expect(try db.connection.query("SELECT count(*) FROM plans").scalar(Int.self) == 1)
        }
    }

    @Test("Bad files: one Vietnamese message naming the file on stderr, nothing on stdout, exit 1, nothing stored",
          arguments: [
            ("empty.txt", Data()),
            ("rác.docx", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })),
            ("khong-phai-zip.docx", Data("PK\u{3}\u{4} not really a zip".utf8)),
          ])
    func badFiles(name: String, content: Data) throws {
        try withMigratedDatabase { db in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bad-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent(name)
            try content.write(to: file)
            for extra in [[], ["--dry-run"]] {
                let outcome = try runner(db).run("cchc-import", ["plan", file.path] + extra)
                #expect(outcome.status == 1, "\(outcome)")
                #expect(outcome.stdout.isEmpty)
                #expect(outcome.stderr.hasPrefix("Lỗi: "))
                #expect(outcome.stderr.contains(name), "\(outcome)")
                #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome)")
            }
            #expect(try db.connection.query("SELECT count(*) FROM plans").scalar(Int.self) == 0)
            #expect(try db.connection.query("SELECT count(*) FROM units").scalar(Int.self) == 0)
        }
    }

    @Test("A missing file and a missing argument are told apart: exit 1 and exit 2")
    func missingFileAndUsage() throws {
        let tool = ToolRunner()
        let missing = try tool.run("cchc-import", ["plan", "/khong/ton/tai.docx", "--dry-run"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("tai.docx"))
        let usage = try tool.run("cchc-import", ["plan"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("Thiếu tham số"))
    }

    @Test("Usage errors read in Vietnamese, with no English left: extra arguments, a missing option, a bad choice")
    func usageInVietnamese() throws {
        let tool = ToolRunner()
        let cases: [(String, [String], String)] = [
            ("cchc-import", ["plan", "a.docx", "b.docx", "c.docx"], "Lỗi: 2 tham số không mong đợi: 'b.docx', 'c.docx'"),
            ("cchc-export", ["report", "--plan", "x"], "Trợ giúp: --period <period>"),
            ("cchc-export", ["report", "--plan", "x", "--period", "2024-Q2", "--csv-separator", "tab"], "Hãy chọn một trong ',' hoặc ';'"),
        ]
        for (name, arguments, expected) in cases {
            let outcome = try tool.run(name, arguments)
            #expect(outcome.status == 2, "\(outcome)")
            #expect(outcome.stderr.contains(expected), "\(outcome)")
            for english in ["unexpected", "Help:", "' and '", "Error:", "Usage:"] {
                #expect(!outcome.stderr.contains(english), "\(english) in \(outcome)")
            }
        }
    }
}

/// Collects results from concurrent runs.
final class ConcurrentOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<ToolRunner.Outcome, any Error>] = []
    func append(_ result: Result<ToolRunner.Outcome, any Error>) { lock.withLock { results.append(result) } }
    var all: [Result<ToolRunner.Outcome, any Error>] { lock.withLock { results } }
}
