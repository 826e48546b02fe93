import Foundation
import PlanCore

/// How the web application runs: sessions, uploads, cookies, the database pool.
public struct WebConfiguration: Sendable {
    /// Address and port to listen on (port 0: any free port, printed at start).
    public var host: String
    public var port: Int
    /// A session ends after this long without a request (default 30 minutes)…
    public var idleTimeout: Duration
    /// …and this long after sign-in whatever happens (default 12 hours).
    public var sessionLifetime: Duration
    /// The largest evidence file accepted (default 20 MB); a larger upload gets 413 and a clear message.
    public var uploadLimit: Int
    /// Trust `X-Forwarded-Proto` and `X-Forwarded-For` (behind nginx on the same host): cookies become
    /// `Secure` when the proxy says the browser used https, and failed sign-ins count per real address.
    public var behindProxy: Bool
    /// Cookies always `Secure` (served over TLS directly).
    public var secureCookies: Bool
    /// Connections (and threads) of the database pool.
    public var poolSize: Int
    /// Today, in Việt Nam (a fixed day in tests).
    public var today: @Sendable () -> Day

    public init(
        host: String = "127.0.0.1", port: Int = 8080, idleTimeout: Duration = .seconds(30 * 60),
        sessionLifetime: Duration = .seconds(12 * 60 * 60), uploadLimit: Int = 20 * 1024 * 1024,
        behindProxy: Bool = false, secureCookies: Bool = false, poolSize: Int = 8,
        today: @escaping @Sendable () -> Day = { WebConfiguration.vietnameseToday() }
    ) {
        self.host = host
        self.port = port
        self.idleTimeout = idleTimeout
        self.sessionLifetime = sessionLifetime
        self.uploadLimit = uploadLimit
        self.behindProxy = behindProxy
        self.secureCookies = secureCookies
        self.poolSize = poolSize
        self.today = today
    }

    /// Today's date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
    public static func vietnameseToday() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(parts.year!, parts.month!, parts.day!)!
    }
}
