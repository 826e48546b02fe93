import CLibPQ

/// The server a connection is aimed at, as libpq resolved it (`PQhost`, `PQport`, `PQdb`, `PQuser`), so a
/// "database unreachable" message can name it. Never includes the password.
public struct ConnectionTarget: Sendable, Hashable, CustomStringConvertible {
    /// Host name, IP address, or the directory of the unix-domain socket.
    public let host: String
    /// Port (also names the socket file `.s.PGSQL.<port>`).
    public let port: String
    /// Database name.
    public let database: String
    /// User name.
    public let user: String

    /// Creates a target from its parts.
    public init(host: String, port: String, database: String, user: String) {
        self.host = host
        self.port = port
        self.database = database
        self.user = user
    }

    /// True when `host` is a socket directory (or an abstract socket) rather than a network host.
    public var isUnixSocket: Bool { host.hasPrefix("/") || host.hasPrefix("@") }

    /// Vietnamese, e.g. `socket /tmp/pg, cổng 5432, cơ sở dữ liệu cchc, người dùng postgres`.
    public var description: String {
        let place = isUnixSocket ? "socket \(host)" : "máy chủ \(host)"
        return "\(place), cổng \(port), cơ sở dữ liệu \(database), người dùng \(user)"
    }

    /// Reads what a (possibly failed) libpq connection targets.
    init(_ connection: OpaquePointer) {
        func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }
        host = text(PQhost(connection))
        port = text(PQport(connection))
        database = text(PQdb(connection))
        user = text(PQuser(connection))
    }
}
