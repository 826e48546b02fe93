import CLibPQ

/// A NOTICE, WARNING or other non-error message the server sent during a statement.
public struct PostgresNotice: Sendable, Hashable, CustomStringConvertible {
    /// `NOTICE`, `WARNING`, `INFO`, `DEBUG`, `LOG` (non-localised).
    public let severity: String
    /// SQLSTATE of the notice, e.g. `42P07` for "already exists, skipping".
    public let sqlState: String
    /// The server's primary message.
    public let message: String
    /// The server's detail line, if any.
    public let detail: String?

    /// Creates a notice from its parts.
    public init(severity: String, sqlState: String, message: String, detail: String?) {
        self.severity = severity
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
    }

    /// `NOTICE 42P07: relation "x" already exists, skipping`.
    public var description: String { "\(severity) \(sqlState): \(message)" }
}

/// Collects notices from libpq's notice receiver so they never reach stderr; keeps the latest `limit`.
final class NoticeCollector {
    private(set) var notices: [PostgresNotice] = []
    private let limit = 1_000

    /// Installs the receiver. The collector must outlive the connection (the connection owns it).
    func install(on connection: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = PQsetNoticeReceiver(
            connection,
            { context, result in
                guard let context, let result else { return }
                let collector = Unmanaged<NoticeCollector>.fromOpaque(context).takeUnretainedValue()
                collector.receive(result)
            }, context)
    }

    func drain() -> [PostgresNotice] {
        defer { notices.removeAll() }
        return notices
    }

    /// Reads the fields of a notice result (libpq owns and frees it).
    private func receive(_ result: OpaquePointer) {
        let field = { (code: Int32) in PQresultErrorField(result, code).map { String(cString: $0) } }
        let notice = PostgresNotice(
            severity: field(CCHC_PG_DIAG_SEVERITY) ?? "NOTICE",
            sqlState: field(CCHC_PG_DIAG_SQLSTATE) ?? "00000",
            message: field(CCHC_PG_DIAG_MESSAGE_PRIMARY) ?? "",
            detail: field(CCHC_PG_DIAG_MESSAGE_DETAIL))
        if notices.count >= limit { notices.removeFirst() }
        notices.append(notice)
    }
}
