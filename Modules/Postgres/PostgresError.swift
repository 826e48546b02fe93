/// Every failure of the `Postgres` module: a `Code` saying what we were doing, our message, and — when the
/// server answered — the fields PostgreSQL sent (SQLSTATE, detail, hint, constraint, table, column, …).
///
/// `message` is the server's primary message verbatim when the server produced the error (PostgreSQL's own
/// words, usually English), otherwise our explanation in Vietnamese. `description` is Vietnamese throughout.
public struct PostgresError: Error, CustomStringConvertible {
    /// What the module was doing when it failed; extensible through static lets (as in postgres-nio).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable English name, for logs and tests.
        public let name: String
        /// A short Vietnamese phrase naming the failure.
        public let summary: String

        /// Creates a code; prefer the static lets.
        public init(name: String, summary: String) {
            self.name = name
            self.summary = summary
        }

        public static func == (lhs: Code, rhs: Code) -> Bool { lhs.name == rhs.name }
        public func hash(into hasher: inout Hasher) { hasher.combine(name) }
        public var description: String { name }

        /// The server could not be reached, refused us, or authentication failed.
        public static let connectionFailed = Code(
            name: "connectionFailed", summary: "Không kết nối được tới cơ sở dữ liệu PostgreSQL")
        /// The connection broke while in use (server restarted, backend terminated, network lost).
        public static let connectionLost = Code(
            name: "connectionLost", summary: "Mất kết nối tới cơ sở dữ liệu PostgreSQL")
        /// The conninfo string or `postgresql://` URL is malformed.
        public static let invalidConfiguration = Code(
            name: "invalidConfiguration", summary: "Cấu hình kết nối cơ sở dữ liệu không hợp lệ")
        /// The server rejected a statement.
        public static let queryFailed = Code(name: "queryFailed", summary: "Câu lệnh SQL thất bại")
        /// A parameter cannot be sent (e.g. a string containing the NUL character, too many parameters).
        public static let invalidBind = Code(name: "invalidBind", summary: "Tham số truy vấn không hợp lệ")
        /// A bulk load through `COPY … FROM STDIN` failed.
        public static let copyFailed = Code(
            name: "copyFailed", summary: "Nạp dữ liệu hàng loạt (COPY) thất bại")
        /// A returned value could not become the requested Swift type (NULL into non-optional, wrong type…).
        public static let decoding = Code(name: "decoding", summary: "Không đọc được giá trị trả về từ cơ sở dữ liệu")
        /// A statement was sent while the connection was still streaming another one's rows
        /// (`forEachRow`): libpq would silently discard the rest of those rows, so it is refused.
        public static let connectionBusy = Code(
            name: "connectionBusy", summary: "Kết nối đang đọc dở kết quả của một câu lệnh khác")
        /// `BEGIN` (or `SAVEPOINT`) failed; the body never ran.
        public static let transactionBeginFailed = Code(
            name: "transactionBeginFailed", summary: "Không bắt đầu được giao dịch")
        /// `COMMIT` (or `RELEASE SAVEPOINT`) failed after the body succeeded; nothing was kept.
        public static let transactionCommitFailed = Code(
            name: "transactionCommitFailed", summary: "Không ghi nhận (COMMIT) được giao dịch")
        /// `ROLLBACK` failed after the body threw; `underlying` holds the body's error.
        public static let transactionRollbackFailed = Code(
            name: "transactionRollbackFailed", summary: "Không hủy (ROLLBACK) được giao dịch")
    }

    /// What failed.
    public var code: Code
    /// The server's primary message verbatim, or our Vietnamese explanation.
    public var message: String
    /// SQLSTATE (`PG_DIAG_SQLSTATE`), e.g. `23505`.
    public var sqlState: String?
    /// Server severity (`ERROR`, `FATAL`, …), non-localised.
    public var severity: String?
    /// Server detail line (`DETAIL:`), e.g. `Key (code)=(X) already exists.`
    public var detail: String?
    /// Server hint line (`HINT:`).
    public var hint: String?
    /// Where the error happened inside server-side code or COPY data (`CONTEXT:`).
    public var context: String?
    /// The violated constraint.
    public var constraint: String?
    /// Schema of the table concerned.
    public var schema: String?
    /// The table concerned.
    public var table: String?
    /// The column concerned (from the server, or the result column for `.decoding` errors).
    public var column: String?
    /// The data type concerned.
    public var dataType: String?
    /// 1-based character position of the error in the statement text.
    public var position: Int?
    /// The server the connection targets; set exactly when the failure is about reaching it (the connection
    /// failed or broke), whatever the code — e.g. a ROLLBACK that failed because the server went away.
    public var target: ConnectionTarget?
    /// The error that caused this one (for `.transactionRollbackFailed`: the body's error).
    public var underlying: (any Error)?

    /// Creates an error without server fields; the module fills them from results.
    public init(_ code: Code, message: String, target: ConnectionTarget? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.target = target
        self.underlying = underlying
    }

    /// Vietnamese, one fact per line: what failed, the server's words, then its detail/hint/constraint.
    public var description: String {
        var head = code.summary
        if let sqlState { head += " [SQLSTATE \(sqlState)]" }
        var lines = ["\(head): \(message)"]
        if let target { lines.append("Đích kết nối: \(target)") }
        if let detail { lines.append("Chi tiết: \(detail)") }
        if let hint { lines.append("Gợi ý: \(hint)") }
        if let context { lines.append("Ngữ cảnh: \(context)") }
        var whereParts: [String] = []
        if let constraint { whereParts.append("ràng buộc \(constraint)") }
        if let table { whereParts.append("bảng \(schema.map { "\($0)." } ?? "")\(table)") }
        if let column { whereParts.append("cột \(column)") }
        if let dataType { whereParts.append("kiểu \(dataType)") }
        if let position { whereParts.append("vị trí ký tự \(position)") }
        if !whereParts.isEmpty { lines.append("Vị trí lỗi: " + whereParts.joined(separator: ", ")) }
        if let underlying { lines.append("Lỗi gốc: \(underlying)") }
        return lines.joined(separator: "\n")
    }
}

extension PostgresError {
    /// 23505 unique_violation: a row with this key already exists.
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// 23503 foreign_key_violation: a referenced row is missing, or a referencing row still exists.
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    /// 23514 check_violation.
    public var isCheckViolation: Bool { sqlState == "23514" }
    /// 23502 not_null_violation.
    public var isNotNullViolation: Bool { sqlState == "23502" }
    /// 40001 serialization_failure: retry the whole transaction.
    public var isSerializationFailure: Bool { sqlState == "40001" }
    /// 40P01 deadlock_detected: retry the whole transaction.
    public var isDeadlock: Bool { sqlState == "40P01" }
    /// 42501 insufficient_privilege.
    public var isInsufficientPrivilege: Bool { sqlState == "42501" }
    /// P0001 raise_exception: a PL/pgSQL `RAISE EXCEPTION`, e.g. a trigger refusing a change.
    public var isRaisedException: Bool { sqlState == "P0001" }
    /// 42P01 undefined_table: typically a schema that has not been migrated yet.
    public var isUndefinedTable: Bool { sqlState == "42P01" }
    /// True when the database could not be reached or the connection broke (the CLI's exit code 3).
    public var isConnectionProblem: Bool { code == .connectionFailed || code == .connectionLost || target != nil }
}
