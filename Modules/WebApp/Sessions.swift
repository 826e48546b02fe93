import Foundation
import HTTPTypes
import Hummingbird
import PlanStore

/// The session cookie: a random token minted by the database at sign-in (never chosen by the browser, so
/// a session cannot be fixed in advance), `HttpOnly`, `SameSite=Lax`, `Secure` over https.
struct SessionCookies: Sendable {
    static let session = "cchc_session"
    static let signInForm = "cchc_login"

    let configuration: WebConfiguration

    /// Whether the browser reached us over https (directly, or as the trusted proxy says).
    func isSecure(_ request: Request) -> Bool {
        if configuration.secureCookies { return true }
        return configuration.behindProxy && request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    func cookie(_ name: String, _ value: String, request: Request, maxAge: Int? = nil, sameSite: Cookie.SameSite = .lax)
        -> Cookie
    {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: isSecure(request), httpOnly: true,
            sameSite: sameSite)
    }

    func sessionCookie(_ token: String, request: Request) -> Cookie {
        cookie(Self.session, token, request: request, maxAge: Int(configuration.sessionLifetime.components.seconds))
    }

    func expired(_ name: String, request: Request) -> Cookie {
        cookie(name, "", request: request, maxAge: 0)
    }
}

/// Reads the session cookie of every request and puts the live session (checked by the database) into
/// the context; behind a trusted proxy, takes the browser's address from `X-Forwarded-For`.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let pool: DatabasePool
    let configuration: WebConfiguration

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if configuration.behindProxy, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!] {
            context.peerAddress = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let token = request.cookies[SessionCookies.session]?.value, !token.isEmpty {
            context.session = try await pool.run { try WebSessions.session($0, token: token) }
        }
        return try await next(request, context)
    }
}

/// Pages behind sign-in: without a session, to the sign-in page (and back afterwards); with the second
/// factor still to give, to that step; with a password to change, to that page.
struct RequireSignIn: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        guard let session = context.session else {
            let target = request.method == .get ? request.uri.description : "/"
            return Views.redirect("/login?tiep=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        if session.secondFactorPending, !path.hasPrefix("/tai-khoan/hai-lop") {
            return Views.redirect(session.totpEnabled ? "/login/ma-xac-thuc" : "/tai-khoan/hai-lop")
        }
        if session.mustChangePassword, !path.hasPrefix("/tai-khoan/mat-khau") {
            return Views.redirect("/tai-khoan/mat-khau")
        }
        return try await next(request, context)
    }
}

/// Who may open a page: refused roles get 403 (checked again by PostgreSQL on every write).
enum Access {
    static func require(_ context: WebContext, _ roles: Set<UserRole>, _ what: String) throws -> WebSession {
        let session = try context.requireSession()
        guard roles.contains(session.user.role) else {
            throw PageRefusal(.forbidden, "Tài khoản \(session.user.login) không có quyền \(what).")
        }
        return session
    }
}

/// A refusal shown as a Vietnamese error page with its status.
struct PageRefusal: Error {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }
}
