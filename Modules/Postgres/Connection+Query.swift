import CLibPQ
import Foundation

extension Connection {
    /// Runs one parameterised statement: every interpolated value is a `$n` bind (text format).
    @discardableResult
    public func query(_ sql: SQL) throws(PostgresError) -> QueryResult {
        try run(sql.text, sql.binds)
    }

    /// Runs one statement with explicitly numbered placeholders: `query("… WHERE id = $1", [id])`.
    @discardableResult
    public func query(_ text: String, _ binds: [(any PostgresBindable)?]) throws(PostgresError) -> QueryResult {
        try run(text, binds.map { $0?.postgresBind ?? .null })
    }

    /// Decodes every row of a parameterised statement.
    public func query<T: PostgresRowDecodable>(_ sql: SQL, as type: T.Type) throws(PostgresError) -> [T] {
        try query(sql).decode(type)
    }

    /// Runs SQL text without parameters through the simple query protocol, which allows several
    /// `;`-separated statements (DDL, migrations). Returns the last statement's result; stops at the first error.
    /// Unsafe: never build this text from input — use `query` with binds for values.
    @discardableResult
    public func execute(unsafeSQL text: String) throws(PostgresError) -> QueryResult {
        try requireIdle(text)
        try checkNoNUL(text, what: "Câu lệnh SQL")
        return try consume(PQexec(handle, text), statement: text)
    }

    private func run(_ text: String, _ binds: [PostgresBind]) throws(PostgresError) -> QueryResult {
        try consume(try send(text, binds), statement: text)
    }

    /// Runs a parameterised statement and hands `body` each row as it arrives (libpq's single-row mode):
    /// the client reads while the server is still producing, and never holds the whole result — for
    /// results of 100,000 rows and more, read column by column.
    ///
    /// Until the last row is read the connection is busy: any statement `body` sends on it (a query, a
    /// transaction, a COPY, another `forEachRow`) throws `.connectionBusy`, because libpq would answer it
    /// by silently dropping the rows not yet read. Collect what you need and query after the loop.
    public func forEachRow(_ sql: SQL, _ body: (PostgresResultRow) throws -> Void) throws {
        try requireIdle(sql.text)
        streamingStatement = sql.text
        defer { streamingStatement = nil }
        let binds = sql.binds
        let sent = try withParameters(sql.text, binds) { types, values in
            PQsendQueryParams(handle, sql.text, Int32(binds.count), types, values, nil, nil, 0)
        }
        guard sent == 1 else { throw clientError(.queryFailed) }
        guard PQsetSingleRowMode(handle) == 1 else {
            drainResults()
            throw clientError(.queryFailed)
        }
        var columns: [PostgresColumn]?
        var index = 0
        do {
            while let result = PQgetResult(handle) {
                defer { PQclear(result) }
                switch PQresultStatus(result) {
                case PGRES_SINGLE_TUPLE:
                    if columns == nil { columns = QueryResult.columns(of: result) }
                    try body(PostgresResultRow(result: result, row: 0, index: index, columns: columns!))
                    index += 1
                case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
                    continue
                default:
                    throw serverError(result, .queryFailed)
                }
            }
        } catch {
            // Leave the connection idle for the next statement.
            drainResults()
            throw error
        }
    }

    /// Sends one statement with its binds (text format) and returns libpq's result, not yet checked.
    private func send(_ text: String, _ binds: [PostgresBind]) throws(PostgresError) -> OpaquePointer? {
        try requireIdle(text)
        return try withParameters(text, binds) { types, values in
            PQexecParams(handle, text, Int32(binds.count), types, values, nil, nil, 0)
        }
    }

    /// Checks a statement and its binds (no NUL characters, at most 65,535 binds) and hands libpq's
    /// parameter arrays to `body`.
    private func withParameters<T>(
        _ text: String, _ binds: [PostgresBind], _ body: ([Oid], [UnsafePointer<CChar>?]) -> T
    ) throws(PostgresError) -> T {
        guard binds.count <= 65_535 else {
            throw PostgresError(.invalidBind, message: "Quá nhiều tham số (\(binds.count)); tối đa 65535.")
        }
        try checkNoNUL(text, what: "Câu lệnh SQL")
        for (index, bind) in binds.enumerated() {
            if let value = bind.text { try checkNoNUL(value, what: "Tham số $\(index + 1)") }
        }
        let values: [UnsafeMutablePointer<CChar>?] = binds.map { $0.text.flatMap { strdup($0) } }
        defer { for value in values { free(value) } }
        return body(binds.map { Oid($0.type.rawValue) }, values.map { UnsafePointer($0) })
    }

    /// Takes ownership of a result: copies it out or turns it into an error, and clears it on every path.
    func consume(_ result: OpaquePointer?, statement: String, code: PostgresError.Code = .queryFailed)
        throws(PostgresError) -> QueryResult
    {
        let result = try checked(result, statement: statement, code: code)
        defer { PQclear(result) }
        return QueryResult(result)
    }

    /// A successful result for the caller to read and clear; a failed one is cleared and thrown.
    private func checked(_ result: OpaquePointer?, statement: String, code: PostgresError.Code = .queryFailed)
        throws(PostgresError) -> OpaquePointer
    {
        guard let result else { throw clientError(code) }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return result
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            PQclear(result)
            abandonCopy(status)
            throw PostgresError(code, message: "COPY chỉ chạy được qua copyIn; câu lệnh đã bị hủy: \(statement)")
        default:
            defer { PQclear(result) }
            throw serverError(result, code)
        }
    }

    /// An error from a failed result, with every field the server sent.
    func serverError(_ result: OpaquePointer, _ code: PostgresError.Code) -> PostgresError {
        func field(_ name: Int32) -> String? {
            PQresultErrorField(result, name).map { String(cString: $0) }
        }
        let primary =
            field(CCHC_PG_DIAG_MESSAGE_PRIMARY) ?? String(cString: PQresultErrorMessage(result)).trimmingNewlines
        var error = PostgresError(code, message: primary.isEmpty ? lastErrorMessage : primary)
        error.sqlState = field(CCHC_PG_DIAG_SQLSTATE)
        error.severity = field(CCHC_PG_DIAG_SEVERITY)
        error.detail = field(CCHC_PG_DIAG_MESSAGE_DETAIL)
        error.hint = field(CCHC_PG_DIAG_MESSAGE_HINT)
        error.context = field(CCHC_PG_DIAG_CONTEXT)
        error.constraint = field(CCHC_PG_DIAG_CONSTRAINT_NAME)
        error.schema = field(CCHC_PG_DIAG_SCHEMA_NAME)
        error.table = field(CCHC_PG_DIAG_TABLE_NAME)
        error.column = field(CCHC_PG_DIAG_COLUMN_NAME)
        error.dataType = field(CCHC_PG_DIAG_DATATYPE_NAME)
        error.position = field(CCHC_PG_DIAG_STATEMENT_POSITION).flatMap { Int($0) }
        if !isOpen {
            error.code = .connectionLost
            error.target = target
        }
        return error
    }

    /// An error when libpq returned no result at all (connection lost or out of memory).
    func clientError(_ code: PostgresError.Code) -> PostgresError {
        isOpen
            ? PostgresError(code, message: lastErrorMessage)
            : PostgresError(.connectionLost, message: lastErrorMessage, target: target)
    }

    /// Ends a COPY the caller did not ask for and discards its results, leaving the connection idle.
    func abandonCopy(_ status: ExecStatusType) {
        if status == PGRES_COPY_OUT {
            var buffer: UnsafeMutablePointer<CChar>? = nil
            while PQgetCopyData(handle, &buffer, 0) > 0 {
                PQfreemem(buffer)
                buffer = nil
            }
        } else {
            _ = PQputCopyEnd(handle, "COPY không được phép ở đây")
        }
        drainResults()
    }

    /// Reads and clears results until libpq has none left.
    func drainResults() {
        while let result = PQgetResult(handle) { PQclear(result) }
    }

    func checkNoNUL(_ text: String, what: String) throws(PostgresError) {
        guard text.utf8.contains(0) else { return }
        throw PostgresError(
            .invalidBind, message: "\(what) chứa ký tự NUL (U+0000), PostgreSQL không lưu được ký tự này.")
    }
}
