import ArgumentParser
import CLISupport
import Crypto
import Foundation
import PlanCore
import PlanStore
import ReportExport

/// `cchc-export report`: the periodic report of a plan, in any format, optionally submitted.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Lập báo cáo định kỳ của một kế hoạch cho một kỳ (docx, json, csv, md); --submit để nộp và khóa kỳ.",
        discussion: """
            Cửa sổ số liệu và thời hạn lấy theo chế độ chốt số liệu (--regime). Cùng một trạng thái dữ liệu luôn \
            cho ra cùng một tệp. Khi có -o, tệp được ghi trọn vẹn hoặc không ghi gì.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case docx, json, csv, md
    }

    @OptionGroup var selection: ReportSelection

    @Option(help: "Định dạng: docx, json, csv hoặc md.")
    var format: Format = .json

    @Option(name: .shortAndLong, help: "Tệp đầu ra (mặc định: in ra màn hình; docx bắt buộc có -o).")
    var output: String?

    @Option(name: .customLong("as-of"), help: "Ngày đánh giá tình trạng (mặc định: ngày cuối của kỳ).")
    var asOf: String?

    @Option(help: "Ngày báo cáo (mặc định: ngày đã ghi cho báo cáo, nếu chưa có thì thời hạn nộp của kỳ).")
    var date: String?

    @Flag(help: "Nộp báo cáo: lưu bản chốt có đánh số phiên bản và sha256, khóa kỳ báo cáo của kế hoạch.")
    var submit = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOption

    func validate() throws {
        if format == .docx && output == nil {
            throw ValidationError("Định dạng docx cần tệp đầu ra: thêm -o TỆP.docx")
        }
    }

    func run() throws {
        let store = try database.openStore(identity)
        let assembly = try ReportAssembly(
            store: store, planReference: selection.plan, periodText: selection.period, regimeName: selection.regime,
            date: try date.map { try parseDay($0, option: "--date") })
        let asOfDay = try asOf.map { try parseDay($0, option: "--as-of") }
        var report = try assembly.report(asOf: asOfDay, status: .draft, snapshot: nil)
        var note: String?
        if submit {
            let frozen = try assembly.report(asOf: asOfDay, status: .submitted, snapshot: nil)
            let content = frozen.jsonText()
            let sha = SHA256.hash(data: Data(content.utf8)).map { String(format: "%02x", $0) }.joined()
            let snapshot = try store.submitReport(
                planID: assembly.plan.id, unitID: assembly.record.owner.id, period: assembly.period,
                regime: assembly.regime.id, window: try assembly.regime.window(for: assembly.period), content: content,
                sha256: sha)
            report = try assembly.report(
                asOf: asOfDay, status: .submitted,
                snapshot: ReportSnapshot(
                    version: snapshot.version, sha256: snapshot.sha256, submittedAt: snapshot.submittedAt,
                    by: snapshot.submittedBy))
            note =
                "Đã nộp báo cáo \(assembly.plan.reference) kỳ \(assembly.period.description): bản số \(snapshot.version), "
                + "sha256 \(snapshot.sha256.prefix(16))…; kỳ báo cáo đã được khóa."
        }
        let data: Data
        switch format {
        case .docx: data = report.docxData()
        case .json: data = Data(report.json.serializedBytes())
        case .csv: data = Data(report.csvData())
        case .md: data = Data(report.markdown().utf8)
        }
        if let output {
            try OutputFile.write(data, to: output)
            Terminal.writeError(
                "Đã ghi \(output) (\(format.rawValue), \(report.activities.count) hoạt động, kỳ \(report.period.label)).")
        } else {
            FileHandle.standardOutput.write(data)
        }
        if let note { Terminal.writeError(note) }
    }
}
