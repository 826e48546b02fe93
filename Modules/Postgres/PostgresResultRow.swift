import CLibPQ

/// One row of a result read in place, inside `Connection.forEachRow`: values are taken from libpq's buffer
/// column by column, with no copy of the row. Valid only inside the closure that receives it.
public struct PostgresResultRow {
    let result: OpaquePointer
    /// The row's position in libpq's result (0 in single-row mode).
    let row: Int32
    /// 0-based position of the row in the statement's rows, for error messages.
    public let index: Int
    let columns: [PostgresColumn]

    init(result: OpaquePointer, row: Int32, index: Int, columns: [PostgresColumn]) {
        self.result = result
        self.row = row
        self.index = index
        self.columns = columns
    }

    /// True when the value is NULL.
    public func isNull(_ column: Int) -> Bool {
        PQgetisnull(result, row, Int32(column)) != 0
    }

    /// The value's text; a decoding error for NULL.
    public func string(_ column: Int) throws(PostgresError) -> String {
        guard let text = optionalString(column) else { throw nullError(column, "String") }
        return text
    }

    /// The value's text, or nil for NULL.
    public func optionalString(_ column: Int) -> String? {
        withBytes(column) { String(decoding: $0, as: UTF8.self) }
    }

    /// An integer column; a decoding error for NULL or for text that is not a whole number.
    public func int64(_ column: Int) throws(PostgresError) -> Int64 {
        guard let value = try optionalInt64(column) else { throw nullError(column, "Int64") }
        return value
    }

    /// An integer column, or nil for NULL.
    public func optionalInt64(_ column: Int) throws(PostgresError) -> Int64? {
        guard let bytes = withBytes(column, { $0 }) else { return nil }
        guard let value = Self.integer(bytes) else {
            throw decodingError(column, "giá trị \"\(String(decoding: bytes, as: UTF8.self))\" không đọc được thành Int64")
        }
        return value
    }

    /// A boolean column ("t" or "f"); a decoding error for NULL or anything else.
    public func bool(_ column: Int) throws(PostgresError) -> Bool {
        switch optionalString(column) {
        case "t": return true
        case "f": return false
        case nil: throw nullError(column, "Bool")
        case let text?: throw decodingError(column, "giá trị \"\(text)\" không đọc được thành Bool")
        }
    }

    /// A numeric or float column, or nil for NULL.
    public func optionalDouble(_ column: Int) throws(PostgresError) -> Double? {
        guard let text = optionalString(column) else { return nil }
        guard let value = Double(text) else { throw decodingError(column, "giá trị \"\(text)\" không đọc được thành Double") }
        return value
    }

    /// The value's bytes (valid while the result lives), or nil for NULL.
    private func withBytes<T>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        precondition(columns.indices.contains(column), "kết quả chỉ có \(columns.count) cột, không có cột số \(column)")
        let (r, c) = (row, Int32(column))
        guard PQgetisnull(result, r, c) == 0 else { return nil }
        let start = UnsafeRawPointer(PQgetvalue(result, r, c)!).assumingMemoryBound(to: UInt8.self)
        return body(UnsafeBufferPointer(start: start, count: Int(PQgetlength(result, r, c))))
    }

    /// A decimal integer with an optional sign, without overflow; nil otherwise.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var digits = bytes[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = negative ? times.subtractingReportingOverflow(Int64(byte - 0x30)) : times.addingReportingOverflow(Int64(byte - 0x30))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        return value
    }

    private func nullError(_ column: Int, _ type: String) -> PostgresError {
        decodingError(column, "giá trị NULL không đọc được thành \(type)")
    }

    private func decodingError(_ column: Int, _ reason: String) -> PostgresError {
        .decoding(row: index, column: columns[column].name, reason, type: columns[column].type)
    }
}
