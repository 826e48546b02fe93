import Foundation
import PlanCore
import ReportExport
import Testing

@Suite("Excel workbook of a report")
struct ReportXlsxTests {
    @Test("same report, same bytes; the sheets' XML matches the golden files")
    func goldenAndDeterministic() throws {
        let data = try SamplePlan.report().xlsxData()
        #expect(data == (try SamplePlan.report().xlsxData()))
        for (index, _) in Report.xlsxSheetNames.enumerated() {
            let part = "xl/worksheets/sheet\(index + 1).xml"
            try Golden.check(try DocxReading.part(part, of: data), against: "report-2024-Q2.xlsx.sheet\(index + 1).xml")
        }
        try Golden.check(try DocxReading.part("xl/workbook.xml", of: data), against: "report-2024-Q2.xlsx.workbook.xml")
        try Golden.check(try DocxReading.part("xl/sharedStrings.xml", of: data), against: "report-2024-Q2.xlsx.sharedStrings.xml")
    }

    @Test("a real reader (openpyxl) finds the sheets, real cell types, frozen headers and the print setup")
    func readBack() throws {
        let report = try SamplePlan.report()
        let book = try Openpyxl.read(report.xlsxData())
        #expect(book.sheets.map(\.name) == Report.xlsxSheetNames)
        let annex = try #require(book.sheets.first { $0.name == "Phụ lục" })
        #expect(annex.freeze == "A2" && annex.printTitles == "$1:$1")
        #expect(annex.orientation == "landscape" && annex.paper == 9)
        #expect(annex.rows[0].map(\.value) == ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Kết quả", "Tình trạng", "Minh chứng"])
        let numbered = annex.rows.dropFirst().filter { $0.first?.type == "n" }
        #expect(numbered.count == report.activities.count)

        let results = try #require(book.sheets.first { $0.name == "Kết quả" })
        #expect(results.rows.count == report.figures.progressEntries + 1)
        let entries = report.activities.flatMap { activity in activity.results.map { (activity, $0) } }
        for ((activity, result), row) in zip(entries, results.rows.dropFirst()) {
            #expect(row[1].value == activity.ref)
            #expect(row[3].type == "d" && row[3].value == result.date.iso && row[3].format == "dd/mm/yyyy")
            #expect(row[4].value == result.unit.name)
            if let quantity = result.quantity {
                #expect(row[6].type == "n" && Double(row[6].value) == quantity)
            }
            #expect(row[9].type == "d" && row[9].value == result.recordedOn.iso)
        }

        let summary = try #require(book.sheets.first { $0.name == "Tổng hợp" })
        func figure(_ label: String) -> OpenpyxlCell? { summary.rows.first { $0.first?.value == label }?.dropFirst().first }
        #expect(figure("Nhiệm vụ trong kỳ")?.value == "\(report.figures.activities)" && figure("Nhiệm vụ trong kỳ")?.type == "n")
        #expect(figure("- Hoàn thành")?.value == "\(report.figures.done)")
        #expect(figure("Kết quả ghi nhận trong kỳ")?.value == "\(report.figures.progressEntries)")
        let rate = try #require(figure("Tỷ lệ hoàn thành trong kỳ"))
        #expect(rate.type == "n" && rate.format == "0.0%")
        for unit in report.figures.units {
            let row = try #require(summary.rows.first { $0.first?.value.lowercased() == unit.unit.lowercased() }, "\(unit.unit)")
            #expect(row.dropFirst().prefix(5).map(\.value) == [unit.expected, unit.reported, unit.onTime, unit.late, unit.missing].map { "\($0)" })
        }
        #expect(book.title == report.title && book.creator == report.reporter.name)
    }

    @Test("LibreOffice opens the workbook and reads the summary sheet's cells")
    func libreOfficeOpensIt() throws {
        let report = try SamplePlan.report()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-xlsx-lo-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bao-cao.xlsx")
        try report.xlsxData().write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/soffice")
        process.arguments = [
            "-env:UserInstallation=" + directory.appendingPathComponent("profile").absoluteString, "--headless", "--norestore",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", directory.path, file.path,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(["HOME": directory.path]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "soffice (apt-get install libreoffice-calc-nogui) failed")
        let csv = try String(contentsOf: directory.appendingPathComponent("bao-cao.csv"), encoding: .utf8)
        #expect(csv.contains("Nhiệm vụ trong kỳ,\(report.figures.activities)"), "\(csv)")
        #expect(csv.contains(report.reporter.name))
    }

    @Test("text that looks like a formula stays text; control characters are dropped; long text is cut at Excel's limit")
    func hostileText() throws {
        let activity = Sample.activity(
            1, "II.1", Sample.schedule(.continuous, "2024-01-01", "2024-12-31"),
            progress: [
                Sample.entry(1, "2024-04-01", text: "=HYPERLINK(\"http://x\",\"bấm\")\u{7}"),
                Sample.entry(2, "2024-04-02", text: String(repeating: "á", count: 40_000)),
            ])
        let book = try Openpyxl.read(try Sample.report([activity]).xlsxData())
        let results = try #require(book.sheets.first { $0.name == "Kết quả" })
        #expect(results.rows[1][5].type == "s" && results.rows[1][5].value == "=HYPERLINK(\"http://x\",\"bấm\")")
        #expect(results.rows[2][5].value.count == 32_767 && results.rows[2][5].value.hasSuffix("…"))
    }

    @Test("the NĐ 30 metadata travels in the package properties of the xlsx and the docx")
    func metadata() throws {
        let report = try SamplePlan.report()
        for data in [report.xlsxData(), report.docxData()] {
            let core = try DocxReading.part("docProps/core.xml", of: data)
            #expect(core.contains("<dc:title>\(report.title)</dc:title>"))
            #expect(core.contains("<dc:subject>Báo cáo số \(report.code)</dc:subject>"))
            let custom = try DocxReading.part("docProps/custom.xml", of: data)
            for (name, value) in [
                ("Cơ quan ban hành", report.reporter.name), ("Số và ký hiệu", report.code),
                ("Ngày ban hành", report.date.vietnamese), ("Trích yếu", report.title),
            ] {
                #expect(custom.contains("name=\"\(name)\"><vt:lpwstr>\(value)</vt:lpwstr>"), "\(name)")
            }
            #expect(try DocxReading.part("[Content_Types].xml", of: data).contains("/docProps/custom.xml"))
            #expect(try DocxReading.part("_rels/.rels", of: data).contains("docProps/custom.xml"))
        }
    }
}

struct OpenpyxlCell: Decodable, Hashable {
    var value: String
    /// openpyxl's data type: "s" text, "n" number, "d" date.
    var type: String
    var format: String
}

/// Reads a workbook with openpyxl (Debian's python3-openpyxl, installed by .ci/run): what Excel users'
/// tools see, not what this project's writer meant.
enum Openpyxl {
    struct Sheet: Decodable {
        var name: String
        var freeze: String?
        var printTitles: String?
        var orientation: String?
        var paper: Int?
        var rows: [[OpenpyxlCell]]
    }

    struct Book: Decodable {
        var sheets: [Sheet]
        var title: String?
        var creator: String?
    }

    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    static let script = #"""
        import json, sys, datetime, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        def cell(c):
            v = c.value
            if isinstance(v, datetime.datetime): text = v.date().isoformat()
            elif isinstance(v, float) and v.is_integer(): text = str(int(v))
            elif v is None: text = ""
            else: text = str(v)
            return {"value": text, "type": c.data_type, "format": c.number_format}
        sheets = []
        for ws in wb.worksheets:
            sheets.append({"name": ws.title, "freeze": ws.freeze_panes, "printTitles": ws.print_title_rows,
                           "orientation": ws.page_setup.orientation, "paper": int(ws.page_setup.paperSize or 0),
                           "rows": [[cell(c) for c in row] for row in ws.iter_rows()]})
        json.dump({"sheets": sheets, "title": wb.properties.title, "creator": wb.properties.creator}, sys.stdout)
        """#

    static func read(_ data: Data) throws -> Book {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-xlsx-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bao-cao.xlsx")
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Unavailable(
                description: "openpyxl could not read the workbook (apt-get install python3-openpyxl): \(message)")
        }
        return try JSONDecoder().decode(Book.self, from: bytes)
    }
}
