import CLibPQ
import Foundation

/// One open libpq connection (`PGconn`), closed with `PQfinish` when the object goes away.
///
/// Not `Sendable`: a connection runs one statement at a time, so use it from one thread or task at a time.
/// The tools are short-lived batch programs; open one connection and pass it down.
///
/// Every session starts with `client_encoding=UTF8`, `TimeZone=UTC`, `DateStyle=ISO, YMD` and
/// `bytea_output=hex`, which the decoders rely on. Server notices are collected in `notices`, never printed.
public final class Connection {
    /// The libpq handle; valid for the object's whole life.
    let handle: OpaquePointer
    /// Receives server notices (kept separate so the C callback never touches the connection object).
    private let noticeCollector: NoticeCollector
    /// Increases with each savepoint so nested transactions get unique names.
    var savepointCounter = 0
    /// The statement whose rows `forEachRow` is reading, while it reads them. libpq answers a second
    /// statement sent meanwhile by discarding the unread rows without an error, so every entry point
    /// refuses to send one (`requireIdle`).
    var streamingStatement: String?

    /// The configuration this connection was opened with.
    public let configuration: ConnectionConfiguration
    /// The server, port, database and user in use.
    public let target: ConnectionTarget

    /// Connects, or throws `.connectionFailed` naming the target and carrying libpq's reason.
    public init(_ configuration: ConnectionConfiguration) throws(PostgresError) {
        let parameters = configuration.connectParameters
        let connection = withCStringArrays(parameters) { keywords, values in
            PQconnectdbParams(keywords, values, 1)
        }
        guard let connection else {
            throw PostgresError(.connectionFailed, message: "libpq không cấp phát được kết nối (thiếu bộ nhớ).")
        }
        let target = ConnectionTarget(connection)
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = String(cString: PQerrorMessage(connection)).trimmingNewlines
            PQfinish(connection)
            throw PostgresError(.connectionFailed, message: reason, target: target)
        }
        self.handle = connection
        self.configuration = configuration
        self.target = target
        self.noticeCollector = NoticeCollector()
        noticeCollector.install(on: connection)
        do {
            try execute(unsafeSQL: "SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO, YMD'; SET bytea_output TO 'hex'")
        } catch var error {
            error.code = .connectionFailed
            error.target = target
            throw error  // deinit still runs and finishes the connection
        }
    }

    /// Connects with `ConnectionConfiguration.resolve` (`--database-url`, then `DATABASE_URL`, then `PG*`).
    public convenience init(databaseURL: String? = nil, applicationName: String = "cchc") throws(PostgresError) {
        try self.init(ConnectionConfiguration.resolve(databaseURL: databaseURL, applicationName: applicationName))
    }

    deinit {
        PQfinish(handle)
    }

    /// The server version as libpq reports it, e.g. `150018` for 15.18.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// The server version text, e.g. `15.18 (Debian 15.18-0+deb12u1)`.
    public var serverVersionString: String { parameterStatus("server_version") ?? "" }

    /// A run-time parameter the server reports (`server_encoding`, `TimeZone`, `application_name`, …).
    public func parameterStatus(_ name: String) -> String? {
        PQparameterStatus(handle, name).map { String(cString: $0) }
    }

    /// True while the connection is usable (it turns false when the server goes away).
    public var isOpen: Bool { PQstatus(handle) == CONNECTION_OK }

    /// True inside a transaction block (including one aborted by an error and awaiting ROLLBACK).
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// Notices and warnings the server sent (e.g. `NOTICE: relation exists, skipping`), oldest first.
    public var notices: [PostgresNotice] { noticeCollector.notices }

    /// Returns the collected notices and forgets them.
    public func drainNotices() -> [PostgresNotice] { noticeCollector.drain() }

    /// `"name"` quoted by `PQescapeIdentifier`, safe to splice into SQL as a table or column name.
    public func quoteIdentifier(_ name: String) throws(PostgresError) -> String {
        guard !name.utf8.contains(0) else {
            throw PostgresError(.invalidBind, message: "Tên định danh SQL chứa ký tự NUL.")
        }
        guard let quoted = PQescapeIdentifier(handle, name, name.utf8.count) else {
            throw PostgresError(.invalidBind, message: lastErrorMessage)
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    /// Throws `.connectionBusy` while `forEachRow` is reading another statement's rows on this connection.
    func requireIdle(_ statement: String) throws(PostgresError) {
        guard let streaming = streamingStatement else { return }
        var error = PostgresError(
            .connectionBusy,
            message: "Không thể chạy câu lệnh khi kết nối còn đang đọc từng dòng kết quả của câu lệnh khác; "
                + "đọc hết kết quả đó trước (hoặc dùng một kết nối khác).")
        error.detail = "Đang đọc: \(Self.abbreviated(streaming)); câu lệnh bị từ chối: \(Self.abbreviated(statement))"
        throw error
    }

    /// The first line of a statement, shortened, for messages.
    static func abbreviated(_ statement: String) -> String {
        let line = statement.split(whereSeparator: \.isNewline).first.map(String.init) ?? statement
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 80 ? String(trimmed.prefix(80)) + "…" : trimmed
    }

    /// libpq's last error text for this connection.
    var lastErrorMessage: String { String(cString: PQerrorMessage(handle)).trimmingNewlines }
}

/// Documents that a connection must not be shared across concurrency domains.
@available(*, unavailable)
extension Connection: Sendable {}

/// Runs `body` with NULL-terminated C arrays of the keys and values (for the `…Params` functions of libpq).
func withCStringArrays<R>(
    _ pairs: [(String, String)],
    _ body: (UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<UnsafePointer<CChar>?>) -> R
) -> R {
    let owned: [UnsafeMutablePointer<CChar>?] = pairs.flatMap { [strdup($0.0), strdup($0.1)] }
    defer { for pointer in owned { free(pointer) } }
    var keys: [UnsafePointer<CChar>?] = stride(from: 0, to: owned.count, by: 2).map { UnsafePointer(owned[$0]) }
    var values: [UnsafePointer<CChar>?] = stride(from: 1, to: owned.count, by: 2).map { UnsafePointer(owned[$0]) }
    keys.append(nil)
    values.append(nil)
    return body(keys, values)
}
