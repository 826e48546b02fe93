import Foundation
import HTTPTypes
import NIOCore
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing
import WebApp

/// A web application on a fresh migrated database with Sở Tư pháp's plan and four people:
/// `vanphong` (admin), `pbgdpl` (unit: Phòng Phổ biến, giáo dục pháp luật), `vp.stp` (unit: Văn phòng Sở)
/// and `xem` (viewer), each with the password `<login>-mat-khau-dai`. Pages are evaluated on 10/06/2024.
struct WebHarness: Sendable {
    static let today = Day(2024, 6, 10)!
    static let people: [(login: String, role: UserRole, unit: String?)] = [
        ("pbgdpl", .unit, "Phòng Phổ biến, giáo dục pháp luật"), ("vp.stp", .unit, "Văn phòng Sở"), ("xem", .viewer, nil),
    ]

    let configuration: ConnectionConfiguration
    /// Activity ids by ref ("1" … "6").
    let activities: [String: Int64]
    let planID: Int64

    static func password(_ login: String) -> String { "\(login)-mat-khau-dai" }

    /// Runs `body` with the application under test (HummingbirdTesting's router client) and the harness.
    static func run(
        uploadLimit: Int = 2 * 1_048_576, idle: Duration = .seconds(30 * 60),
        extraRoutes: (@Sendable (Router<WebContext>, WebServices) -> Void)? = nil,
        _ body: @escaping @Sendable (any TestClientProtocol, WebHarness) async throws -> Void
    ) async throws {
        try await withMigratedDatabase { db in
            let harness = try WebHarness.seed(db)
            let pool = DatabasePool(configuration: db.configuration, size: 4)
            defer { pool.close() }
            var configuration = WebConfiguration(
                idleTimeout: idle, uploadLimit: uploadLimit, poolSize: 4, today: { WebHarness.today })
            configuration.port = 0
            let services = WebServices(configuration: configuration, pool: pool, views: try await Views.load())
            let router = WebApplication.router(services)
            extraRoutes?(router, services)
            let app = Application(router: router)
            try await app.test(.router) { client in try await body(client, harness) }
        }
    }

    /// Imports the plan and registers the people (passwords hashed with bcrypt, cost 12).
    static func seed(_ db: TestDatabase) throws -> WebHarness {
        let admin = try Store(connection: db.connection, actingAs: "vanphong")
        _ = try admin.importPlan(WebFixtures.plan, replace: false)
        let plan = try admin.findPlan("45/KH-STP")
        for person in people {
            let unit = try person.unit.map { try admin.findUnit($0).id }
            _ = try admin.addUser(login: person.login, role: person.role, unitID: unit, displayName: nil)
        }
        for login in ["vanphong"] + people.map(\.login) {
            try admin.setPassword(login, hash: Bcrypt.hash(PasswordPolicy.secret(password(login)), cost: 12), mustChange: false)
        }
        var activities: [String: Int64] = [:]
        for ref in ["1", "2", "3", "4", "5", "6"] { activities[ref] = try admin.findActivity("45/KH-STP#\(ref)").id }
        return WebHarness(configuration: db.configuration, activities: activities, planID: plan.id)
    }

    /// A store acting as `login` (the test server's superuser is an operator), on its own connection.
    func store(_ login: String = "vanphong") throws -> Store {
        try Store(connection: Connection(configuration), actingAs: login)
    }

    func count(_ table: String) throws -> Int {
        try Connection(configuration).query("SELECT count(*) FROM \(unsafeRaw: table)").scalar(Int.self)
    }
}

/// A browser's cookies and the page it last saw, for the router client.
struct Browser: Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var lastBody = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    var cookieHeader: String { cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    /// The page's form token (`_csrf`).
    var csrf: String {
        guard let range = lastBody.range(of: "name=\"_csrf\" value=\"") else { return "" }
        return String(lastBody[range.upperBound...].prefix { $0 != "\"" })
    }

    @discardableResult
    mutating func get(_ uri: String) async throws -> TestResponse {
        try await send(uri, method: .get, body: nil, contentType: nil)
    }

    /// Posts a URL-encoded form (the page's `_csrf` added unless `csrf` is given).
    @discardableResult
    mutating func post(_ uri: String, _ fields: [(String, String)], csrf: String? = nil, origin: String? = nil) async throws
        -> TestResponse
    {
        let all = [("_csrf", csrf ?? self.csrf)] + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            uri, method: .post, body: ByteBuffer(string: body), contentType: "application/x-www-form-urlencoded", origin: origin)
    }

    /// Posts a multipart form with files.
    @discardableResult
    mutating func postMultipart(_ uri: String, _ fields: [(String, String)], files: [(String, String, Data)] = [], csrf: String? = nil)
        async throws -> TestResponse
    {
        let boundary = "----cchc-test-\(UInt32.random(in: 0...UInt32.max))"
        var body = Data()
        for (name, value) in [("_csrf", csrf ?? self.csrf)] + fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for (name, fileName, data) in files {
            body.append(
                Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                        .utf8))
            body.append(data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await send(
            uri, method: .post, body: ByteBuffer(bytes: body), contentType: "multipart/form-data; boundary=\(boundary)")
    }

    mutating func send(
        _ uri: String, method: HTTPRequest.Method, body: ByteBuffer?, contentType: String?, origin: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        if let contentType { headers[.contentType] = contentType }
        if let origin { headers[.origin] = origin }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let cookieValue = pair.count > 1 ? String(pair[1]) : ""
            if cookieValue.isEmpty || value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = cookieValue }
        }
        lastBody = String(buffer: response.body)
        return response
    }

    /// Signs in through the form; returns the response of the POST.
    @discardableResult
    mutating func signIn(_ login: String, password: String? = nil) async throws -> TestResponse {
        try await get("/login")
        return try await post("/login", [("username", login), ("password", password ?? WebHarness.password(login)), ("tiep", "/")])
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var data: Data { Data(body.readableBytesView) }
    var location: String? { headers[.location] }
}
