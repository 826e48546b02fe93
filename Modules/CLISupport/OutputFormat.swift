import ArgumentParser

/// `--format table|json|csv`: people read tables, scripts read JSON, spreadsheets read CSV.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case table
    case json
    case csv
}

/// A `--format` option shared by every listing.
public struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Định dạng đầu ra: table (bảng), json hoặc csv.")
    public var format: OutputFormat = .table

    public init() {}
}
