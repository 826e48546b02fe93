import Foundation
import Hummingbird
import PlanApp
import PlanCore
import PlanStore

/// What every route group shares: the configuration, the database pool, the templates, the cookies.
public struct WebServices: Sendable {
    public let configuration: WebConfiguration
    public let pool: DatabasePool
    let views: Views
    let cookies: SessionCookies
    /// Rendered page bodies (Việc của tôi, Bảng theo dõi, Kế hoạch) by page, role and query: up to 48 MiB.
    let pages = ReadModelCache<String>(capacity: 512, budget: 48 << 20) { $0.utf8.count }
    /// Boards by plan, period, regime and day; a plan's activities by day, its text, its units by day.
    let boards = ReadModelCache<StatusBoard>(capacity: 8)
    let planActivities = ReadModelCache<[ActivityOverview]>(capacity: 8)
    let planTexts = ReadModelCache<StoredPlanText>(capacity: 8)
    let planUnits = ReadModelCache<[UnitRef]>(capacity: 32)
    /// Unit names by unit and day.
    let unitNames = ReadModelCache<String?>(capacity: 1024)

    public init(configuration: WebConfiguration, pool: DatabasePool, views: Views) {
        self.configuration = configuration
        self.pool = pool
        self.views = views
        self.cookies = SessionCookies(configuration: configuration)
    }

    /// Runs `body` with a store acting as the signed-in person, on a pooled connection.
    func withStore<T: Sendable>(_ session: WebSession, _ body: @escaping @Sendable (Store) throws -> T) async throws -> T {
        try await pool.run { connection in try body(Store(connection: connection, webSession: session)) }
    }

    /// Runs blocking work that needs no database (rendering a document, waiting for LibreOffice) on a
    /// thread of its own, off the event loop and without holding a pooled connection.
    func render<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// The name of the person's unit today, if they have one.
    func unitName(_ session: WebSession) async throws -> String? {
        guard session.user.unitID != nil else { return nil }
        return try await withStore(session) { try unitName(session, store: $0) }
    }

    /// The name of the person's unit today, read with `store`.
    func unitName(_ session: WebSession, store: Store) throws -> String? {
        guard let unit = session.user.unitID else { return nil }
        let today = configuration.today()
        return try unitNames.value("\(unit)|\(today.iso)", on: store.connection) { _ in try store.unitName(unit, on: today) }
    }

    /// 32 random bytes as hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
