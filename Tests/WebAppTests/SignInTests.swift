import Foundation
import HTTPTypes
import NIOCore
import Hummingbird
import HummingbirdBcrypt
import HummingbirdOTP
import HummingbirdTesting
import PlanCore
import PlanStore
import Postgres
import Testing
import WebApp

@Suite("Signing in: passwords checked by PostgreSQL, rotated sessions, timeouts, throttling, a second factor")
struct SignInTests {
    @Test("A right password opens a session with a new HttpOnly, SameSite=Lax cookie; a wrong one does not")
    func signIn() async throws {
        try await WebHarness.run { client, _ in
            var browser = Browser(client)
            let page = try await browser.get("/")
            #expect(page.status == .seeOther && page.location?.hasPrefix("/login") == true)
            let wrong = try await browser.signIn("pbgdpl", password: "sai-mat-khau-roi")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("Tên đăng nhập hoặc mật khẩu không đúng"))
            #expect(browser.cookies["cchc_session"] == nil)

            let right = try await browser.signIn("pbgdpl")
            #expect(right.status == .seeOther && right.location == "/")
            let cookie = try #require(right.headers[values: .setCookie].first { $0.hasPrefix("cchc_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            let first = try #require(browser.cookies["cchc_session"])
            #expect(first.count == 64)
            #expect(try await browser.get("/").status == .ok)
            #expect(browser.lastBody.contains("Việc của tôi"))

            // Signing in again mints a new token and ends the old session (no session fixation).
            let again = try await browser.signIn("pbgdpl")
            #expect(again.status == .seeOther)
            let second = try #require(browser.cookies["cchc_session"])
            #expect(second != first)
            var old = Browser(client)
            old.cookies["cchc_session"] = first
            #expect(try await old.get("/").status == .seeOther)
        }
    }

    @Test("Logins are case-insensitive; a disabled person cannot sign in, and their open sessions end")
    func disabled() async throws {
        try await WebHarness.run { client, harness in
            var browser = Browser(client)
            #expect(try await browser.signIn("PBGDPL", password: WebHarness.password("pbgdpl")).status == .seeOther)
            _ = try harness.store().setUserActive("pbgdpl", active: false)
            #expect(try await browser.get("/").status == .seeOther)
            var other = Browser(client)
            #expect(try await other.signIn("pbgdpl").status == .unauthorized)
        }
    }

    @Test("Five failures for a login slow further attempts, with the wait in Vietnamese, even with the right password")
    func throttling() async throws {
        try await WebHarness.run { client, _ in
            var browser = Browser(client)
            for _ in 0..<5 { _ = try await browser.signIn("xem", password: "sai-mat-khau-roi") }
            let slowed = try await browser.signIn("xem")
            #expect(slowed.status == .tooManyRequests)
            #expect(slowed.text.contains("Đăng nhập sai quá 5 lần trong 15 phút"))
            #expect(slowed.text.contains("giây rồi thử lại"))
            // Another login is not slowed.
            var other = Browser(client)
            #expect(try await other.signIn("pbgdpl").status == .seeOther)
        }
    }

    @Test("A session ends after its idle time; an administrator can end a person's sessions; signing out ends it")
    func endings() async throws {
        try await WebHarness.run(idle: .seconds(1)) { client, _ in
            var browser = Browser(client)
            try await browser.signIn("pbgdpl")
            try await Task.sleep(for: .seconds(2))
            #expect(try await browser.get("/").status == .seeOther)
        }
        try await WebHarness.run { client, harness in
            var browser = Browser(client)
            try await browser.signIn("pbgdpl")
            #expect(try harness.store().endSessions(of: "pbgdpl") == 1)
            #expect(try await browser.get("/").status == .seeOther)

            try await browser.signIn("pbgdpl")
            try await browser.get("/")
            let out = try await browser.post("/logout", [])
            #expect(out.status == .seeOther && out.location == "/login")
            #expect(browser.cookies["cchc_session"] == nil)
        }
    }

    @Test("Without the form token, or from another site, a sign-in or a sign-out is refused with 403")
    func csrf() async throws {
        try await WebHarness.run { client, _ in
            var browser = Browser(client)
            try await browser.get("/login")
            let forged = try await browser.post(
                "/login", [("username", "pbgdpl"), ("password", WebHarness.password("pbgdpl"))], csrf: "gia-mao")
            #expect(forged.status == .forbidden)
            #expect(browser.cookies["cchc_session"] == nil)
            try await browser.signIn("pbgdpl")
            try await browser.get("/")
            #expect(try await browser.post("/logout", [], csrf: "").status == .forbidden)
            #expect(try await browser.post("/logout", [], origin: "http://tan-cong.example").status == .forbidden)
            #expect(try await browser.get("/").status == .ok)
        }
    }

    @Test("A password reset by an administrator must be changed first; too short or equal to the login is refused")
    func mustChange() async throws {
        try await WebHarness.run { client, harness in
            try harness.store().setPassword(
                "pbgdpl", hash: Bcrypt.hash(PasswordPolicy.secret("mat-khau-tam-thoi"), cost: 12), mustChange: true)
            var browser = Browser(client)
            let signedIn = try await browser.signIn("pbgdpl", password: "mat-khau-tam-thoi")
            #expect(signedIn.location == "/tai-khoan/mat-khau")
            #expect(try await browser.get("/").location == "/tai-khoan/mat-khau")
            try await browser.get("/tai-khoan/mat-khau")
            let short = try await browser.post("/tai-khoan/mat-khau", [("password", "ngan"), ("confirm", "ngan")])
            #expect(short.status == .badRequest && short.text.contains("ít nhất 10 ký tự"))
            let same = try await browser.post("/tai-khoan/mat-khau", [("password", "PBGDPL"), ("confirm", "PBGDPL")])
            #expect(same.status == .badRequest)
            let long = "Mật khẩu dài của cán bộ phòng phổ biến giáo dục pháp luật tỉnh Bình Phước năm 2024"
            let changed = try await browser.post("/tai-khoan/mat-khau", [("password", long), ("confirm", long)])
            #expect(changed.status == .seeOther)
            #expect(try await browser.get("/").status == .ok)
            var fresh = Browser(client)
            #expect(try await fresh.signIn("pbgdpl", password: long).location == "/")
        }
    }

    @Test("TOTP: enrolled by the person, asked at sign-in, and required for administrators when set")
    func secondFactor() async throws {
        try await WebHarness.run { client, harness in
            var browser = Browser(client)
            try await browser.signIn("pbgdpl")
            let enrol = try await browser.get("/tai-khoan/hai-lop")
            #expect(enrol.status == .ok)
            let secret = try #require(Self.secret(in: browser.lastBody))
            #expect(try await browser.post("/tai-khoan/hai-lop", [("code", "000000")]).status == .badRequest)
            let code = String(format: "%06d", TOTP(secret: secret).compute(date: Date()))
            #expect(try await browser.post("/tai-khoan/hai-lop", [("code", code)]).status == .seeOther)

            var next = Browser(client)
            let signedIn = try await next.signIn("pbgdpl")
            #expect(signedIn.location?.hasPrefix("/login/ma-xac-thuc") == true)
            #expect(try await next.get("/").location == "/login/ma-xac-thuc")
            try await next.get("/login/ma-xac-thuc")
            #expect(try await next.post("/login/ma-xac-thuc", [("code", "123456")]).status == .unauthorized)
            let fresh = String(format: "%06d", TOTP(secret: secret).compute(date: Date()))
            #expect(try await next.post("/login/ma-xac-thuc", [("code", fresh), ("tiep", "/")]).location == "/")
            #expect(try await next.get("/").status == .ok)

            // Required for administrators: one without a second factor is sent to enrol first.
            try harness.store().setRequireTOTPForAdmins(true)
            var admin = Browser(client)
            #expect(try await admin.signIn("vanphong").location == "/tai-khoan/hai-lop")
            #expect(try await admin.get("/bang-theo-doi").location == "/tai-khoan/hai-lop")
        }
    }

    /// The base32 key shown on the enrolment page, decoded back to the secret's text.
    static func secret(in page: String) -> String? {
        guard let start = page.range(of: "<code class=\"secret\">") else { return nil }
        let base32 = page[start.upperBound...].prefix { $0 != "<" }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bytes: [UInt8] = []
        var buffer = 0
        var bits = 0
        for character in base32 {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
