import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdOTP
import PlanCore
import PlanStore

/// Sign-in, the second factor, sign-out, and the person's own account (password, TOTP).
struct AuthRoutes: Sendable {
    let app: WebServices

    func register(public router: RouterGroup<WebContext>, signedIn: RouterGroup<WebContext>) {
        router.get("/login", use: signInPage)
        router.post("/login", use: signIn)
        router.get("/login/ma-xac-thuc", use: codePage)
        router.post("/login/ma-xac-thuc", use: code)
        router.post("/logout", use: signOut)
        signedIn.get("/tai-khoan", use: account)
        signedIn.get("/tai-khoan/mat-khau", use: passwordPage)
        signedIn.post("/tai-khoan/mat-khau", use: changePassword)
        signedIn.get("/tai-khoan/hai-lop", use: secondFactorPage)
        signedIn.post("/tai-khoan/hai-lop", use: enableSecondFactor)
    }

    struct SignInView {
        var csrf: String
        var next: String
        var username: String
        var error: String?
    }

    /// A local path to go back to after signing in ("/…", never "//host" or a URL).
    static func localPath(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"), !text.contains("://") else {
            return "/"
        }
        return text
    }

    @Sendable func signInPage(_ request: Request, context: WebContext) async throws -> Response {
        signInResponse(
            request, context: context, next: Self.localPath(request.uri.queryParameters["tiep"].map(String.init)),
            username: "", error: nil)
    }

    /// The sign-in form with a fresh form token (a cookie and the same value in the form).
    func signInResponse(
        _ request: Request, context: WebContext, next: String, username: String, error: String?,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let token = WebServices.randomToken()
        var response = app.views.page(
            "login", title: "Đăng nhập", content: SignInView(csrf: token, next: next, username: username, error: error),
            session: nil, path: "/login", status: status)
        response.setCookie(app.cookies.cookie(SessionCookies.signInForm, token, request: request, sameSite: .strict))
        return response
    }

    @Sendable func signIn(_ request: Request, context: WebContext) async throws -> Response {
        let expected = request.cookies[SessionCookies.signInForm]?.value ?? ""
        let form = try await FormReader.read(request, context: context, csrf: expected, limit: 1 << 16)
        let username = form.text("username") ?? ""
        let password = form.value("password") ?? ""
        let next = Self.localPath(form.value("tiep"))
        guard !username.isEmpty, !password.isEmpty else {
            return signInResponse(
                request, context: context, next: next, username: username,
                error: "Hãy nhập tên đăng nhập và mật khẩu.", status: .badRequest)
        }
        let configuration = app.configuration
        let address = context.peerAddress
        let agent = request.headers[.userAgent]
        let outcome = try await app.pool.run { connection in
            try WebSessions.signIn(
                connection, login: username, password: password, address: address, userAgent: agent,
                idle: configuration.idleTimeout, lifetime: configuration.sessionLifetime)
        }
        switch outcome {
        case .refused:
            return signInResponse(
                request, context: context, next: next, username: username,
                error: "Tên đăng nhập hoặc mật khẩu không đúng (hoặc tài khoản đã bị khóa).", status: .unauthorized)
        case .throttled(let seconds):
            return signInResponse(
                request, context: context, next: next, username: username,
                error: "Đăng nhập sai quá 5 lần trong 15 phút. Vì an toàn, hãy chờ \(seconds) giây rồi thử lại.",
                status: .tooManyRequests)
        case .signedIn(let token, let factor, let mustChange):
            // The old session, if any, ends: a session is never carried across a sign-in.
            if let old = context.session?.token {
                try await app.pool.run { try WebSessions.signOut($0, token: old) }
            }
            let target: String
            switch factor {
            case .code: target = "/login/ma-xac-thuc?tiep=" + Self.encoded(next)
            case .enrol: target = "/tai-khoan/hai-lop"
            case .none: target = mustChange ? "/tai-khoan/mat-khau" : next
            }
            var response = Views.redirect(target)
            response.setCookie(app.cookies.sessionCookie(token, request: request))
            response.setCookie(app.cookies.expired(SessionCookies.signInForm, request: request))
            return response
        }
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
    }

    struct CodeView {
        var csrf: String
        var next: String
        var error: String?
    }

    @Sendable func codePage(_ request: Request, context: WebContext) async throws -> Response {
        guard let session = context.session, session.secondFactorPending else { return Views.redirect("/") }
        return app.views.page(
            "second-factor", title: "Mã xác thực",
            content: CodeView(
                csrf: session.csrfToken, next: Self.localPath(request.uri.queryParameters["tiep"].map(String.init)),
                error: nil), session: nil, path: request.uri.path)
    }

    @Sendable func code(_ request: Request, context: WebContext) async throws -> Response {
        guard let session = context.session, session.secondFactorPending else { return Views.redirect("/") }
        let form = try await FormReader.read(request, context: context, csrf: session.csrfToken, limit: 1 << 16)
        let next = Self.localPath(form.value("tiep"))
        let token = session.token
        let secret = try await app.pool.run { try WebSessions.totpSecret($0, token: token) }
        guard let secret, Self.codeMatches(form.text("code") ?? "", secret: secret) else {
            return app.views.page(
                "second-factor", title: "Mã xác thực",
                content: CodeView(csrf: session.csrfToken, next: next, error: "Mã xác thực không đúng hoặc đã hết hạn; hãy nhập mã mới."),
                session: nil, path: request.uri.path, status: .unauthorized)
        }
        try await app.pool.run { try WebSessions.secondFactorDone($0, token: token) }
        return Views.redirect(session.mustChangePassword ? "/tai-khoan/mat-khau" : next)
    }

    /// A six-digit TOTP code of the current 30-second step, or of the one before or after (clock drift).
    static func codeMatches(_ code: String, secret: String, now: Date = Date()) -> Bool {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, let value = Int(digits) else { return false }
        let totp = TOTP(secret: secret)
        return [-30.0, 0, 30].contains { totp.compute(date: now.addingTimeInterval($0)) == value }
    }

    @Sendable func signOut(_ request: Request, context: WebContext) async throws -> Response {
        guard let session = context.session else { return Views.redirect("/login") }
        _ = try await FormReader.read(request, context: context, csrf: session.csrfToken, limit: 1 << 16)
        let token = session.token
        try await app.pool.run { try WebSessions.signOut($0, token: token) }
        var response = Views.redirect("/login")
        response.setCookie(app.cookies.expired(SessionCookies.session, request: request))
        return response
    }

    struct AccountView {
        var login: String
        var name: String
        var role: String
        var unit: String?
        var totpEnabled: Bool
        var csrf: String
    }

    @Sendable func account(_ request: Request, context: WebContext) async throws -> Response {
        let session = try context.requireSession()
        let unit = try await app.unitName(session)
        return app.views.page(
            "account", title: "Tài khoản",
            content: AccountView(
                login: session.user.login, name: session.user.displayName ?? session.user.login,
                role: Views.roleName(session.user.role), unit: unit, totpEnabled: session.totpEnabled,
                csrf: session.csrfToken), session: session, path: request.uri.path, unitName: unit)
    }

    struct PasswordView {
        var csrf: String
        var required: Bool
        var error: String?
        var minimum: Int
    }

    @Sendable func passwordPage(_ request: Request, context: WebContext) async throws -> Response {
        let session = try context.requireSession()
        return app.views.page(
            "password", title: "Đổi mật khẩu",
            content: PasswordView(
                csrf: session.csrfToken, required: session.mustChangePassword, error: nil,
                minimum: PasswordPolicy.minimumLength), session: session, path: request.uri.path)
    }

    @Sendable func changePassword(_ request: Request, context: WebContext) async throws -> Response {
        let session = try context.requireSession()
        let form = try await FormReader.read(request, context: context, csrf: session.csrfToken, limit: 1 << 16)
        let password = form.value("password") ?? ""
        func refused(_ message: String) -> Response {
            app.views.page(
                "password", title: "Đổi mật khẩu",
                content: PasswordView(
                    csrf: session.csrfToken, required: session.mustChangePassword, error: message,
                    minimum: PasswordPolicy.minimumLength), session: session, path: request.uri.path, status: .badRequest)
        }
        guard password == form.value("confirm") else { return refused("Hai lần nhập mật khẩu không giống nhau.") }
        do {
            try PasswordPolicy.check(password, login: session.user.login)
        } catch {
            return refused(error.description)
        }
        let login = session.user.login
        // Bcrypt takes a few hundred milliseconds: on a pool thread, never on the event loop.
        try await app.pool.run { connection in
            let hash = Bcrypt.hash(PasswordPolicy.secret(password), cost: 12)
            try Store(connection: connection, webSession: session).setPassword(login, hash: hash, mustChange: false)
        }
        return Views.redirect("/tai-khoan?da-doi-mat-khau=1")
    }

    struct SecondFactorView {
        var csrf: String
        var secret: String
        var uri: String
        var required: Bool
        var error: String?
    }

    /// Enrolment: a new secret (stored, not yet on) to type into an authenticator app, and a code to prove it.
    @Sendable func secondFactorPage(_ request: Request, context: WebContext) async throws -> Response {
        let session = try context.requireSession()
        // An enabled second factor is never replaced by visiting this page.
        if session.totpEnabled, !session.secondFactorPending { return Views.redirect("/tai-khoan") }
        let secret = Self.newSecret()
        try await app.pool.run { try Store(connection: $0, webSession: session).enrolTOTP(secret: secret) }
        let totp = TOTP(secret: secret)
        return app.views.page(
            "second-factor-enrol", title: "Xác thực hai lớp",
            content: SecondFactorView(
                csrf: session.csrfToken, secret: Self.base32(Array(secret.utf8)),
                uri: totp.createAuthenticatorURL(label: session.user.login, issuer: "cchc"),
                required: session.secondFactorPending, error: nil), session: session, path: request.uri.path)
    }

    @Sendable func enableSecondFactor(_ request: Request, context: WebContext) async throws -> Response {
        let session = try context.requireSession()
        let form = try await FormReader.read(request, context: context, csrf: session.csrfToken, limit: 1 << 16)
        let token = session.token
        let secret = try await app.pool.run { try WebSessions.totpSecret($0, token: token) }
        guard let secret, Self.codeMatches(form.text("code") ?? "", secret: secret) else {
            let totp = TOTP(secret: secret ?? "")
            return app.views.page(
                "second-factor-enrol", title: "Xác thực hai lớp",
                content: SecondFactorView(
                    csrf: session.csrfToken, secret: Self.base32(Array((secret ?? "").utf8)),
                    uri: totp.createAuthenticatorURL(label: session.user.login, issuer: "cchc"),
                    required: session.secondFactorPending, error: "Mã không đúng; hãy nhập mã đang hiện trong ứng dụng."),
                session: session, path: request.uri.path, status: .badRequest)
        }
        try await app.pool.run { try Store(connection: $0, webSession: session).enableTOTP() }
        return Views.redirect(session.mustChangePassword ? "/tai-khoan/mat-khau" : "/tai-khoan?da-bat-hai-lop=1")
    }

    /// 20 random characters the authenticator app receives base32-encoded.
    static func newSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        return String((0..<20).map { _ in alphabet.randomElement()! })
    }

    /// RFC 4648 base32 without padding (what authenticator apps are typed).
    static func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var out = ""
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return out
    }
}
