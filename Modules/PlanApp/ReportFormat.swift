import Foundation
import PlanCore
import ReportExport

/// The formats a periodic report is written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    case docx, xlsx, pdf, json, csv, md

    /// Binary formats are written to files, never to a terminal.
    public var isBinary: Bool { self == .docx || self == .xlsx || self == .pdf }

    /// The same report always gives the same bytes (the PDF carries LibreOffice's creation stamp).
    public var isDeterministic: Bool { self != .pdf }

    /// The formats whose bytes depend only on the report.
    public static var deterministic: [ReportFormat] { allCases.filter(\.isDeterministic) }

    /// The format a file name's extension names (`bao-cao.docx` → docx), if any.
    public init?(fileExtensionOf path: String) {
        self.init(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// The media type a download is served with.
    public var mediaType: String {
        switch self {
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pdf: "application/pdf"
        case .json: "application/json"
        case .csv: "text/csv; charset=utf-8"
        case .md: "text/markdown; charset=utf-8"
        }
    }
}

extension Report {
    /// The report in one format, handed to `emit` in pieces: the JSON as it is written (a report of
    /// 100,000 results never sits whole in memory), the other formats whole. `csvSeparator` applies to CSV.
    public func write(
        _ format: ReportFormat, csvSeparator: CSVWriter.Separator = .comma,
        to emit: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        switch format {
        case .json: try writeJSON(emit)
        case .docx: try docxData().withUnsafeBytes(emit)
        case .xlsx: try xlsxData().withUnsafeBytes(emit)
        case .pdf: try PDFConversion.pdf(fromDocx: docxData()).withUnsafeBytes(emit)
        case .csv: try csvData(separator: csvSeparator).withUnsafeBytes(emit)
        case .md: try Array(markdown().utf8).withUnsafeBytes(emit)
        }
    }

    /// The report in one format, whole.
    public func data(_ format: ReportFormat) throws -> Data {
        var data = Data()
        try write(format) { data.append(contentsOf: $0) }
        return data
    }
}
