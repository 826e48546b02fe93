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
        case .file, .uploaded: Issue.record("\(text) is not a file")
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
            let file = try Self.temporaryFile("bien-ban-hoi-nghi.pdf", "%PDF-1.4\nBiên bản hội nghị tuyên truyền CCHC")
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
            #expect(entry.evidence[0].value == "bien-ban-hoi-nghi.pdf")
            #expect(entry.evidence[0].sha256?.count == 64)
            #expect(entry.quantityText == "2" && entry.quantityUnit == "hội nghị")
            _ = try store.addProgress(
                NewProgress(
                    activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 11)!, text: "Lần nữa",
                    evidence: [input]))
            let stored = try db.connection.query("SELECT count(*), min(size) FROM evidence_files").singleRow()
            #expect(try stored.decode(Int.self, at: 0) == 1)
            #expect(try stored.decode(Int.self, at: 1) == "%PDF-1.4\nBiên bản hội nghị tuyên truyền CCHC".utf8.count)
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

    @Test("A symbolic link leaving its folder and a special file are refused; a link inside the folder is followed")
    func evidencePaths() throws {
        let file = try Self.temporaryFile("bien-ban.pdf", "%PDF-1.4\nBiên bản")
        let folder = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("passwd.pdf").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("ban-sao.pdf").path, withDestinationPath: "bien-ban.pdf")
        #expect(mkfifo(folder.appendingPathComponent("ong.pdf").path, 0o600) == 0)
        let outside = #expect(throws: StoreError.self) {
            try EvidenceInput.classify("passwd.pdf", workingDirectory: folder.path)
        }
        #expect(outside?.description.contains("trỏ ra ngoài thư mục") == true)
        #expect(outside?.description.contains("/etc/passwd") == true)
        let special = #expect(throws: StoreError.self) {
            try EvidenceInput.classify("ong.pdf", workingDirectory: folder.path)
        }
        #expect(special?.description.contains("không phải tệp thông thường") == true)
        #expect(throws: StoreError.self) { try EvidenceInput.classify("/dev/zero") }
        #expect(try EvidenceInput.classify("ban-sao.pdf", workingDirectory: folder.path) == .file(path: file.path))
    }

    @Test("The type of an evidence file comes from its content: text is refused whatever its name, a PDF named .txt is a PDF")
    func evidenceContent() throws {
        try Seed.withPlans { store, db in
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let text = try Self.temporaryFile("bien-ban.pdf", "root:x:0:0:root:/root:/bin/bash\n")
            let refused = #expect(throws: StoreError.self) {
                try store.addProgress(
                    NewProgress(
                        activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 10)!, text: "Có biên bản",
                        evidence: [.file(path: text.path)]))
            }
            #expect(refused?.description.contains("không phải loại tài liệu kiểm chứng") == true)
            #expect(try db.connection.query("SELECT count(*) FROM progress_entries").scalar(Int.self) == 0)
            let pdf = try Self.temporaryFile("bien-ban.txt", "%PDF-1.7\nBiên bản")
            _ = try store.addProgress(
                NewProgress(
                    activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 10)!, text: "Có biên bản",
                    evidence: [.file(path: pdf.path)]))
            #expect(try db.connection.query("SELECT media_type FROM evidence_files").scalar(String.self) == "application/pdf")
        }
    }

    @Test("A repeated identical result by the same person is recognised, not stored twice; a different one is stored")
    func repeats() throws {
        try Seed.withPlans { store, db in
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let new = NewProgress(
                activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 10)!, text: "Tổ chức 1 hội nghị",
                quantity: 1, quantityUnit: "hội nghị", evidence: [.document("15/BC-STP")])
            let first = try store.recordProgress(new)
            let again = try store.recordProgress(new)
            #expect(!first.repeated && again.repeated && again.entry.id == first.entry.id)
            var other = new
            other.evidence = [.document("16/BC-STP")]
            #expect(try !store.recordProgress(other).repeated)
            var later = new
            later.date = Day(2024, 5, 11)!
            #expect(try !store.recordProgress(later).repeated)
            // Another person recording the same words is a different result.
            _ = try store.addUser(login: "nv2", role: .admin, unitID: nil, displayName: nil)
            #expect(try !Seed.session(db, as: "nv2").recordProgress(new).repeated)
            #expect(try db.connection.query("SELECT count(*) FROM progress_entries").scalar(Int.self) == 4)
        }
    }

    @Test("Dates far from the plan's year are refused, naming the days accepted")
    func farDates() throws {
        try Seed.withPlans { store, db in
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            for day in [Day(1, 1, 1)!, Day(9999, 12, 31)!, Day(2026, 3, 1)!, Day(2023, 11, 30)!] {
                let error = #expect(throws: StoreError.self) {
                    try store.addProgress(NewProgress(activityID: activity.id, unitID: unit.id, date: day, text: "x"))
                }
                #expect(error?.description.contains("từ 01/12/2023 đến 31/12/2024") == true, "\(String(describing: error))")
            }
            _ = try store.addProgress(
                NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2023, 12, 20)!, text: "Chuẩn bị"))
            #expect(try db.connection.query("SELECT count(*) FROM progress_entries").scalar(Int.self) == 1)
        }
    }
}
