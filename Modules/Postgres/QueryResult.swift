import CLibPQ

/// The outcome of one statement, copied out of libpq (the `PGresult` is already cleared): the rows, the
/// columns and the command tag. Iterate it for the rows.
public struct QueryResult: Sendable, RandomAccessCollection {
    /// The result columns (empty for statements that return no rows).
    public let columns: [PostgresColumn]
    /// The rows.
    public let rows: [PostgresRow]
    /// The command tag, e.g. `INSERT 0 3`, `UPDATE 2`, `SELECT 5`, `CREATE TABLE`.
    public let commandTag: String
    /// Rows inserted, updated, deleted, selected, moved or copied, when the command reports a count.
    public let affectedRows: Int?

    public var startIndex: Int { rows.startIndex }
    public var endIndex: Int { rows.endIndex }
    public subscript(position: Int) -> PostgresRow { rows[position] }

    /// Every row as a `PostgresRowDecodable` value.
    public func decode<T: PostgresRowDecodable>(_ type: T.Type = T.self) throws(PostgresError) -> [T] {
        var values: [T] = []
        values.reserveCapacity(rows.count)
        for row in rows { values.append(try T(row: row)) }
        return values
    }

    /// The only row; a `.decoding` error when there are none or several.
    public func singleRow() throws(PostgresError) -> PostgresRow {
        guard rows.count == 1 else {
            throw PostgresError(.decoding, message: "Câu lệnh trả về \(rows.count) dòng, cần đúng 1 dòng.")
        }
        return rows[0]
    }

    /// The first column of the only row, e.g. `try connection.query("SELECT count(*) FROM t").scalar(Int.self)`.
    public func scalar<T: PostgresDecodable>(_ type: T.Type = T.self) throws(PostgresError) -> T {
        try singleRow().decode(type, at: 0)
    }

    /// Copies everything out of a successful libpq result (which the caller still owns and clears).
    init(_ result: OpaquePointer) {
        let columns = Self.columns(of: result)
        let columnCount = columns.count
        let rowCount = Int(PQntuples(result))
        var rows: [PostgresRow] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                let (r, c) = (Int32(row), Int32(column))
                if PQgetisnull(result, r, c) != 0 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(result, r, c))
                    let bytes = UnsafeRawPointer(PQgetvalue(result, r, c)!).assumingMemoryBound(to: UInt8.self)
                    values.append(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self))
                }
            }
            rows.append(PostgresRow(columns: columns, values: values, index: row))
        }
        self.columns = columns
        self.rows = rows
        self.commandTag = String(cString: PQcmdStatus(result))
        self.affectedRows = Int(String(cString: PQcmdTuples(result)))
    }

    /// The column descriptions of a libpq result.
    static func columns(of result: OpaquePointer) -> [PostgresColumn] {
        (0..<Int(PQnfields(result))).map { column in
            PostgresColumn(
                name: String(cString: PQfname(result, Int32(column))),
                type: PostgresType(rawValue: PQftype(result, Int32(column))))
        }
    }
}
