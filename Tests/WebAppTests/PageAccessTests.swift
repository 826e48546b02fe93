import Foundation
import HTTPTypes
import NIOCore
import Hummingbird
import HummingbirdTesting
import PlanApp
import PlanCore
import PlanStore
import Postgres
import ReportExport
import Synchronization
import Testing
@testable import WebApp

/// Every page for every role, refusals included.
@Suite("Pages and their refusals, role by role")
struct PageAccessTests {
    /// (path template, expected status for admin, unit pbgdpl, viewer); "{2}" stands for activity 2's id.
    static let pages: [(String, HTTPResponse.Status, HTTPResponse.Status, HTTPResponse.Status)] = [
        ("/", .ok, .ok, .ok),
        ("/hoat-dong/{2}", .ok, .ok, .ok),
        ("/hoat-dong/{2}/ghi-ket-qua", .ok, .ok, .forbidden),
        ("/hoat-dong/{3}/ghi-ket-qua", .ok, .forbidden, .forbidden),
        ("/ke-hoach", .ok, .ok, .ok),
        ("/ke-hoach?tim=tuyen+truyen&tinh-trang=notStarted", .ok, .ok, .ok),
        ("/bang-theo-doi", .ok, .forbidden, .ok),
        ("/bang-theo-doi?ky=2024-Q2&che-do=nd09", .ok, .forbidden, .ok),
        ("/bao-cao", .ok, .forbidden, .ok),
        ("/bao-cao/tai?ky=2024-Q2&dinh-dang=docx", .ok, .forbidden, .ok),
        ("/bao-cao/tai?ky=2024-Q2&dinh-dang=csv", .ok, .forbidden, .ok),
        ("/tai-khoan", .ok, .ok, .ok),
        ("/hoat-dong/999999", .notFound, .notFound, .notFound),
        ("/hoat-dong/khong-phai-so", .notFound, .notFound, .notFound),
        ("/khong-co-trang-nay", .notFound, .notFound, .notFound),
        ("/tep/..%2F..%2Fetc%2Fpasswd", .notFound, .notFound, .notFound),
        ("/tep/" + String(repeating: "0", count: 64), .notFound, .notFound, .notFound),
    ]

    static func path(_ template: String, _ harness: WebHarness) -> String {
        var path = template
        for (ref, id) in harness.activities { path = path.replacingOccurrences(of: "{\(ref)}", with: String(id)) }
        return path
    }

    @Test("Each page answers each role as it should, in Vietnamese; without a session every page sends to sign-in")
    func everyPageEveryRole() async throws {
        try await WebHarness.run { client, harness in
            for (login, column) in [("vanphong", 1), ("pbgdpl", 2), ("xem", 3)] {
                var browser = Browser(client)
                try await browser.signIn(login)
                for page in Self.pages {
                    let expected = [page.1, page.2, page.3][column - 1]
                    let response = try await browser.get(Self.path(page.0, harness))
                    #expect(response.status == expected, "\(login) \(page.0): \(response.status)")
                    if expected == .forbidden { #expect(response.text.contains("Không có quyền"), "\(login) \(page.0)") }
                    if expected == .ok, response.headers[.contentType]?.hasPrefix("text/html") == true {
                        #expect(response.text.contains("<html lang=\"vi\">"), "\(login) \(page.0)")
                    }
                }
            }
            var anonymous = Browser(client)
            for page in Self.pages where page.1 != .notFound {
                let response = try await anonymous.get(Self.path(page.0, harness))
                #expect(response.status == .seeOther && response.location?.hasPrefix("/login") == true, "\(page.0)")
            }
            #expect(try await anonymous.get("/login").status == .ok)
            let health = try await anonymous.get("/healthz")
            #expect(health.status == .ok && health.text == "ok")
            #expect(try await anonymous.get("/static/app.css").headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }

    @Test("The report downloads are byte for byte what the command-line export writes for the same state")
    func downloadsMatchTheExport() async throws {
        try await WebHarness.run { client, harness in
            _ = try harness.store("pbgdpl").addProgress(
                NewProgress(
                    activityID: harness.activities["2"]!, unitID: try harness.store().findUnit("Phòng Phổ biến, giáo dục pháp luật").id,
                    date: Day(2024, 5, 20)!, text: "Lồng ghép tại hội nghị phổ biến Luật Đất đai", quantity: 1,
                    quantityUnit: "hội nghị"))
            var browser = Browser(client)
            try await browser.signIn("xem")
            let store = try harness.store()
            let report = try ReportAssembly(store: store, plan: "45/KH-STP", period: "2024-Q2", regime: "cchc", date: nil)
                .report(asOf: nil, status: .draft, snapshot: nil)
            for format in ReportFormat.deterministic {
                let response = try await browser.get(
                    "/bao-cao/tai?ke-hoach=\(harness.planID)&ky=2024-Q2&che-do=cchc&dinh-dang=\(format.rawValue)")
                #expect(response.status == .ok)
                #expect(response.data == (try report.data(format)), "\(format)")
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            }
        }
    }

    @Test("Only an administrator submits: the snapshot is stored and the period locked; a viewer and a unit get 403")
    func submit() async throws {
        try await WebHarness.run { client, harness in
            let fields = [("ke-hoach", String(harness.planID)), ("ky", "2024-Q2"), ("che-do", "cchc")]
            for login in ["xem", "pbgdpl"] {
                var browser = Browser(client)
                try await browser.signIn(login)
                try await browser.get("/")
                #expect(try await browser.post("/bao-cao/nop", fields).status == .forbidden, "\(login)")
            }
            #expect(try harness.count("report_snapshots") == 0)
            var admin = Browser(client)
            try await admin.signIn("vanphong")
            try await admin.get("/bao-cao?ke-hoach=\(harness.planID)&ky=2024-Q2&che-do=cchc")
            #expect(admin.lastBody.contains("Nộp báo cáo"))
            // The preview says what the Word report says: its overview sentences, no "0 hoàn thành".
            let preview = try ReportAssembly(
                store: try harness.store(), plan: "45/KH-STP", period: "2024-Q2", regime: "cchc", date: nil
            ).report(asOf: nil, status: .draft, snapshot: nil)
            for sentence in preview.overview {
                #expect(admin.lastBody.contains(Self.escaped(sentence)), "\(sentence)")
            }
            #expect(!admin.lastBody.contains(" 0 hoàn thành") && !admin.lastBody.contains("đạt 0%"))
            let submitted = try await admin.post("/bao-cao/nop", fields)
            #expect(submitted.status == .seeOther)
            #expect(try harness.count("report_snapshots") == 1 && harness.count("period_locks") == 1)
            try await admin.get(submitted.location!)
            #expect(admin.lastBody.contains("Đã nộp báo cáo: bản số 1, sha256"))
            var viewer = Browser(client)
            try await viewer.signIn("xem")
            try await viewer.get("/bao-cao?ke-hoach=\(harness.planID)&ky=2024-Q2&che-do=cchc")
            #expect(!viewer.lastBody.contains("action=\"/bao-cao/nop\""))
            #expect(viewer.lastBody.contains("Kỳ này đã nộp: bản số 1"))

            // After the submission the page and every download are the submitted version, whatever the
            // data says later; "du-thao=1" gives the draft from live data.
            let store = try harness.store()
            let assembly = try ReportAssembly(store: store, plan: "45/KH-STP", period: "2024-Q2", regime: "cchc", date: nil)
            let frozen = try #require(try assembly.submitted()).report
            _ = try store.saveReportRecord(
                planID: harness.planID, unitID: assembly.text.unitID,
                period: "2024-Q2", regime: "cchc", issues: "Viết thêm sau khi nộp")
            let query = "ke-hoach=\(harness.planID)&ky=2024-Q2&che-do=cchc"
            for format in ReportFormat.deterministic {
                let response = try await viewer.get("/bao-cao/tai?\(query)&dinh-dang=\(format.rawValue)")
                #expect(response.data == (try frozen.data(format)), "\(format)")
            }
            let pdf = try await viewer.get("/bao-cao/tai?\(query)&dinh-dang=pdf")
            #expect(pdf.status == .ok && pdf.data.starts(with: Array("%PDF".utf8)))
            #expect(pdf.headers[.contentType] == "application/pdf")
            let draft = try await viewer.get("/bao-cao/tai?\(query)&du-thao=1&dinh-dang=md")
            #expect(String(decoding: draft.data, as: UTF8.self).contains("Viết thêm sau khi nộp"))
            try await viewer.get("/bao-cao?\(query)&du-thao=1")
            #expect(!viewer.lastBody.contains("Kỳ này đã nộp") && viewer.lastBody.contains("du-thao=1&amp;dinh-dang=docx"))
        }
    }

    @Test("An activity titled with a script is shown as text, never run")
    func escaping() async throws {
        try await WebHarness.run { client, harness in
            let store = try harness.store()
            let activity = try store.findActivity("45/KH-STP#2")
            _ = try store.editActivity(activity, ActivityEdit(title: "<script>alert(1)</script> & \"trích dẫn\""))
            var browser = Browser(client)
            try await browser.signIn("pbgdpl")
            for path in ["/", "/hoat-dong/\(activity.id)", "/ke-hoach"] {
                try await browser.get(path)
                #expect(!browser.lastBody.contains("<script>alert(1)</script>"), "\(path)")
                #expect(browser.lastBody.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
            }
        }
    }

    @Test("Pages are computed once per data version: sign-ins do not move it, any write (store or raw SQL) does")
    func pagesFollowTheDatabase() async throws {
        let services = Mutex<WebServices?>(nil)
        try await WebHarness.run(extraRoutes: { _, app in services.withLock { $0 = app } }) { client, harness in
            let pages = try #require(services.withLock { $0 }).pages
            var browser = Browser(client)
            try await browser.signIn("xem")
            let path = "/bang-theo-doi?ke-hoach=\(harness.planID)&ky=2024-Q2&che-do=cchc"
            try await browser.get(path)
            let before = browser.lastBody
            #expect(before.contains("Chưa thực hiện: 3 · Chưa có kết quả trong kỳ: 1 · Đang thực hiện: 0"))
            let computed = pages.statistics.misses
            try await browser.get(path)
            #expect(browser.lastBody == before)
            #expect(pages.statistics.misses == computed, "served again without computing")

            // Another person signing in (and failing once) writes sign-in bookkeeping only: nothing recomputed.
            var other = Browser(client)
            try await other.get("/login")
            try await other.post("/login", [("username", "vanphong"), ("password", "sai-mat-khau-roi")])
            try await other.signIn("vanphong")
            try await other.get("/tai-khoan")
            try await browser.get(path)
            #expect(browser.lastBody == before)
            #expect(pages.statistics.misses == computed)

            // A result recorded through the store shows at once.
            let unit = try harness.store().findUnit("Phòng Phổ biến, giáo dục pháp luật").id
            _ = try harness.store("pbgdpl").addProgress(
                NewProgress(activityID: harness.activities["2"]!, unitID: unit, date: Day(2024, 5, 20)!, text: "Hội nghị"))
            try await browser.get(path)
            #expect(browser.lastBody.contains("Chưa thực hiện: 2 · Chưa có kết quả trong kỳ: 1 · Đang thực hiện: 1"))
            #expect(pages.statistics.misses == computed + 1)

            // So does a change made with raw SQL, past the application.
            let plan = "/ke-hoach?ke-hoach=\(harness.planID)"
            try await browser.get(plan)
            #expect(!browser.lastBody.contains("Tập huấn đổi tên bằng psql"))
            let connection = try Connection(harness.configuration)
            try connection.withTransaction { c in
                try c.query("SELECT set_config('cchc.user', 'vanphong', true)")
                try c.query(
                    "UPDATE activities SET title = 'Tập huấn đổi tên bằng psql' WHERE id = \(harness.activities["3"]!)")
            }
            try await browser.get(plan)
            #expect(browser.lastBody.contains("Tập huấn đổi tên bằng psql"))
        }
    }

    /// Text as a Mustache view escapes it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
