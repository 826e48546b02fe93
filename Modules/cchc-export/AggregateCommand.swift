import ArgumentParser
import CLISupport
import Foundation
import PlanApp
import PlanCore
import PlanStore
import ReportExport

/// `cchc-export aggregate`: many units' cchc.report/v1 files → one provincial summary.
struct AggregateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Tổng hợp báo cáo cchc.report/v1 của nhiều đơn vị thành bảng tổng hợp của tỉnh (JSON hoặc docx).",
        discussion: """
            Danh sách đơn vị phải báo cáo lấy từ --expected (tệp, mỗi dòng một đơn vị) hoặc, với --plan, từ các \
            kế hoạch cấp dưới của kế hoạch đó trong cơ sở dữ liệu. Các đơn vị chưa báo cáo được liệt kê.

            Bản docx là báo cáo của Sở Nội vụ theo thể thức Nghị định 30/2020: Sở Nội vụ trực thuộc UBND tỉnh \
            của kế hoạch --plan (hoặc đơn vị --issuer), người ký và nơi nhận theo thiết lập của đơn vị đó \
            (cchc-export settings set), số và ngày để trống cho văn thư trừ khi nêu --number, --date.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, docx, xlsx
    }

    @Option(help: "Kỳ báo cáo (2024-Q2…).") var period: String
    @Option(help: "Chế độ chốt số liệu (mặc định: theo các báo cáo).") var regime: String?
    @Option(help: "Tệp danh sách đơn vị phải báo cáo (mỗi dòng một tên).") var expected: String?
    @Option(help: "Kế hoạch cấp tỉnh: đơn vị phải báo cáo là chủ của các kế hoạch cấp dưới.") var plan: String?
    @Option(help: "Định dạng: json, docx hoặc xlsx (mặc định: theo phần mở rộng của tệp -o; không có -o thì json).")
    var format: Format?
    @Option(name: .shortAndLong, help: "Tệp đầu ra (bắt buộc với docx, xlsx).") var output: String?
    @Option(help: "Đơn vị ban hành báo cáo tổng hợp (mặc định: Sở Nội vụ thuộc UBND tỉnh của --plan).") var issuer: String?
    @Option(help: "Ngày ban hành (mặc định: để trống ngày, tháng).") var date: String?
    @Option(help: "Số báo cáo (mặc định: để trống cho văn thư).") var number: Int?
    @OptionGroup var signing: SignerOptions
    @Argument(help: "Các tệp báo cáo cchc.report/v1.") var files: [String] = []
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOption

    func validate() throws {
        let format = try chosenFormat()
        if format != .json && output == nil {
            throw ValidationError("Định dạng \(format.rawValue) cần tệp đầu ra: thêm -o TỆP.\(format.rawValue)")
        }
        if files.isEmpty && plan == nil { throw ValidationError("Cần các tệp báo cáo, hoặc --plan để lấy báo cáo đã nộp từ cơ sở dữ liệu.") }
        if let number, number <= 0 { throw ValidationError("Số báo cáo phải là số dương.") }
    }

    /// --format, else the extension of -o (a .docx is never written as JSON), else JSON.
    func chosenFormat() throws -> Format {
        if let format { return format }
        guard let output else { return .json }
        let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
        guard let inferred = Format(rawValue: ext) else {
            throw ValidationError("Không biết định dạng của tệp \(output): dùng phần mở rộng .json, .docx hoặc .xlsx, hoặc chỉ rõ --format.")
        }
        return inferred
    }

    func run() throws {
        let periodID: PeriodID
        do {
            periodID = try PeriodID(parsing: period)
        } catch {
            throw ToolError.argument("--period", error.description)
        }
        var chosenRegime: ReportingRegime?
        if let regime {
            do {
                chosenRegime = try ReportingRegime.named(regime)
            } catch {
                throw ToolError.argument("--regime", error.description)
            }
        }
        var request = ProvincialAggregate.Request(period: periodID, regime: chosenRegime)
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ToolError("Không đọc được tệp \(file).")
            }
            do {
                request.reports.append(
                    (URL(fileURLWithPath: file).lastPathComponent, try JSONValue.parse(String(decoding: data, as: UTF8.self))))
            } catch {
                throw ToolError("\(file): \(error.description)")
            }
        }
        if let expected {
            guard let text = try? String(contentsOfFile: expected, encoding: .utf8) else {
                throw ToolError("Không đọc được tệp danh sách đơn vị \(expected).")
            }
            request.expectedUnits = text.split(whereSeparator: \.isNewline).map { VietnameseText.nfc(String($0)) }
                .filter { !$0.isEmpty }
        }
        request.plan = plan
        request.issuer = issuer.map(VietnameseText.nfc)
        request.date = try DayArgument.parse(optional: date, option: "--date")
        request.number = number
        request.signerOverride = try signing.signer()
        request.distributionOverride = signing.distribution
        let needsStore = plan != nil || issuer != nil
        let aggregate = try ProvincialAggregate(request, store: needsStore ? try database.openStore(identity) : nil)
        let summary = aggregate.summary
        let data: Data
        switch try chosenFormat() {
        case .json: data = Data(summary.jsonText().utf8)
        case .docx: data = aggregate.docxData()
        case .xlsx: data = summary.xlsxData()
        }
        if let output {
            try OutputFile.write(data, to: output)
            Terminal.writeError(
                "Đã ghi \(output): \(summary.rows.count) đơn vị đã báo cáo, \(summary.missing.count) đơn vị chưa báo cáo.")
        } else {
            try Terminal.writeOut(data)
        }
    }
}
