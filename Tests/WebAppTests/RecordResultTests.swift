import Foundation
import HTTPTypes
import NIOCore
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanStore
import Postgres
import Testing
import WebApp

@Suite("Ghi kết quả and Sửa kết quả: forms, uploads, refusals")
struct RecordResultTests {
    static let pdf = Data("%PDF-1.4\nBiên bản hội nghị tuyên truyền\n%%EOF".utf8)

    @Test("A unit member records a result with a link, a document and a file; it shows on the activity and downloads back")
    func record() async throws {
        try await WebHarness.run { client, harness in
            let id = harness.activities["2"]!
            var browser = Browser(client)
            try await browser.signIn("pbgdpl")
            try await browser.get("/hoat-dong/\(id)/ghi-ket-qua")
            #expect(browser.lastBody.contains("value=\"10/06/2024\""))
            let recorded = try await browser.postMultipart(
                "/hoat-dong/\(id)/ghi-ket-qua",
                [
                    ("date", "20/05/2024"), ("text", "Lồng ghép tại hội nghị phổ biến Luật Đất đai"), ("quantity", "1"),
                    ("quantity_unit", "hội nghị"), ("link", "https://stp.binhphuoc.gov.vn/tin/hoi-nghi"),
                    ("document", "16/BC-STP"), ("document_date", "21/05/2024"),
                ], files: [("file", "bien-ban.pdf", Self.pdf)])
            #expect(recorded.status == .seeOther, "\(recorded.text)")
            #expect(recorded.location?.hasPrefix("/hoat-dong/\(id)?da-ghi=") == true)
            let entry = try #require(try harness.store().listProgress(ProgressFilter(activityID: id)).first)
            #expect(entry.recordedBy == "pbgdpl" && entry.unitName == "Phòng Phổ biến, giáo dục pháp luật")
            #expect(entry.evidence.map(\.kind) == [.url, .document, .file])
            #expect(entry.evidence[1].value == "16/BC-STP ngày 21/05/2024")
            try await browser.get(recorded.location!)
            #expect(browser.lastBody.contains("Đã ghi kết quả #\(entry.id)."))
            #expect(browser.lastBody.contains("Lồng ghép tại hội nghị phổ biến Luật Đất đai"))
            let sha = try #require(entry.evidence[2].sha256)
            let download = try await browser.get("/tep/\(sha)")
            #expect(download.status == .ok && download.data == Self.pdf)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"bien-ban.pdf\"") == true)

            // The same form sent twice (a double click) is one entry.
            try await browser.get("/hoat-dong/\(id)/ghi-ket-qua")
            let again = try await browser.postMultipart(
                "/hoat-dong/\(id)/ghi-ket-qua",
                [
                    ("date", "20/05/2024"), ("text", "Lồng ghép tại hội nghị phổ biến Luật Đất đai"), ("quantity", "1"),
                    ("quantity_unit", "hội nghị"), ("link", "https://stp.binhphuoc.gov.vn/tin/hoi-nghi"),
                    ("document", "16/BC-STP"), ("document_date", "21/05/2024"),
                ], files: [("file", "bien-ban.pdf", Self.pdf)])
            #expect(again.location?.contains("da-co=\(entry.id)") == true)
            #expect(try harness.count("progress_entries") == 1)
        }
    }

    @Test("Bad dates, quantities, links and files are refused on the form with the reason; nothing is stored")
    func refusals() async throws {
        try await WebHarness.run(uploadLimit: 1_048_576) { client, harness in
            let id = harness.activities["2"]!
            var browser = Browser(client)
            try await browser.signIn("pbgdpl")
            let cases: [([(String, String)], [(String, String, Data)], HTTPResponse.Status, String)] = [
                ([("date", "31/02/2024"), ("text", "x")], [], .badRequest, "ngày 31/02/2024 không tồn tại"),
                ([("date", "01/03/2026"), ("text", "x")], [], .badRequest, "nằm ngoài năm của kế hoạch"),
                ([("date", "10/05/2024"), ("text", "x"), ("quantity", "1,000")], [], .badRequest, "không rõ là 1.000"),
                ([("date", "10/05/2024"), ("text", "x"), ("link", "javascript:alert(1)")], [], .badRequest, "http:// hoặc https://"),
                ([("date", "10/05/2024"), ("text", "")], [], .badRequest, "Hãy ghi kết quả"),
                ([("date", "10/05/2024"), ("text", "x\u{1B}[2J")], [], .badRequest, "ký tự điều khiển U+001B"),
                ([("date", "10/05/2024"), ("text", "x")], [("file", "ghi-chu.pdf", Data("chỉ là văn bản".utf8))], .badRequest,
                 "không phải loại tài liệu kiểm chứng"),
                ([("date", "10/05/2024"), ("text", "x")], [("file", "lon.pdf", Data(count: 1_200_000))], .contentTooLarge,
                 "vượt giới hạn 1 MB"),
            ]
            for (fields, files, status, message) in cases {
                try await browser.get("/hoat-dong/\(id)/ghi-ket-qua")
                let response = try await browser.postMultipart("/hoat-dong/\(id)/ghi-ket-qua", fields, files: files)
                #expect(response.status == status, "\(fields) → \(response.status)")
                #expect(response.text.contains(message), "\(fields): \(message)")
            }
            #expect(try harness.count("progress_entries") == 0 && harness.count("evidence_files") == 0)
        }
    }

    @Test("Another unit's activity, a viewer, or a form without its token: 403 and nothing stored")
    func forbidden() async throws {
        try await WebHarness.run { client, harness in
            var unit = Browser(client)
            try await unit.signIn("pbgdpl")
            try await unit.get("/")
            let other = try await unit.postMultipart(
                "/hoat-dong/\(harness.activities["3"]!)/ghi-ket-qua", [("date", "10/05/2024"), ("text", "Ghi hộ")])
            #expect(other.status == .forbidden)
            let noToken = try await unit.postMultipart(
                "/hoat-dong/\(harness.activities["2"]!)/ghi-ket-qua", [("date", "10/05/2024"), ("text", "x")], csrf: "")
            #expect(noToken.status == .forbidden)
            var viewer = Browser(client)
            try await viewer.signIn("xem")
            try await viewer.get("/")
            let viewed = try await viewer.postMultipart(
                "/hoat-dong/\(harness.activities["2"]!)/ghi-ket-qua", [("date", "10/05/2024"), ("text", "x")])
            #expect(viewed.status == .forbidden)
            #expect(try harness.count("progress_entries") == 0)
        }
    }

    @Test("A withdrawn result is shown as withdrawn, with its reason, and neither it nor the withdrawal can be corrected")
    func withdrawnResults() async throws {
        try await WebHarness.run { client, harness in
            let id = harness.activities["2"]!
            let store = try harness.store()
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật").id
            let unitStore = try harness.store("pbgdpl")
            let junk = try unitStore.addProgress(
                NewProgress(activityID: id, unitID: unit, date: Day(2024, 7, 2)!, text: "Ghi nhầm hoạt động"))
            let withdrawal = try unitStore.withdrawProgress(junk.id, reason: "Nhầm sang hoạt động khác")
            var browser = Browser(client)
            try await browser.signIn("pbgdpl")
            let page = try await browser.get("/hoat-dong/\(id)")
            #expect(page.status == .ok)
            #expect(browser.lastBody.contains("Đã rút (mục #\(withdrawal.id)): không tính trong báo cáo."))
            #expect(browser.lastBody.contains("Rút kết quả #\(junk.id) (không tính): Nhầm sang hoạt động khác"))
            #expect(!browser.lastBody.contains("/ket-qua/\(junk.id)/sua") && !browser.lastBody.contains("/ket-qua/\(withdrawal.id)/sua"))
            let again = try await browser.get("/ket-qua/\(withdrawal.id)/sua")
            #expect(again.status == .conflict && again.text.contains("là mục rút kết quả"))
            #expect(try harness.count("progress_entries") == 2)
        }
    }

    @Test("Inside a locked period the form says why; a correction supersedes with its reason; a concurrent one conflicts")
    func lockedAndCorrections() async throws {
        try await WebHarness.run { client, harness in
            let id = harness.activities["2"]!
            let store = try harness.store()
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật").id
            let entry = try harness.store("pbgdpl").addProgress(
                NewProgress(activityID: id, unitID: unit, date: Day(2024, 7, 2)!, text: "Hội nghị tháng 7"))
            _ = try store.lockPeriod(plan: harness.planID, unit: nil, period: try PeriodID(parsing: "2024-Q2"), regime: .cchc)
            var browser = Browser(client)
            try await browser.signIn("pbgdpl")
            try await browser.get("/hoat-dong/\(id)/ghi-ket-qua")
            let locked = try await browser.postMultipart(
                "/hoat-dong/\(id)/ghi-ket-qua", [("date", "10/05/2024"), ("text", "Muộn")])
            #expect(locked.status == .badRequest && locked.text.contains("Kỳ báo cáo 2024-Q2 đã khóa"))

            try await browser.get("/ket-qua/\(entry.id)/sua")
            #expect(browser.lastBody.contains("value=\"02/07/2024\"") && browser.lastBody.contains("Lý do sửa"))
            let noReason = try await browser.postMultipart(
                "/ket-qua/\(entry.id)/sua", [("date", "03/07/2024"), ("text", "Hội nghị tháng 7")])
            #expect(noReason.status == .badRequest && noReason.text.contains("Hãy ghi lý do sửa"))
            let fixed = try await browser.postMultipart(
                "/ket-qua/\(entry.id)/sua", [("date", "03/07/2024"), ("text", "Hội nghị tháng 7"), ("reason", "Ghi nhầm ngày")])
            #expect(fixed.status == .seeOther)
            let rows = try store.listProgress(ProgressFilter(activityID: id, includeSuperseded: true))
            #expect(rows.count == 2 && rows.last?.supersedes == entry.id && rows.last?.reason == "Ghi nhầm ngày")
            // The old entry, already corrected, cannot be corrected again from a stale form.
            try await browser.get("/hoat-dong/\(id)")
            let stale = try await browser.postMultipart(
                "/ket-qua/\(entry.id)/sua", [("date", "04/07/2024"), ("text", "x"), ("reason", "Lại")])
            #expect(stale.status == .badRequest && stale.text.contains("đã được sửa bởi mục"))
            // Another unit cannot correct it.
            var office = Browser(client)
            try await office.signIn("vp.stp")
            try await office.get("/")
            let foreign = try await office.postMultipart(
                "/ket-qua/\(rows.last!.id)/sua", [("date", "05/07/2024"), ("text", "x"), ("reason", "Sửa hộ")])
            #expect(foreign.status == .forbidden)
            #expect(try harness.count("progress_entries") == 2)
        }
    }
}
