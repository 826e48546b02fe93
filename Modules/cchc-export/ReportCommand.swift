import ArgumentParser
import CLISupport
import Foundation
import PlanApp
import PlanCore
import PlanStore
import ReportExport

/// `cchc-export report`: the periodic report of a plan, in any format, optionally submitted.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Lập báo cáo định kỳ của một kế hoạch cho một kỳ (docx, xlsx, pdf, json, csv, md); --submit để nộp và khóa kỳ.",
        discussion: """
            Cửa sổ số liệu và thời hạn lấy theo chế độ chốt số liệu (--regime). Cùng một trạng thái dữ liệu luôn \
            cho ra cùng một tệp. Khi có -o, tệp được ghi trọn vẹn hoặc không ghi gì.
            """)

    @OptionGroup var selection: ReportSelection

    @Option(help: "Định dạng: docx, xlsx, pdf, json, csv hoặc md (mặc định: theo phần mở rộng của tệp -o; không có -o thì json).")
    var format: ReportFormat?

    @Option(
        name: .shortAndLong,
        help: """
            Tệp đầu ra; lặp lại -o để ghi nhiều định dạng từ cùng một lần đọc dữ liệu, định dạng theo phần mở \
            rộng (.docx, .xlsx, .pdf, .json, .csv, .md). Không có -o: in ra màn hình (trừ docx, xlsx, pdf). PDF do LibreOffice \
            chuyển từ bản Word (cần gói libreoffice-writer-nogui).
            """)
    var output: [String] = []

    @Option(
        name: .customLong("csv-separator"),
        help: """
            Dấu ngăn cột của CSV: "," (mặc định) hoặc ";" (Excel với thiết lập vùng Việt Nam mở tệp dấu phẩy \
            thành một cột; với Excel, nên dùng .xlsx).
            """)
    var csvSeparator: CSVWriter.Separator = .comma

    @Option(name: .customLong("as-of"), help: "Ngày đánh giá tình trạng (mặc định: ngày cuối của kỳ).")
    var asOf: String?

    @Option(help: "Ngày báo cáo (mặc định: ngày đã ghi cho báo cáo, nếu chưa có thì thời hạn nộp của kỳ).")
    var date: String?

    @Flag(help: "Nộp báo cáo: lưu bản chốt có đánh số phiên bản và sha256, khóa kỳ báo cáo của kế hoạch.")
    var submit = false

    @Flag(
        help: """
            Kỳ đã nộp: lập bản dự thảo từ số liệu hiện tại thay vì xuất đúng bản đã nộp (mặc định, khi kỳ đã nộp, \
            mọi định dạng đều lấy từ bản đã nộp).
            """)
    var draft = false

    @Flag(
        help: """
            Bản nội bộ: thêm tình hình báo cáo của từng đơn vị thuộc Sở (đơn vị báo cáo trễ, chưa báo cáo). Mặc định \
            là bản gửi ra ngoài, không nêu nội dung này.
            """)
    var `internal` = false

    @OptionGroup var signing: SignerOptions

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var identity: IdentityOption

    func validate() throws {
        _ = try targets()
        if draft && submit { throw ValidationError("--draft và --submit không dùng cùng nhau.") }
    }

    /// Each output file with its format; one target without a path means standard output.
    func targets() throws -> [(path: String?, format: ReportFormat)] {
        if output.isEmpty {
            if let format, format.isBinary {
                throw ValidationError("Định dạng \(format.rawValue) cần tệp đầu ra: thêm -o TỆP.\(format.rawValue)")
            }
            return [(nil, format ?? .json)]
        }
        if let format {
            guard output.count == 1 else {
                throw ValidationError(
                    "--format chỉ dùng với một tệp -o; khi ghi nhiều tệp, định dạng lấy theo phần mở rộng của từng tệp.")
            }
            return [(output[0], format)]
        }
        var seen: Set<String> = []
        return try output.map { path in
            guard seen.insert(URL(fileURLWithPath: path).standardizedFileURL.path).inserted else {
                throw ValidationError("Tệp \(path) được chỉ định hai lần trong -o.")
            }
            guard let format = ReportFormat(fileExtensionOf: path) else {
                throw ValidationError(
                    "Không biết định dạng của tệp \(path): dùng phần mở rộng .docx, .xlsx, .pdf, .json, .csv hoặc .md, hoặc chỉ rõ --format.")
            }
            return (path, format)
        }
    }

    func run() throws {
        let targets = try targets()
        // Every output must be writable before anything is read, and above all before a submission is stored.
        for case let path? in targets.map(\.path) { try OutputFile.checkWritable(path) }
        let store = try database.openStore(identity)
        var assembly = try ReportAssembly(
            store: store, plan: selection.plan, period: selection.period, regime: selection.regime,
            date: try DayArgument.parse(optional: date, option: "--date"))
        let asOfDay = try DayArgument.parse(optional: asOf, option: "--as-of")
        assembly.signerOverride = try signing.signer()
        if !signing.recipients.isEmpty { assembly.distributionOverride = signing.distribution }
        let overridesDocument = signing.given
        var report: Report
        var note: String?
        if submit {
            let snapshot: SnapshotRecord
            (report, snapshot) = try assembly.submit(asOf: asOfDay)
            note =
                "Đã nộp báo cáo \(assembly.plan.reference) kỳ \(assembly.period.description): bản số \(snapshot.version), "
                + "sha256 \(snapshot.sha256.prefix(16))…; kỳ báo cáo đã được khóa."
        } else if !draft, let (submitted, snapshot) = try assembly.submitted() {
            // A submitted period is exported as submitted, in every format: the signed paper and the hashed
            // JSON never diverge. Its days are the submission's own.
            guard asOf == nil, date == nil, !overridesDocument else {
                throw ToolError(
                    "Kỳ \(assembly.period.description) đã nộp (bản số \(snapshot.version)): bản đã nộp giữ nguyên ngày "
                        + "báo cáo, ngày đánh giá, người ký và nơi nhận; bỏ --as-of/--date/--signer…/--recipient, hoặc thêm "
                        + "--draft để lập dự thảo từ số liệu hiện tại.")
            }
            report = submitted
            note =
                "Kỳ \(assembly.period.description) đã nộp: xuất đúng bản số \(snapshot.version) (nộp lúc "
                + "\(snapshot.submittedAt), sha256 \(snapshot.sha256.prefix(16))…); thêm --draft để lập dự thảo từ số liệu hiện tại."
        } else {
            report = try assembly.report(asOf: asOfDay, status: .draft, snapshot: nil)
        }
        report.showsUnitReporting = `internal`
        if targets.count == 1, targets[0].path == nil {
            try report.write(targets[0].format, csvSeparator: csvSeparator) { try Terminal.writeOut($0) }
        } else {
            // The formats are independent renderings of one model: each is made and written to its
            // temporary file side by side, and the files replace their targets together.
            let staged = concurrentMap(targets) { [report, csvSeparator] target in
                Result {
                    try OutputFile.stage(for: target.path!) {
                        try report.write(target.format, csvSeparator: csvSeparator, to: $0)
                    }
                }
            }
            let files: [OutputFile.StagedFile]
            do {
                files = try staged.map { try $0.get() }
            } catch {
                for case .success(let file) in staged { file.discard() }
                throw error
            }
            try OutputFile.commit(files)
            for target in targets {
                Terminal.writeError(
                    "Đã ghi \(target.path!) (\(target.format.rawValue), \(report.activities.count) hoạt động, kỳ \(report.period.label)).")
            }
        }
        if let note { Terminal.writeError(note) }
        // Every file is in place and the connection idle: the process ends here, so the memory of a large
        // report goes back to the system at once rather than object by object (~0.1 s for 100,000 entries).
        withExtendedLifetime((store, assembly, report)) { ToolMain.succeed() }
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension CSVWriter.Separator: ExpressibleByArgument {}
