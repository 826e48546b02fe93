import Foundation
import Hummingbird
import PlanCore
import PlanStore

/// What every route group shares: the configuration, the database pool, the templates, the cookies.
public struct WebServices: Sendable {
    public let configuration: WebConfiguration
    public let pool: DatabasePool
    let views: Views
    let cookies: SessionCookies

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

    /// The name of the person's unit today, if they have one.
    func unitName(_ session: WebSession) async throws -> String? {
        guard let unit = session.user.unitID else { return nil }
        let today = configuration.today()
        return try await withStore(session) { try $0.unitName(unit, on: today) }
    }

    /// 32 random bytes as hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
