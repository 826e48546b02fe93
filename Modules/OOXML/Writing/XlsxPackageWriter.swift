import Foundation

/// Writes an `XlsxWorkbook` as a SpreadsheetML package (ECMA-376 Part 1, §18): inline strings (no shared
/// string table to keep in step), one fixed style sheet, frozen header rows, A4 print setup fitted to the
/// page width with the header rows repeated on every page.
struct XlsxPackageWriter {
    let workbook: XlsxWorkbook

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    /// Excel's limit for the text of one cell.
    static let cellTextLimit = 32_767

    func package() -> Data {
        let sheets = workbook.sheets.isEmpty ? [XlsxSheet(name: "Trang tính", columns: [], rows: [])] : workbook.sheets
        let names = Self.uniqueNames(sheets.map { XlsxWorkbook.sheetName($0.name) })
        var zip = DeterministicZipWriter()
        zip.add("[Content_Types].xml", Array(contentTypes(sheetCount: sheets.count).utf8))
        CoreProperties.add(workbook.properties, application: workbook.application, main: "xl/workbook.xml", to: &zip)
        zip.add("xl/workbook.xml", Array(Self.workbookXML(sheets, names: names).utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(Self.workbookRelationships(sheetCount: sheets.count).utf8))
        zip.add("xl/styles.xml", Array(Self.styles.utf8))
        // Text goes to one shared string table (Excel's own way): a title repeated on 50 result rows is
        // written once, and each sheet is a third of its inline size.
        var strings = SharedStrings(capacity: sheets.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.count } })
        for (index, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", Self.sheetXML(sheet, strings: &strings))
        }
        zip.add("xl/sharedStrings.xml", strings.xml())
        return zip.archive()
    }

    /// The shared string table: each distinct text once, numbered in order of first use.
    struct SharedStrings {
        /// A text compared and hashed by its UTF-8 bytes: String's own hashing normalises every non-ASCII
        /// text on the way (a quarter of a 100,000-row workbook's time); the texts are NFC already.
        struct Key: Hashable {
            var text: String
            static func == (lhs: Key, rhs: Key) -> Bool {
                let (left, right) = (lhs.text.utf8, rhs.text.utf8)
                guard left.count == right.count else { return false }
                let same = left.withContiguousStorageIfAvailable { l in
                    right.withContiguousStorageIfAvailable { r in
                        l.count == 0 || memcmp(l.baseAddress!, r.baseAddress!, l.count) == 0
                    }
                }
                return (same ?? nil) ?? left.elementsEqual(right)
            }
            func hash(into hasher: inout Hasher) {
                var copy = text
                copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            }
        }

        private var index: [Key: Int] = [:]
        private var texts: [String] = []
        private(set) var references = 0

        init(capacity: Int = 0) {
            index.reserveCapacity(capacity / 2)
            texts.reserveCapacity(capacity / 2)
        }

        mutating func number(_ text: String) -> Int {
            references += 1
            let key = Key(text: text)
            if let known = index[key] { return known }
            index[key] = texts.count
            texts.append(text)
            return texts.count - 1
        }

        func xml() -> [UInt8] {
            var xml = XMLOutput(capacity: texts.reduce(256) { $0 + $1.utf8.count + 40 })
            xml.raw(XlsxPackageWriter.declaration)
            xml.raw("<sst xmlns=\"\(XlsxPackageWriter.main)\" count=\"\(references)\" uniqueCount=\"\(texts.count)\">")
            for text in texts {
                xml.raw("<si><t xml:space=\"preserve\">")
                xml.text(text)
                xml.raw("</t></si>")
            }
            xml.raw("</sst>")
            return xml.bytes
        }
    }

    /// Names made unique case-insensitively, as Excel requires ("Kết quả", "Kết quả (2)").
    static func uniqueNames(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.map { name in
            var candidate = name
            var number = 2
            while !seen.insert(candidate.lowercased()).inserted {
                let suffix = " (\(number))"
                candidate = String(name.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            return candidate
        }
    }

    // MARK: - Worksheets

    static func sheetXML(_ sheet: XlsxSheet) -> [UInt8] {
        var strings = SharedStrings()
        return sheetXML(sheet, strings: &strings)
    }

    static func sheetXML(_ sheet: XlsxSheet, strings: inout SharedStrings) -> [UInt8] {
        var xml = XMLOutput(capacity: sheet.rows.reduce(4096) { $0 + 48 + $1.count * 40 })
        let columnCount = max(sheet.columns.count, sheet.rows.map(\.count).max() ?? 0)
        xml.raw(declaration + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">")
        xml.raw("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
        let last = columnCount == 0 || sheet.rows.isEmpty ? "A1" : reference(column: columnCount - 1, row: sheet.rows.count - 1)
        xml.raw("<dimension ref=\"A1:\(last)\"/>")
        xml.raw("<sheetViews><sheetView workbookViewId=\"0\">")
        if sheet.headerRows > 0 && sheet.rows.count > sheet.headerRows {
            let top = "A\(sheet.headerRows + 1)"
            xml.raw("<pane ySplit=\"\(sheet.headerRows)\" topLeftCell=\"\(top)\" activePane=\"bottomLeft\" state=\"frozen\"/>")
            xml.raw("<selection pane=\"bottomLeft\" activeCell=\"\(top)\" sqref=\"\(top)\"/>")
        }
        xml.raw("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15.75\"/>")
        let widths = columnWidths(sheet, count: columnCount)
        if !widths.isEmpty {
            xml.raw("<cols>")
            for (index, width) in widths.enumerated() {
                xml.raw("<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(number(width))\" customWidth=\"1\"/>")
            }
            xml.raw("</cols>")
        }
        xml.raw("<sheetData>")
        let letters = (0..<max(columnCount, 1)).map { columnLetters($0) }
        for (rowIndex, row) in sheet.rows.enumerated() {
            // Wrapped rows get their height written: not every reader fits rows to their text on opening.
            let lines = lineCount(row, widths: widths)
            if lines > 1 {
                xml.raw("<row r=\"\(rowIndex + 1)\" ht=\"\(number(Double(lines) * lineHeight + 2))\" customHeight=\"1\">")
            } else {
                xml.raw("<row r=\"\(rowIndex + 1)\">")
            }
            let rowNumber = String(rowIndex + 1)
            for (columnIndex, cell) in row.enumerated() {
                writeCell(cell, reference: letters[columnIndex] + rowNumber, strings: &strings, into: &xml)
            }
            xml.raw("</row>")
        }
        xml.raw("</sheetData>")
        xml.raw("<printOptions horizontalCentered=\"1\"/>")
        xml.raw("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
        xml.raw(
            "<pageSetup paperSize=\"9\" orientation=\"\(sheet.orientation.rawValue)\" fitToWidth=\"1\" fitToHeight=\"0\"/>")
        xml.raw("<headerFooter>")
        if let header = sheet.pageHeader {
            xml.raw("<oddHeader>")
            xml.text("&C" + header.replacingOccurrences(of: "&", with: "&&"))
            xml.raw("</oddHeader>")
        }
        xml.raw("<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>")
        xml.raw("</worksheet>")
        return xml.bytes
    }

    private static func writeCell(
        _ cell: XlsxCell, reference: String, strings: inout SharedStrings, into xml: inout XMLOutput
    ) {
        let style = styleIndex(cell)
        switch cell {
        case .text(let text, _), .uniqueText(let text, _):
            guard !text.isEmpty else {
                xml.raw("<c r=\"\(reference)\" s=\"\(style)\"/>")
                return
            }
            // Excel counts UTF-16 units; the byte count bounds them, so most texts need no count at all.
            let fitted =
                text.utf8.count > cellTextLimit && text.utf16.count > cellTextLimit
                ? String(text.prefix(cellTextLimit - 1)) + "…" : text
            xml.raw("<c r=\"")
            xml.raw(reference)
            xml.raw("\" s=\"")
            xml.integer(style)
            if case .text = cell {
                xml.raw("\" t=\"s\"><v>")
                xml.integer(strings.number(fitted))
                xml.raw("</v></c>")
            } else {
                // Text that does not repeat (a result's own words) is written in place: a shared entry
                // would only add a lookup.
                xml.raw("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                xml.text(fitted)
                xml.raw("</t></is></c>")
            }
        case .number(let value, _) where value.isFinite:
            xml.raw("<c r=\"\(reference)\" s=\"\(style)\"><v>\(number(value))</v></c>")
        case .rate(let value, _) where value.isFinite:
            xml.raw("<c r=\"\(reference)\" s=\"\(style)\"><v>\(number(value))</v></c>")
        case .date(let year, let month, let day, _):
            xml.raw("<c r=\"\(reference)\" s=\"\(style)\"><v>\(serial(year: year, month: month, day: day))</v></c>")
        case .number, .rate, .empty:
            xml.raw("<c r=\"\(reference)\" s=\"\(style)\"/>")
        }
    }

    /// The height of one line of 12 pt Times New Roman, in points.
    static let lineHeight = 15.75

    /// The lines the tallest wrapping cell of a row takes at the columns' widths: a column of width w holds
    /// about 1.15 w characters of Times New Roman (w counts widths of "0"), a bold header about w.
    static func lineCount(_ row: [XlsxCell], widths: [Double]) -> Int {
        var tallest = 1
        for (index, cell) in row.enumerated() where index < widths.count {
            guard let text = cell.textValue, cell.role != .title, cell.role != .note else { continue }
            let role = cell.role
            let capacity = max(1, Int(widths[index] * (role == .header ? 1.0 : 1.15)) - 1)
            // Characters never outnumber bytes: a short text is one line without counting anything.
            if text.utf8.count <= capacity { continue }
            var lines = 0
            var length = 0
            // Characters counted as UTF-8 lead bytes (stored text is NFC: one scalar per Vietnamese letter).
            for byte in text.utf8 {
                if byte == 0x0A {
                    lines += max(1, (length + capacity - 1) / capacity)
                    length = 0
                } else if byte & 0xC0 != 0x80 {
                    length += 1
                }
            }
            lines += max(1, (length + capacity - 1) / capacity)
            tallest = max(tallest, lines)
        }
        return tallest
    }

    /// "A1", "AB12" from zero-based indices.
    static func reference(column: Int, row: Int) -> String { columnLetters(column) + String(row + 1) }

    /// "A", "Z", "AA" from a zero-based column index.
    static func columnLetters(_ column: Int) -> String {
        var letters = ""
        var n = column + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// The day's serial in the 1900 date system (1 = 1900-01-01, counting Excel's phantom 29/02/1900, so
    /// the serial of 1900-03-01 onwards is days since 1899-12-30).
    static func serial(year: Int, month: Int, day: Int) -> Int {
        // Days from civil (Howard Hinnant), relative to 1970-01-01; 1899-12-30 is day -25569.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468 + 25_569
    }

    /// Shortest text of a number; whole numbers without a fraction.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// Each column's width: its longest line (header included) plus padding, within its bounds.
    static func columnWidths(_ sheet: XlsxSheet, count: Int) -> [Double] {
        var longest = [Int](repeating: 0, count: count)
        let caps = (0..<count).map { index in
            Int((index < sheet.columns.count ? sheet.columns[index] : XlsxColumn()).maximum) - 2
        }
        for row in sheet.rows {
            for (index, cell) in row.enumerated() where index < count && longest[index] < caps[index] {
                if cell.role == .title || cell.role == .note { continue }  // they run across the columns
                let length: Int
                switch cell {
                case .text(let text, _), .uniqueText(let text, _):
                    // The longest line in characters (a column stops looking once it reached its maximum).
                    var best = 0
                    var current = 0
                    for byte in text.utf8 {
                        if byte == 0x0A {
                            best = max(best, current)
                            current = 0
                        } else if byte & 0xC0 != 0x80 {
                            current += 1
                        }
                    }
                    length = max(best, current)
                case .number(let value, _): length = number(value).count + 1
                case .date: length = 10
                case .rate: length = 6
                case .empty: length = 0
                }
                longest[index] = max(longest[index], length)
            }
        }
        return (0..<count).map { index in
            let bounds = index < sheet.columns.count ? sheet.columns[index] : XlsxColumn()
            return min(max(Double(longest[index]) + 2, bounds.minimum), bounds.maximum)
        }
    }

    // MARK: - Styles

    /// Cell formats: 0 the default, then for each role (body, emphasis, header) one per kind (text,
    /// number, date, rate), then 13 a title and 14 a note.
    private static func styleIndex(_ cell: XlsxCell) -> Int {
        let role: Int
        switch cell.role {
        case .body: role = 0
        case .emphasis: role = 1
        case .header: role = 2
        case .title: return 13
        case .note: return 14
        }
        let kind: Int
        switch cell {
        case .text, .uniqueText, .empty: kind = 0
        case .number: kind = 1
        case .date: kind = 2
        case .rate: kind = 3
        }
        return 1 + role * 4 + kind
    }

    private static let styles: String = {
        // numFmt 0 General, 164 dd/mm/yyyy, 165 one-decimal percentage.
        let formats = [0, 0, 164, 165]
        var xfs = ["<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"]
        for (font, fill, horizontal) in [(0, 0, ""), (1, 0, ""), (1, 2, " horizontal=\"center\"")] {
            for format in formats {
                let vertical = fill == 2 ? "center" : "top"
                xfs.append(
                    "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"1\" xfId=\"0\""
                        + (format == 0 ? "" : " applyNumberFormat=\"1\"")
                        + " applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\">"
                        + "<alignment\(horizontal) vertical=\"\(vertical)\" wrapText=\"1\"/></xf>")
            }
        }
        xfs.append("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>")
        xfs.append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>")
        let thin = "<left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
            + "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/>"
        return declaration + "<styleSheet xmlns=\"\(main)\">"
            + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"0.0%\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"12\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
            + "<font><b/><sz val=\"12\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font></fonts>"
            + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>\(thin)</border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(xfs.count)\">" + xfs.joined() + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }()

    // MARK: - Package parts

    static func workbookXML(_ sheets: [XlsxSheet], names: [String]) -> String {
        var xml = XMLOutput(capacity: 1024)
        xml.raw(declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">")
        xml.raw("<bookViews><workbookView/></bookViews><sheets>")
        for (index, name) in names.enumerated() {
            xml.raw("<sheet name=\"")
            xml.attribute(name)
            xml.raw("\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>")
        }
        xml.raw("</sheets>")
        let titled = sheets.enumerated().filter { $0.element.headerRows > 0 && !$0.element.rows.isEmpty }
        if !titled.isEmpty {
            xml.raw("<definedNames>")
            for (index, sheet) in titled {
                xml.raw("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">")
                xml.text("'" + names[index].replacingOccurrences(of: "'", with: "''") + "'!$1:$\(sheet.headerRows)")
                xml.raw("</definedName>")
            }
            xml.raw("</definedNames>")
        }
        xml.raw("</workbook>")
        return xml.string
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...sheetCount {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rIdStyles\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rIdStrings\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    func contentTypes(sheetCount: Int) -> String {
        var xml = Self.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for index in 1...sheetCount {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        return xml + CoreProperties.contentTypeOverrides(workbook.properties) + "</Types>"
    }
}
