import Foundation
import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("Progress: append-only entries with evidence, corrections that supersede")
struct ProgressLogTests {
    static func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cchc-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url
    }

    @Test(
        "Evidence is classified: links by scheme, existing files, document numbers",
        arguments: [
            ("https://stp.binhphuoc.gov.vn/tin-tuc/123", "url"), ("ftp://files.example.vn/a.pdf", "url"),
            ("www.binhphuoc.gov.vn/bai-viet", "url"), ("123/BC-SLĐTBXH", "document"),
            ("Biên bản hội nghị ngày 12/5/2024", "document"), ("Công văn 45/STP-VP", "document"),
        ])
    func classify(_ text: String, _ kind: String) throws {
        switch try EvidenceInput.classify(text) {
        case .url(let url): #expect(kind == "url" && url.contains("://"))
        case .document(let value): #expect(kind == "document" && value == text)
        case .file: Issue.record("\(text) is not a file")
        }
    }

    @Test(
        "A value that looks like a path but does not exist, or an unsupported link, is refused",
        arguments: [
            "./bien-ban.pdf", "/khong/co/tep.docx", "anh-hoi-nghi.jpg", "~/tai-lieu/x.pdf", "mailto://a@b.vn",
            "file:///etc/passwd",
        ])
    func refusedEvidence(_ text: String) {
        #expect(throws: StoreError.self) { try EvidenceInput.classify(text) }
    }

    @Test("A file is stored once per content with its sha256, size and name")
    func fileEvidence() throws {
        try Seed.withPlans { store, db in
            let file = try Self.temporaryFile("bien-ban-hoi-nghi.txt", "Biên bản hội nghị tuyên truyền CCHC")
            let input = try EvidenceInput.classify(
                file.lastPathComponent, workingDirectory: file.deletingLastPathComponent().path)
            #expect(input == .file(path: file.path))
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let entry = try store.addProgress(
                NewProgress(
                    activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 10)!, text: "Tổ chức 2 hội nghị",
                    quantity: 2, quantityUnit: "hội nghị",
                    evidence: [input, .url("https://stp.binhphuoc.gov.vn/a"), .document("15/BC-STP")]))
            #expect(entry.evidence.map(\.kind) == [.file, .url, .document])
            #expect(entry.evidence[0].value == "bien-ban-hoi-nghi.txt")
            #expect(entry.evidence[0].sha256?.count == 64)
            #expect(entry.quantityText == "2" && entry.quantityUnit == "hội nghị")
            _ = try store.addProgress(
                NewProgress(
                    activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 11)!, text: "Lần nữa",
                    evidence: [input]))
            let stored = try db.connection.query("SELECT count(*), min(size) FROM evidence_files").singleRow()
            #expect(try stored.decode(Int.self, at: 0) == 1)
            #expect(try stored.decode(Int.self, at: 1) == "Biên bản hội nghị tuyên truyền CCHC".utf8.count)
        }
    }

    @Test("A correction is a new entry superseding the old one, with the reason; the old one stays")
    func correction() throws {
        try Seed.withPlans { store, _ in
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let first = try store.addProgress(
                NewProgress(
                    activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 10)!, text: "Tổ chức 2 hội nghị",
                    quantity: 2, quantityUnit: "hội nghị", evidence: [.document("15/BC-STP")]))
            let fixed = try store.correctProgress(
                first.id, reason: "Ghi nhầm số lượng", ProgressCorrection(quantity: .some(3)))
            #expect(fixed.supersedes == first.id && fixed.reason == "Ghi nhầm số lượng")
            #expect(fixed.quantity == 3 && fixed.quantityUnit == "hội nghị" && fixed.text == first.text)
            #expect(fixed.evidence.map(\.value) == ["15/BC-STP"])

            let current = try store.listProgress(ProgressFilter(activityID: activity.id))
            #expect(current.map(\.id) == [fixed.id])
            let all = try store.listProgress(ProgressFilter(activityID: activity.id, includeSuperseded: true))
            #expect(all.map(\.id) == [first.id, fixed.id])
            #expect(all[0].supersededBy == fixed.id)

            #expect {
                try store.correctProgress(first.id, reason: "Lại", ProgressCorrection(text: "Khác"))
            } throws: { error in
                String(describing: error).contains("đã được sửa bởi mục #\(fixed.id)")
            }
            #expect(throws: StoreError.self) {
                try store.correctProgress(fixed.id, reason: " ", ProgressCorrection(text: "Khác"))
            }
            #expect(throws: StoreError.self) {
                try store.correctProgress(fixed.id, reason: "Không đổi gì", ProgressCorrection())
            }
        }
    }

    @Test("Bad values change nothing: empty text, a count unit without a count, an unknown activity")
    func badInput() throws {
        try Seed.withPlans { store, db in
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            #expect(throws: StoreError.self) {
                try store.addProgress(
                    NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 1)!, text: "  "))
            }
            #expect(throws: StoreError.self) {
                try store.addProgress(
                    NewProgress(
                        activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 1)!, text: "x", quantityUnit: "tin"
                    ))
            }
            #expect(throws: StoreError.self) {
                try store.addProgress(
                    NewProgress(activityID: 999_999, unitID: unit.id, date: Day(2024, 5, 1)!, text: "x"))
            }
            #expect(try db.connection.query("SELECT count(*) FROM progress_entries").scalar(Int.self) == 0)
        }
    }
}
