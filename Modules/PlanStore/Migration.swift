import Crypto
import Foundation

/// One numbered schema change, carried inside the binary (see Plugins/EmbedMigrations).
public struct Migration: Hashable, Sendable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Lower-case hex sha256 of the SQL text: an applied migration must never change.
    public var sha256: String {
        SHA256.hash(data: Data(sql.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The migrations this build knows, in version order.
    public static var all: [Migration] { embedded }
}
