import Foundation
import OOXML
import PlanCore

/// The periodic report as an Excel workbook, for offices that work in spreadsheets: "Tổng hợp" (the
/// figures by status, by lead unit, by product), "Phụ lục" (one row per activity, the same cells as the
/// Word annex) and "Kết quả" (every result with its day, unit, quantity and evidence). Dates are dates
/// shown dd/mm/yyyy, counts and quantities numbers, rates percentages; the header row is frozen and
/// printed on every A4 landscape page.
extension Report {
    /// The sheets' names, in order.
    public static let xlsxSheetNames = ["Tổng hợp", "Phụ lục", "Kết quả"]

    public func xlsxWorkbook() -> XlsxWorkbook {
        let header = "\(reporter.name) - \(title)"
        return XlsxWorkbook(
            sheets: [
                XlsxSheet(
                    name: Report.xlsxSheetNames[0],
                    columns: [.init(minimum: 30, maximum: 45)] + Array(repeating: .init(minimum: 11, maximum: 14), count: 5),
                    rows: summaryRows, headerRows: 0, orientation: .portrait, pageHeader: header),
                XlsxSheet(
                    name: Report.xlsxSheetNames[1],
                    columns: outlineInForce.annexColumns.map(Self.annexWidth), rows: annexRows, pageHeader: header),
                XlsxSheet(
                    name: Report.xlsxSheetNames[2],
                    columns: [
                        .init(minimum: 5, maximum: 7), .init(minimum: 8, maximum: 10), .init(minimum: 20, maximum: 30),
                        .init(minimum: 11, maximum: 11), .init(minimum: 14, maximum: 18), .init(minimum: 24, maximum: 42),
                        .init(minimum: 9, maximum: 9), .init(minimum: 10, maximum: 12), .init(minimum: 18, maximum: 28),
                        .init(minimum: 11, maximum: 11),
                    ], rows: resultRows, pageHeader: header),
            ], properties: DocumentMetadata.properties(self), application: "cchc")
    }

    /// The .xlsx bytes; the same report always gives the same bytes.
    public func xlsxData() -> Data { xlsxWorkbook().xlsxData() }

    private var summaryRows: [[XlsxCell]] {
        var rows: [[XlsxCell]] = [
            [.text(reporter.name, .title)],
            [.text(title, .title)],
            [.text("\(period.label): số liệu từ \(period.window.from.vietnamese) đến \(period.window.to.vietnamese)", .note)],
            [],
            [.text("Chỉ tiêu", .header), .text("Số lượng", .header)],
            [.text("Nhiệm vụ trong kỳ"), .number(Double(figures.activities))],
        ]
        for (status, count) in [
            (ActivityStatus.done, figures.done), (.inProgress, figures.inProgress), (.notStarted, figures.notStarted),
            (.overdue, figures.overdue), (.cancelled, figures.cancelled),
        ] {
            rows.append([.text("- " + StatusWording.text(status)), .number(Double(count))])
        }
        if let rate = figures.completionRate, figures.activities > 0 {
            rows.append([.text("Tỷ lệ hoàn thành trong kỳ"), .rate(rate)])
        }
        rows.append([.text("Lũy kế từ đầu năm: nhiệm vụ đến hạn"), .number(Double(figures.yearToDate.due))])
        rows.append([.text("Lũy kế từ đầu năm: đã hoàn thành"), .number(Double(figures.yearToDate.done))])
        if let rate = figures.yearToDate.rate { rows.append([.text("Tỷ lệ hoàn thành lũy kế"), .rate(rate)]) }
        rows.append([.text("Kết quả ghi nhận trong kỳ"), .number(Double(figures.progressEntries))])
        rows.append([.text("Tài liệu kiểm chứng"), .number(Double(figures.evidence))])

        if !figures.units.isEmpty {
            rows.append([])
            rows.append(
                ["Đơn vị chủ trì", "Phải có kết quả", "Đã báo cáo", "Đúng hạn", "Muộn", "Chưa báo cáo"].map { .text($0, .header) })
            for unit in figures.units {
                rows.append(
                    [.text(VietnameseFormat.capitalisedFirst(unit.unit))] + [unit.expected, unit.reported, unit.onTime, unit.late, unit.missing].map { .number(Double($0)) })
            }
        }
        if !figures.products.isEmpty {
            rows.append([])
            rows.append(["Sản phẩm", "Kế hoạch", "Đã thực hiện trong kỳ"].map { .text($0, .header) })
            for product in figures.products {
                rows.append([
                    .text(ResultText.productName(product.name)), product.planned.map { .number(Double($0)) } ?? .empty(),
                    product.reported.map { .number($0) } ?? .empty(),
                ])
            }
        }
        return rows
    }

    /// The Phụ lục sheet: the outline's annex columns, one row per activity under its group rows.
    private var annexRows: [[XlsxCell]] {
        let table = ReportAnnex.table(self)
        let columns = outlineInForce.annexColumns
        var rows: [[XlsxCell]] = [table.headers.map { .text($0, .header) }]
        for row in table.rows {
            switch row {
            case .group(let label, let text):
                rows.append(
                    [.text(label, .emphasis), .text(text, .emphasis)]
                        + Array(repeating: .empty(.emphasis), count: max(0, columns.count - 2)))
            case .cells(let cells), .emphasised(let cells):
                rows.append(
                    zip(columns, cells).map { column, lines in
                        if column == .number, lines.count == 1, let number = Int(lines[0]) { return .number(Double(number)) }
                        // Units, time frames and statuses repeat; results and evidence are the row's own.
                        let text = lines.joined(separator: "\n")
                        return column == .results || column == .evidence ? .uniqueText(text) : .text(text)
                    })
            }
        }
        return rows
    }

    /// The width range (characters) of a Phụ lục column in the sheet.
    private static func annexWidth(_ column: AnnexColumn) -> XlsxColumn {
        switch column {
        case .number: return .init(minimum: 5, maximum: 5)
        case .ref: return .init(minimum: 8, maximum: 10)
        case .titleAndRef, .title: return .init(minimum: 24, maximum: 36)
        case .lead, .coordinating: return .init(minimum: 12, maximum: 16)
        case .schedule: return .init(minimum: 11, maximum: 11)
        case .results: return .init(minimum: 24, maximum: 42)
        case .status: return .init(minimum: 12, maximum: 12)
        case .evidence: return .init(minimum: 16, maximum: 28)
        case .products: return .init(minimum: 14, maximum: 24)
        case .parentRef: return .init(minimum: 12, maximum: 30)
        }
    }

    private var resultRows: [[XlsxCell]] {
        var rows: [[XlsxCell]] = [
            ["STT", "Mã", "Nhiệm vụ", "Ngày", "Đơn vị", "Kết quả", "Số lượng", "Đơn vị tính", "Minh chứng", "Ngày ghi nhận"]
                .map { .text($0, .header) }
        ]
        rows.reserveCapacity(figures.progressEntries + 1)
        for activity in activities {
            for result in activity.results {
                rows.append([
                    .number(Double(rows.count)), .text(activity.ref), .text(activity.title), Self.cell(result.date),
                    .text(result.unit.name), .uniqueText(VietnameseFormat.trimmed(result.text)),
                    result.quantity.map { .number($0) } ?? .empty(), .text(result.quantityUnit ?? ""),
                    .uniqueText(result.evidence.map(ResultText.evidence).joined(separator: "\n")), Self.cell(result.recordedOn),
                ])
            }
        }
        return rows
    }

    static func cell(_ day: Day) -> XlsxCell { .date(day.year, day.month, day.day) }
}
