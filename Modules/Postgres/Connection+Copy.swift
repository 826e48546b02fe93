import CLibPQ

extension Connection {
    /// Bulk-loads rows with `COPY table (columns) FROM STDIN` in text format; returns the number of rows.
    ///
    /// Each row has one value per column, in PostgreSQL's text input form (nil is NULL); tabs, newlines,
    /// carriage returns and backslashes are escaped here. Names are quoted with `quoteIdentifier`.
    /// A row of the wrong width or containing NUL aborts the whole COPY (nothing is loaded).
    @discardableResult
    public func copyIn(
        table: String, schema: String? = nil, columns: [String], rows: some Sequence<[String?]>
    ) throws(PostgresError) -> Int {
        var qualified = try quoteIdentifier(table)
        if let schema { qualified = try quoteIdentifier(schema) + "." + qualified }
        var names: [String] = []
        for column in columns { names.append(try quoteIdentifier(column)) }
        let statement = "COPY \(qualified) (\(names.joined(separator: ", "))) FROM STDIN"
        return try copyIn(unsafeSQL: statement, columnCount: columns.count, rows: rows)
    }

    /// Bulk-loads rows through a caller-written `COPY … FROM STDIN` statement (text format, default
    /// delimiter and NULL). Unsafe like `execute(unsafeSQL:)`: never build the statement from input.
    @discardableResult
    public func copyIn(
        unsafeSQL statement: String, columnCount: Int, rows: some Sequence<[String?]>
    ) throws(PostgresError) -> Int {
        try requireIdle(statement)
        try checkNoNUL(statement, what: "Câu lệnh COPY")
        guard let start = PQexec(handle, statement) else { throw clientError(.copyFailed) }
        let status = PQresultStatus(start)
        guard status == PGRES_COPY_IN else {
            defer { PQclear(start) }
            if status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
                abandonCopy(status)
                throw PostgresError(.copyFailed, message: "Câu lệnh không phải COPY … FROM STDIN: \(statement)")
            }
            if status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE { throw serverError(start, .copyFailed) }
            throw PostgresError(.copyFailed, message: "Câu lệnh không phải COPY … FROM STDIN: \(statement)")
        }
        PQclear(start)

        var encoder = CopyTextEncoder()
        var rowNumber = 0
        for row in rows {
            rowNumber += 1
            guard row.count == columnCount else {
                throw abortCopy("Dòng \(rowNumber) có \(row.count) giá trị, cần \(columnCount).")
            }
            guard encoder.append(row) else {
                throw abortCopy("Dòng \(rowNumber) chứa ký tự NUL (U+0000), PostgreSQL không lưu được ký tự này.")
            }
            if encoder.buffer.count >= CopyTextEncoder.chunkSize {
                guard send(encoder.buffer) else { throw finishCopyAfterFailure() }
                encoder.buffer.removeAll(keepingCapacity: true)
            }
        }
        guard send(encoder.buffer), PQputCopyEnd(handle, nil) == 1 else { throw finishCopyAfterFailure() }
        let final = PQgetResult(handle)
        defer { drainResults() }
        let loaded = try consume(final, statement: statement, code: .copyFailed)
        return loaded.affectedRows ?? rowNumber
    }

    /// Sends one chunk; false when the connection failed.
    private func send(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                PQputCopyData(handle, chars.baseAddress, Int32(chars.count)) == 1
            }
        }
    }

    /// Cancels the COPY with a reason (the server rolls the statement back) and returns our error.
    private func abortCopy(_ reason: String) -> PostgresError {
        _ = PQputCopyEnd(handle, reason)
        drainResults()
        return PostgresError(.copyFailed, message: reason)
    }

    /// After a failed send: collect the server's error if it gave one, else libpq's.
    private func finishCopyAfterFailure() -> PostgresError {
        var error = clientError(.copyFailed)
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) == PGRES_FATAL_ERROR { error = serverError(result, .copyFailed) }
            PQclear(result)
        }
        return error
    }
}

/// Encodes rows in COPY text format: tab-separated, newline-terminated, `\N` for NULL, and `\\`, `\t`,
/// `\n`, `\r` for the characters that would otherwise end a value or a row.
struct CopyTextEncoder {
    static let chunkSize = 64 * 1024
    var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(Self.chunkSize + 4096) }

    /// Appends one row; false (and nothing appended) when a value contains NUL.
    mutating func append(_ row: [String?]) -> Bool {
        let mark = buffer.count
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let value else {
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                continue
            }
            for byte in value.utf8 {
                switch byte {
                case 0:
                    buffer.removeSubrange(mark...)
                    return false
                case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        return true
    }
}
