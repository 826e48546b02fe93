import Foundation
import PlanCore

/// Rows of a listing with named columns, rendered as an aligned table, JSON or CSV from one value so
/// the three never disagree.
public struct Listing: Sendable {
    /// A column: its JSON key and its Vietnamese table/CSV header.
    public struct Column: Sendable {
        public var key: String
        public var header: String
        /// Right-align in tables (numbers).
        public var numeric: Bool

        public init(_ key: String, _ header: String, numeric: Bool = false) {
            self.key = key
            self.header = header
            self.numeric = numeric
        }
    }

    public var columns: [Column]
    /// One value per column, in column order.
    public var rows: [[JSONValue]]

    public init(columns: [Column], rows: [[JSONValue]] = []) {
        self.columns = columns
        self.rows = rows
    }

    public mutating func append(_ row: [JSONValue]) {
        precondition(row.count == columns.count, "a listing row has one value per column")
        rows.append(row)
    }

    /// A JSON array of objects keyed by column, values typed.
    public var json: JSONValue {
        .array(rows.map { row in .object(zip(columns, row).map { ($0.key, $1) }) })
    }

    /// RFC 4180 CSV with a header row, CRLF line ends, formulas defused and control characters shown
    /// escaped (PlanCore's `CSVWriter`, as for reports).
    public var csv: String {
        var out = ""
        CSVWriter.row(columns.map(\.header), into: &out)
        for row in rows { CSVWriter.row(row.map(Listing.plain), into: &out) }
        return out
    }

    /// An aligned plain-text table with a header rule; long cells are kept whole.
    public func table(maxWidth: Int? = nil) -> String {
        let cells = rows.map { $0.map { ControlCharacters.escaped(Listing.plain($0)) } }
        var widths = columns.map { TextWidth.of($0.header) }
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], TextWidth.of(cell)) }
        }
        if let maxWidth {
            widths = widths.map { min($0, maxWidth) }
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).enumerated().map { i, pair in
                let (value, width) = pair
                let shown = TextWidth.truncate(value, to: width)
                return columns[i].numeric ? TextWidth.padLeft(shown, to: width) : TextWidth.padRight(shown, to: width)
            }
            .joined(separator: "  ")
            .trimmingTrailingSpaces()
        }
        var out = line(columns.map(\.header)) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells { out += line(row) + "\n" }
        return out
    }

    /// Renders in the chosen format; JSON ends with a newline.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: return table()
        case .json: return json.serialized()
        case .csv: return csv
        }
    }

    /// A cell as text: strings as they are, lists joined with "; ", null empty.
    static func plain(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .string(let s): return s
        case .bool(let b): return b ? "có" : "không"
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .array(let items): return items.map(plain).joined(separator: "; ")
        case .object: return value.serialized(pretty: false)
        }
    }
}

/// Display width of text in a terminal: NFC Vietnamese is one column per character; combining marks
/// take none.
enum TextWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            scalar.properties.generalCategory == .nonspacingMark ? width : width + 1
        }
    }

    static func padRight(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }

    static func padLeft(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - of(text))) + text
    }

    static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width, width > 1 else { return text }
        var out = ""
        for character in text {
            if of(out) + of(String(character)) > width - 1 { break }
            out.append(character)
        }
        return out + "…"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
