import Foundation
import HTTPTypes
import NIOCore
import Hummingbird
import HummingbirdTesting
import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing
import WebApp

/// A handler with a bug still cannot write what the signed-in person may not: every request's transaction
/// runs as that person (their session token and their role), and PostgreSQL decides.
@Suite("The database, not the handlers, decides what a web request may write")
struct DatabaseEnforcementTests {
    /// A route a buggy handler could have: it writes an entry for an activity and a unit chosen by the
    /// query, through the signed-in person's store, with direct SQL.
    static func buggyRoutes(_ router: Router<WebContext>, _ services: WebServices) {
        router.group().add(middleware: RequireSignInForTests()).get("/bug") { request, context -> String in
            let session = try context.requireSession()
            let activity = Int64(request.uri.queryParameters["hoat-dong"] ?? "") ?? 0
            let unit = Int64(request.uri.queryParameters["don-vi"] ?? "") ?? 0
            let role = request.uri.queryParameters["vai-tro"].map(String.init)
            return try await services.pool.run { connection in
                let store = Store(connection: connection, webSession: session)
                return try store.transaction { c in
                    if let role { try c.execute(unsafeSQL: "SET LOCAL ROLE \(role)") }
                    try c.query(
                        """
                        INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                        VALUES (\(activity), \(unit), '2024-05-02', 'Ghi hộ qua lỗi của trang')
                        """)
                    return "written"
                }
            }
        }
    }

    @Test("A handler writing another unit's result, even switching to the admin role, gets nothing written")
    func handlerBypass() async throws {
        try await WebHarness.run(extraRoutes: Self.buggyRoutes) { client, harness in
            let office = try harness.store().findUnit("Văn phòng Sở").id
            let own = try harness.store().findUnit("Phòng Phổ biến, giáo dục pháp luật").id
            var browser = Browser(client)
            try await browser.signIn("pbgdpl")
            for query in [
                "hoat-dong=\(harness.activities["3"]!)&don-vi=\(office)",
                "hoat-dong=\(harness.activities["2"]!)&don-vi=\(office)",
                "hoat-dong=\(harness.activities["3"]!)&don-vi=\(own)",
                "hoat-dong=\(harness.activities["3"]!)&don-vi=\(office)&vai-tro=cchc_admin",
            ] {
                let response = try await browser.get("/bug?\(query)")
                #expect(response.status == .forbidden, "\(query): \(response.status) \(response.text.prefix(200))")
            }
            #expect(try harness.count("progress_entries") == 0)
            // The same route writes what the person may write: the mechanism is not just refusing everything.
            #expect(try await browser.get("/bug?hoat-dong=\(harness.activities["2"]!)&don-vi=\(own)").status == .ok)
            #expect(try harness.count("progress_entries") == 1)
        }
    }

    @Test("A web service login has no person without a live session token, and cannot claim one")
    func serviceLogin() throws {
        try withMigratedDatabase { db in
            let harness = try WebHarness.seed(db)
            try db.withLogin("web") { login, configuration in
                let quoted = try db.connection.quoteIdentifier(login)
                try db.connection.execute(unsafeSQL: "GRANT cchc_web_service, cchc_admin, cchc_unit, cchc_viewer TO \(quoted)")
                let web = try Connection(configuration)
                let insert: SQL = """
                    INSERT INTO progress_entries (activity_id, unit_id, entry_date, text)
                    SELECT \(harness.activities["3"]!), id, '2024-05-02', 'Giả mạo' FROM units WHERE name = 'Văn phòng Sở'
                    """
                for setup in [
                    "SET LOCAL ROLE cchc_admin", "SET LOCAL ROLE cchc_admin; SELECT set_config('cchc.user', 'vanphong', true)",
                    "SELECT set_config('cchc.web_token', repeat('a', 64), true); SET LOCAL ROLE cchc_admin",
                    "SELECT 1",
                ] {
                    let error = #expect(throws: PostgresError.self, "\(setup)") {
                        try web.withTransaction { c in
                            try c.execute(unsafeSQL: setup)
                            try c.query(insert)
                        }
                    }
                    #expect(error?.sqlState == "42501", "\(setup): \(String(describing: error))")
                }
                // Sessions, credentials and failures are not readable, not even under a group role.
                for table in ["web_sessions", "user_credentials", "web_sign_in_failures"] {
                    #expect(throws: PostgresError.self) { try web.query("SELECT count(*) FROM \(unsafeRaw: table)") }
                }
                // With a real sign-in the person is the session's, under that person's role only.
                let outcome = try WebSessions.signIn(
                    web, login: "pbgdpl", password: WebHarness.password("pbgdpl"), address: "10.0.0.9", userAgent: "test",
                    idle: .seconds(60), lifetime: .seconds(600))
                guard case .signedIn(let token, _, _) = outcome else {
                    Issue.record("sign-in failed: \(outcome)")
                    return
                }
                let session = try #require(try WebSessions.session(web, token: token))
                #expect(session.user.login == "pbgdpl" && session.user.role == .unit)
                let asAdmin = #expect(throws: PostgresError.self) {
                    try web.withTransaction { c in
                        try c.query("SELECT set_config('cchc.web_token', \(token), true)")
                        try c.execute(unsafeSQL: "SET LOCAL ROLE cchc_admin")
                        try c.query("UPDATE activities SET title = 'Đổi tên' WHERE id = \(harness.activities["3"]!)")
                    }
                }
                #expect(asAdmin?.hint == "role-mismatch", "\(String(describing: asAdmin))")
                let actor = try web.withTransaction { c in
                    try c.query("SELECT set_config('cchc.web_token', \(token), true)")
                    try c.execute(unsafeSQL: "SET LOCAL ROLE cchc_unit")
                    return try c.query("SELECT cchc_actor()").scalar(String.self)
                }
                #expect(actor == "pbgdpl")
                #expect(try harness.count("progress_entries") == 0)
            }
        }
    }
}

/// The sign-in check of the application's own pages, for the test route.
struct RequireSignInForTests: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        guard context.session != nil else { return Response(status: .seeOther, headers: [.location: "/login"]) }
        return try await next(request, context)
    }
}
