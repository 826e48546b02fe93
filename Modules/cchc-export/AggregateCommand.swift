import ArgumentParser
import CLISupport
import Foundation
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
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, docx, xlsx
    }

    @Option(help: "Kỳ báo cáo (2024-Q2…).") var period: String
    @Option(help: "Chế độ chốt số liệu (mặc định: theo các báo cáo).") var regime: String?
    @Option(help: "Tệp danh sách đơn vị phải báo cáo (mỗi dòng một tên).") var expected: String?
    @Option(help: "Kế hoạch cấp tỉnh: đơn vị phải báo cáo là chủ của các kế hoạch cấp dưới.") var plan: String?
    @Option(help: "Định dạng: json, docx hoặc xlsx.") var format: Format = .json
    @Option(name: .shortAndLong, help: "Tệp đầu ra (bắt buộc với docx, xlsx).") var output: String?
    @Argument(help: "Các tệp báo cáo cchc.report/v1.") var files: [String] = []
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOption

    func validate() throws {
        if format != .json && output == nil {
            throw ValidationError("Định dạng \(format.rawValue) cần tệp đầu ra: thêm -o TỆP.\(format.rawValue)")
        }
        if files.isEmpty && plan == nil { throw ValidationError("Cần các tệp báo cáo, hoặc --plan để lấy báo cáo đã nộp từ cơ sở dữ liệu.") }
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
        var reports: [(file: String, json: JSONValue)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ToolError("Không đọc được tệp \(file).")
            }
            do {
                reports.append((URL(fileURLWithPath: file).lastPathComponent, try JSONValue.parse(String(decoding: data, as: UTF8.self))))
            } catch {
                throw ToolError("\(file): \(error.description)")
            }
        }
        var expectedUnits: [String] = []
        if let expected {
            guard let text = try? String(contentsOfFile: expected, encoding: .utf8) else {
                throw ToolError("Không đọc được tệp danh sách đơn vị \(expected).")
            }
            expectedUnits = text.split(whereSeparator: \.isNewline).map { VietnameseText.nfc(String($0)) }.filter { !$0.isEmpty }
        }
        if let plan {
            let store = try database.openStore(identity)
            let parent = try store.findPlan(plan)
            for child in try store.listPlans() where try store.parentPlanID(of: child.id) == parent.id {
                if !expectedUnits.contains(child.owner) { expectedUnits.append(child.owner) }
                if files.isEmpty,
                    let snapshot = try store.snapshots(planID: child.id, period: periodID.description)
                        .first(where: { $0.status == "submitted" }),
                    let content = snapshot.content
                {
                    reports.append(("\(child.reference) bản \(snapshot.version)", try JSONValue.parse(content)))
                }
            }
        }
        let summary: ProvincialSummary
        do {
            summary = try Aggregation.combine(
                reports: reports, period: periodID, regime: chosenRegime, expectedUnits: expectedUnits)
        } catch {
            throw ToolError(error.description)
        }
        let data: Data
        switch format {
        case .json: data = Data(summary.jsonText().utf8)
        case .docx: data = summary.docxData()
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
