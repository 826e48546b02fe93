import Foundation
import LocalCluster
import PlanCore
import Postgres
import TestSupport
import Testing

/// The bad days: malformed documents, hostile arguments, a database killed mid-import, an exporter that
/// cannot write. Each tool must say what happened in Vietnamese, exit non-zero, and leave nothing half done.
@Suite("Fault suite")
struct FaultSuiteTests {
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-fault-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("Every malformed document: one message naming the file and the reason, exit 1, nothing stored")
    func malformedDocuments() throws {
        try withMigratedDatabase { db in
            let tool = ToolRunner(environment: db.childEnvironment.merging(["CCHC_USER": "vanphong"]) { _, new in new })
            let directory = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            for fault in try FaultDocuments.all() {
                let file = directory.appendingPathComponent(fault.name)
                try fault.data.write(to: file)
                for extra in [["--dry-run"], []] {
                    let outcome = try tool.run("cchc-import", ["plan", file.path] + extra)
                    #expect(outcome.status == 1, "\(fault.name): \(outcome)")
                    #expect(outcome.stdout.isEmpty, "\(fault.name)")
                    #expect(outcome.stderr.hasPrefix("Lỗi: "), "\(fault.name): \(outcome)")
                    #expect(outcome.stderr.contains(fault.name), "\(fault.name): \(outcome)")
                    #expect(outcome.stderr.contains(fault.reason), "\(fault.name): \(outcome)")
                    #expect(outcome.stderr.split(separator: "\n").count == 1, "\(fault.name): \(outcome)")
                }
            }
            for table in ["plans", "documents", "activities", "units"] {
                #expect(try db.connection.query("SELECT count(*) FROM \(unsafeRaw: table)").scalar(Int.self) == 0, "\(table)")
            }
        }
    }

    static let hostile = [
        "'); DROP TABLE plans; --", "\" OR 1=1 --", "$(rm -rf /)", "`reboot`", "%s%n%x", "../../../../etc/passwd",
        "\u{202E}gnp.exe", "Sở\u{0000}Tư pháp".replacingOccurrences(of: "\u{0000}", with: ""), "𝓢ở 🏛️ Tư pháp",
        String(repeating: "Ư", count: 5000), "line\nbreak", "   ", "-", "--help", "#", "#-1", "#99999999999999999999",
        "45/KH-STP#", "2024-Q9", "30/02/2024",
    ]

    @Test("Hostile strings in every argument: refused or stored verbatim, never a crash, the database intact")
    func hostileArguments() throws {
        try withMigratedDatabase { db in
            let tool = ToolRunner(environment: db.childEnvironment.merging(["CCHC_USER": "vanphong"]) { _, new in new })
            #expect(try tool.run("cchc-import", ["plan", ToolRunner.fixture("45-KH-STP-2024.docx").path]).status == 0)
            let scratch = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let commands: [(String, (String) -> [String])] = [
                ("cchc-import", { ["plan", $0] }),
                ("cchc-import", { ["plan", $0, "--dry-run", "--format", "json"] }),
                ("cchc-admin", { ["unit", "show", $0] }),
                ("cchc-admin", { ["unit", "add", $0, "--kind", "division", "--parent", "Sở Tư pháp"] }),
                ("cchc-admin", { ["unit", "rename", "Phòng Hành chính tư pháp", "--to", $0, "--effective", "01/07/2024"] }),
                ("cchc-admin", { ["plan", "show", $0] }),
                ("cchc-admin", { ["activity", "list", "--plan", $0] }),
                ("cchc-admin", { ["activity", "show", $0] }),
                ("cchc-admin", { ["activity", "edit", "45/KH-STP#PL.1", "--title", $0] }),
                ("cchc-admin", { ["activity", "add", "--plan", "45/KH-STP", "--title", "Nhiệm vụ", "--schedule", $0] }),
                ("cchc-admin", {
                    ["progress", "add", "--activity", "45/KH-STP#PL.1", "--unit", "Sở Tư pháp > Văn phòng Sở",
                     "--date", "01/04/2024", "--text", $0]
                }),
                ("cchc-admin", {
                    ["progress", "add", "--activity", "45/KH-STP#PL.1", "--unit", "Sở Tư pháp > Văn phòng Sở",
                     "--date", $0, "--text", "x"]
                }),
                ("cchc-admin", {
                    ["progress", "add", "--activity", "45/KH-STP#PL.1", "--unit", "Sở Tư pháp > Văn phòng Sở",
                     "--date", "01/04/2024", "--text", "x", "--quantity", $0]
                }),
                ("cchc-admin", {
                    ["progress", "add", "--activity", "45/KH-STP#PL.1", "--unit", "Sở Tư pháp > Văn phòng Sở",
                     "--date", "01/04/2024", "--text", "x", "--evidence", $0]
                }),
                ("cchc-admin", { ["user", "add", $0, "--role", "viewer"] }),
                ("cchc-admin", { ["audit", "--activity", $0] }),
                ("cchc-admin", { ["status", "--plan", "45/KH-STP", "--period", $0] }),
                ("cchc-admin", { ["unit", "list", "--as", $0] }),
                ("cchc-export", { ["report", "--plan", $0, "--period", "2024-Q2"] }),
                ("cchc-export", { ["report", "--plan", "45/KH-STP", "--period", $0] }),
                ("cchc-export", { ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--regime", $0] }),
                ("cchc-export", { ["note", "--plan", "45/KH-STP", "--period", "2024-Q2", "--issues", $0] }),
                // An output name inside a scratch directory: the tools write wherever their user may, so a
                // path that climbs out ("../../etc/passwd") is not hostile to them, only to this machine.
                ("cchc-export", {
                    ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--format", "md", "-o",
                     scratch.appendingPathComponent($0.replacingOccurrences(of: "/", with: "_")).path]
                }),
                ("cchc-export", { ["aggregate", "--period", "2024-Q2", $0] }),
            ]
            var crashes: [String] = []
            for (tool_, arguments) in commands {
                for value in Self.hostile {
                    let outcome = try tool.run(tool_, arguments(value))
                    if ![0, 1, 2].contains(outcome.status) || outcome.stderr.contains("Fatal error") {
                        crashes.append("\(tool_) \(arguments(value).prefix(4)): \(outcome)")
                    }
                    if outcome.status != 0 {
                        #expect(outcome.stderr.hasPrefix("Lỗi") || outcome.stderr.contains("CÁCH DÙNG") || outcome.stderr.contains("Cách dùng"),
                                "\(tool_) \(arguments(value).prefix(4)): \(outcome)")
                    }
                }
            }
            #expect(crashes.isEmpty, "\(crashes.joined(separator: "\n\n"))")
            // The schema is intact and whatever was stored is stored verbatim.
            #expect(try db.connection.query("SELECT to_regclass('plans') IS NOT NULL").scalar(Bool.self))
            #expect(try db.connection.query("SELECT count(*) FROM plans").scalar(Int.self) == 1)
            let stored = try db.connection.query(
                "SELECT count(*) FROM progress_entries WHERE text = \("'); DROP TABLE plans; --")").scalar(Int.self)
            #expect(stored == 1)
            #expect(try db.connection.query("SELECT bool_and(name IS NFC NORMALIZED) FROM units").scalar(Bool.self))
        }
    }

    @Test("The exporter facing an unwritable or full location: a clear message, and no partial file")
    func unwritableOutput() throws {
        try withMigratedDatabase { db in
            let tool = ToolRunner(environment: db.childEnvironment.merging(["CCHC_USER": "vanphong"]) { _, new in new })
            #expect(try tool.run("cchc-import", ["plan", ToolRunner.fixture("45-KH-STP-2024.docx").path]).status == 0)
            let directory = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            let base = ["report", "--plan", "45/KH-STP", "--period", "2024-Q2", "--format", "docx", "-o"]
            // /sys refuses new files even to root.
            let unwritable = try tool.run("cchc-export", base + ["/sys/bao-cao.docx"])
            #expect(unwritable.status == 1)
            #expect(unwritable.stderr.contains("không có quyền ghi"), "\(unwritable)")
            // A full device.
            let full = try tool.run("cchc-export", base + ["/dev/full"])
            #expect(full.status == 1)
            #expect(full.stderr.contains("hết dung lượng"), "\(full)")
            // A disk that fills up half-way through the file (a 4 KiB file-size limit on the process).
            let target = directory.appendingPathComponent("bao-cao.docx").path
            let limited = try tool.run("cchc-export", base + [target], fileSizeLimit: 4)
            #expect(limited.status == 1, "\(limited)")
            #expect(limited.stderr.contains("giới hạn kích thước"), "\(limited)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }

    @Test("The database killed in the middle of an import: nothing partially stored after a restart")
    func databaseKilledMidImport() throws {
        let home = URL(fileURLWithPath: "/tmp/cchc-kill-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") && $0.key != "DATABASE_URL" }
        environment["CCHC_HOME"] = home.path
        environment["CCHC_USER"] = "vanphong"
        let tool = ToolRunner(environment: environment)
        let cluster = LocalCluster(home: home, environment: environment)
        defer {
            try? cluster.stop(mode: .immediate)
            try? FileManager.default.removeItem(at: home)
        }
        #expect(try tool.run("cchc-admin", ["db", "start"]).status == 0)
        let plan = home.appendingPathComponent("ke-hoach-lon.txt")
        try SyntheticPlan.text(activities: 400).write(to: plan, atomically: true, encoding: .utf8)

        let target = try cluster.ensureRunning()
        // The watcher holds a lock that lets the import read but not write assignments: the import then
        // stops mid-transaction, after its document, sections and first activity, and waits there for
        // the crash — whatever the speed of the machine.
        let locker = try Connection(ConnectionConfiguration(conninfo: target.conninfo))
        _ = try locker.execute(unsafeSQL: "BEGIN; LOCK TABLE activity_assignments IN SHARE MODE")
        // Watched from another connection: inside a transaction pg_stat_activity would not change.
        let watcher = try Connection(ConnectionConfiguration(conninfo: target.conninfo))
        let importer = Process()
        importer.executableURL = try ToolRunner.executable("cchc-import")
        importer.arguments = ["plan", plan.path]
        importer.environment = environment
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        var writing = false
        while !writing, importer.isRunning {
            writing = try watcher.query(
                """
                SELECT count(*) > 0 FROM pg_stat_activity
                 WHERE application_name = 'cchc-import' AND backend_xid IS NOT NULL AND wait_event_type = 'Lock'
                """
            ).scalar(Bool.self)
            if !writing { usleep(50_000) }
        }
        #expect(writing, "the import never started writing")
        try cluster.stop(mode: .immediate)
        withExtendedLifetime(locker) {}
        importer.waitUntilExit()
        #expect(importer.terminationStatus != 0)

        // Restarted on next use: no plan, no activity, no unit of that import.
        let list = try tool.run("cchc-admin", ["plan", "list", "--format", "json"])
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(list)")
        let after = try Connection(ConnectionConfiguration(conninfo: try cluster.ensureRunning().conninfo))
        #expect(try after.query("SELECT count(*) FROM activities").scalar(Int.self) == 0)
        #expect(try after.query("SELECT count(*) FROM plan_revisions").scalar(Int.self) == 0)
        // And the same import then succeeds whole.
        let again = try tool.run("cchc-import", ["plan", plan.path])
        #expect(again.status == 0, "\(again)")
        #expect(try after.query("SELECT count(*) FROM activities").scalar(Int.self) == 400)
    }
}

/// A large plan in the fixtures' text format, for tests that need an import to take a while.
enum SyntheticPlan {
    static func text(activities: Int) -> String {
        var lines = [
            "UBND TỈNH BÌNH PHƯỚC", "SỞ THỬ NGHIỆM", "Số: 77/KH-STN", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "", "Bình Phước, ngày 10 tháng 4 năm 2024", "", "KẾ HOẠCH",
            "Thông tin, tuyên truyền cải cách hành chính năm 2024", "",
            "Thực hiện Kế hoạch số 96/KH-UBND ngày 19/3/2024 của UBND tỉnh, Sở Thử nghiệm ban hành Kế hoạch như sau:", "",
        ]
        let schedules = ["Thường xuyên", "Quý II/2024", "Tháng 6/2024", "Trước ngày 15/12/2024", "Năm 2024"]
        let units = ["Văn phòng Sở", "Phòng Nghiệp vụ 1", "Phòng Nghiệp vụ 2", "Trung tâm Thông tin"]
        // A hundred tasks per section, as long real plans group them.
        for i in 1...activities {
            if i % 100 == 1 {
                lines += ["\(VietnameseNumerals.roman(i / 100 + 1)). NHÓM NHIỆM VỤ \(i / 100 + 1)", ""]
            }
            lines += [
                "\((i - 1) % 100 + 1). Tuyên truyền cải cách hành chính nội dung số \(i) trên Trang thông tin điện tử của Sở", "",
                "- Đơn vị chủ trì: \(units[i % units.count]).", "",
                "- Đơn vị phối hợp: \(units[(i + 1) % units.count]).", "",
                "- Thời gian thực hiện: \(schedules[i % schedules.count]).", "",
                "- Sản phẩm: \(i % 9 + 1) tin, bài.", "",
            ]
        }
        lines += ["\(VietnameseNumerals.roman(activities / 100 + 2)). TỔ CHỨC THỰC HIỆN", "", "Văn phòng Sở theo dõi, đôn đốc./.", "", "GIÁM ĐỐC", "", "Nguyễn Văn C"]
        return lines.joined(separator: "\n") + "\n"
    }
}
