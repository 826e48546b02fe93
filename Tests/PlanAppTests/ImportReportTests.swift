import Foundation
import PlanApp
import PlanCore
import PlanImport
import PlanStore
import TestSupport
import Testing

@Suite("What an import says it did")
struct ImportReportTests {
    @Test("Created, unchanged, refused with the changes, replaced: text and JSON say what the store did")
    func outcomes() throws {
        try withMigratedDatabase { db in
            let store = try Store(connection: db.connection, actingAs: "vanphong")
            let original = try String(contentsOf: ToolRunner.fixture("45-KH-STP-2024.txt"), encoding: .utf8)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-report-\(UUID())")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            func plan(_ text: String, _ name: String) throws -> PlanDocument {
                let file = directory.appendingPathComponent(name)
                try text.write(to: file, atomically: true, encoding: .utf8)
                return try PlanImporter().read(file: file)
            }

            let first = try plan(original, "45-KH-STP-2024.txt")
            let created = try store.importPlan(first, replace: false)
            let createdText = ImportReport.text(created, plan: first)
            #expect(createdText.hasPrefix("Đã nhập Kế hoạch 45/KH-STP — "))
            #expect(createdText.contains(": \(first.activities.count) hoạt động (bản 1)."))
            #expect(createdText.contains("Kế hoạch cấp trên 96/KH-UBND chưa có trong hệ thống"))
            #expect(createdText.contains("Đơn vị mới cần rà soát (cchc-admin unit review):\n  - "))

            let again = try store.importPlan(first, replace: false)
            #expect(
                ImportReport.text(again, plan: first)
                    == "Kế hoạch 45/KH-STP — \(first.document.title!) đã được nhập trước đó với cùng nội dung; không có gì thay đổi.\n")

            let edited = original.replacingOccurrences(
                of: "| Quý III/2024 | Đội thi", with: "| Quý IV/2024 | Đội thi")
            #expect(edited != original)
            let second = try plan(edited, "45-KH-STP-2024-sua.txt")
            let refusal = #expect(throws: PlanImportRefusal.self) { try store.importPlan(second, replace: false) }
            let refusedText = ImportReport.text(try #require(refusal).result, plan: second)
            #expect(refusedText.contains("đã có (bản 1); tệp 45-KH-STP-2024-sua.txt khác bản đã lưu:\n  "))
            #expect(refusedText.hasSuffix("\n  ~ PL.5 — Tham gia Hội thi tìm hiểu về cải cách hành chính năm 2024 do tỉnh tổ chức (thời gian)\n"), "the activity and what changed in it are named")

            let replaced = try store.importPlan(second, replace: true)
            #expect(ImportReport.text(replaced, plan: second).hasPrefix("Đã thay thế Kế hoạch 45/KH-STP — "))
            #expect(ImportReport.text(replaced, plan: second).contains("bản 1 → bản 2 (bản cũ vẫn được giữ)."))
            let json = ImportReport.json(replaced, plan: second).serialized()
            #expect(json.contains(#""outcome": "replaced""#) || json.contains(#""outcome":"replaced""#))
            #expect(json.contains(second.source.sha256))
        }
    }
}
