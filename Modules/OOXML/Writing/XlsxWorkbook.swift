import Foundation

/// A SpreadsheetML workbook (.xlsx) described as values: sheets of typed cells, column widths, a frozen
/// header, print setup. `xlsxData()` writes the package deterministically (the same workbook always gives
/// the same bytes), with the same zip writer as the Word documents.
public struct XlsxWorkbook: Sendable, Hashable {
    public var sheets: [XlsxSheet]
    public var properties: DocxProperties
    /// The generating application named in `docProps/app.xml`.
    public var application: String

    public init(sheets: [XlsxSheet], properties: DocxProperties = .init(), application: String = "cchc") {
        self.sheets = sheets
        self.properties = properties
        self.application = application
    }

    /// The package bytes.
    public func xlsxData() -> Data { XlsxPackageWriter(workbook: self).package() }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not blank.
    public static func sheetName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }).trimmingCharacters(in: .whitespaces)
        let short = String(cleaned.prefix(31))
        return short.isEmpty ? "Trang tính" : short
    }
}

/// One worksheet: a table whose first `headerRows` rows are frozen and repeated on every printed page.
public struct XlsxSheet: Sendable, Hashable {
    public enum Orientation: String, Sendable, Hashable {
        case portrait, landscape
    }

    public var name: String
    public var columns: [XlsxColumn]
    public var rows: [[XlsxCell]]
    /// Rows frozen at the top and printed on every page (0 for none).
    public var headerRows: Int
    public var orientation: Orientation
    /// Printed centred in the page header (the report's title), or nil.
    public var pageHeader: String?

    public init(
        name: String, columns: [XlsxColumn], rows: [[XlsxCell]], headerRows: Int = 1,
        orientation: Orientation = .landscape, pageHeader: String? = nil
    ) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.headerRows = headerRows
        self.orientation = orientation
        self.pageHeader = pageHeader
    }
}

/// A column's width in characters: fitted to its longest line between `minimum` and `maximum` (text
/// longer than `maximum` wraps).
public struct XlsxColumn: Sendable, Hashable {
    public var minimum: Double
    public var maximum: Double

    public init(minimum: Double = 6, maximum: Double = 60) {
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// A cell with a real type: text, a number, a day (stored as a date serial, shown dd/mm/yyyy), a rate
/// (shown as a percentage), or nothing.
public enum XlsxCell: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
        /// Bold, shaded, bordered, centred: a table's header.
        case header
        /// Bordered, wrapping, top-aligned: a table's body.
        case body
        /// Bold body cell: a group or total row.
        case emphasis
        /// Bold, without border or wrapping: a sheet's title line.
        case title
        /// Without border or wrapping: a line of explanation.
        case note
    }

    case text(String, Role = .body)
    /// Text that will not repeat across the workbook (a result's own words, its evidence): written in the
    /// cell rather than in the shared string table. Reads the same.
    case uniqueText(String, Role = .body)
    case number(Double, Role = .body)
    /// Year, month, day.
    case date(Int, Int, Int, Role = .body)
    /// 0…1, shown as a percentage with one decimal.
    case rate(Double, Role = .body)
    case empty(Role = .body)

    public var role: Role {
        switch self {
        case .text(_, let role), .uniqueText(_, let role), .number(_, let role), .date(_, _, _, let role), .rate(_, let role),
            .empty(let role):
            role
        }
    }

    /// The text of a text cell.
    public var textValue: String? {
        switch self {
        case .text(let text, _), .uniqueText(let text, _): text
        default: nil
        }
    }
}
