/// A result column: its name and type.
public struct PostgresColumn: Sendable, Hashable {
    /// The column name (`AS` alias if given).
    public let name: String
    /// The column's type OID.
    public let type: PostgresType

    /// Creates a column description.
    public init(name: String, type: PostgresType) {
        self.name = name
        self.type = type
    }
}

/// One result row, copied out of libpq: the text of each value (nil for NULL) and the column descriptions.
public struct PostgresRow: Sendable, Hashable {
    /// The columns of the result this row belongs to.
    public let columns: [PostgresColumn]
    /// The values in text format; nil is NULL.
    public let values: [String?]
    /// 0-based position of the row in its result, for error messages.
    public let index: Int

    /// Creates a row (the module builds them from results; tests may build their own).
    public init(columns: [PostgresColumn], values: [String?], index: Int) {
        precondition(columns.count == values.count, "a row needs one value per column")
        self.columns = columns
        self.values = values
        self.index = index
    }

    /// The 0-based position of the first column with this name, if any.
    public func columnIndex(named name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// Decodes the value at a 0-based column position. Inlinable, so callers get a version specialised for
    /// their type (a generic call per value costs a metadata lookup, which dominates loading large plans).
    @inlinable
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, at column: Int) throws(PostgresError) -> T {
        guard columns.indices.contains(column) else {
            throw decodingError(column: "#\(column)", "kết quả chỉ có \(columns.count) cột, không có cột số \(column)")
        }
        let description = columns[column]
        guard let text = values[column] else {
            if let null = T.postgresNull { return null }
            throw decodingError(
                column: description.name,
                "giá trị NULL không đọc được thành \(T.self) (hãy dùng \(T.self)? nếu cột được phép NULL)")
        }
        do {
            return try T(postgresText: text, type: description.type)
        } catch {
            throw decodingError(column: description.name, error.reason, type: description.type)
        }
    }

    /// Decodes the value of the named column.
    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, column name: String) throws(PostgresError) -> T {
        guard let index = columnIndex(named: name) else {
            let known = columns.map(\.name).joined(separator: ", ")
            throw decodingError(column: name, "kết quả không có cột \"\(name)\" (các cột: \(known))")
        }
        return try decode(type, at: index)
    }

    /// True when the value at a 0-based column position is NULL.
    public func isNull(at column: Int) -> Bool { values[column] == nil }

    @usableFromInline
    func decodingError(column: String, _ reason: String, type: PostgresType? = nil) -> PostgresError {
        PostgresError.decoding(row: index, column: column, reason, type: type)
    }
}

/// A Swift type built from one result row, e.g. `init(row:) { id = try row.decode(column: "id") … }`.
public protocol PostgresRowDecodable {
    /// Builds a value from a row; throw the row's decoding errors unchanged.
    init(row: PostgresRow) throws(PostgresError)
}

extension PostgresError {
    /// A value of row `row` (0-based) that could not be decoded, naming the column and its type.
    static func decoding(row: Int, column: String, _ reason: String, type: PostgresType?) -> PostgresError {
        var error = PostgresError(.decoding, message: "Dòng \(row + 1), cột \"\(column)\": \(reason).")
        error.column = column
        error.dataType = type?.description
        return error
    }
}
