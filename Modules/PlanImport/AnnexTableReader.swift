/// Task tables (usually in the Phụ lục): columns recognised from the header wording, rows read as tasks,
/// rows spanning the table (or numbered I, II…) as group headings.
enum AnnexTableReader {
    /// Where the data starts and what each grid column holds.
    struct Layout: Equatable {
        var roles: [Int: ColumnRole]
        var firstDataRow: Int
    }

    /// The layout of a task table, or nil when the table is not one (a layout table, a form).
    static func layout(_ table: Table) -> Layout? {
        for headerIndex in 0..<min(3, table.rows.count) {
            let header = table.rows[headerIndex]
            var roles: [Int: ColumnRole] = [:]
            var spans = false
            for (grid, cell) in gridCells(header) {
                guard let role = ColumnRole.recognise(cell.text) else { continue }
                for column in grid..<(grid + max(1, cell.span)) { roles[column] = role }
                if cell.span > 1 { spans = true }
            }
            let found = Set(roles.values)
            guard found.contains(.content),
                found.contains(.lead) || found.contains(.schedule) || found.contains(.coordinating)
            else { continue }
            var firstData = headerIndex + 1
            // A second header row under cells that span columns ("Đơn vị thực hiện" → "Chủ trì" | "Phối hợp").
            if spans, firstData < table.rows.count, isSubHeader(table.rows[firstData]) {
                for (grid, cell) in gridCells(table.rows[firstData]) {
                    if let role = ColumnRole.recognise(cell.text) ?? subRole(cell.text) {
                        roles[grid] = role
                    }
                }
                firstData += 1
            }
            // A row numbering the columns: "(1) | (2) | (3)".
            if firstData < table.rows.count, isColumnNumbering(table.rows[firstData]) { firstData += 1 }
            return Layout(roles: roles, firstDataRow: firstData)
        }
        return nil
    }

    static func isTaskTable(_ table: Table) -> Bool { layout(table) != nil }

    /// The tasks of a table; refs are `refPrefix` + the group numeral + the row's STT ("PL.I.3").
    static func activities(_ table: Table, refPrefix: String, group: String?) -> [ActivityDraft] {
        guard let layout = layout(table) else { return [] }
        var drafts: [ActivityDraft] = []
        var groupLabel: String?
        var groupTitle = group
        var above: [Int: [String]] = [:]
        let rows = table.rows
        var rowIndex = layout.firstDataRow
        while rowIndex < rows.count {
            defer { rowIndex += 1 }
            let row = rows[rowIndex]
            var byRole: [ColumnRole: [String]] = [:]
            var nonEmpty: [String] = []
            var widest = 0
            for (grid, cell) in gridCells(row) {
                let lines = cell.continuesMerge ? (above[grid] ?? []) : cell.lines
                above[grid] = lines
                widest = max(widest, cell.span)
                if !cell.continuesMerge, !cell.lines.isEmpty { nonEmpty.append(cell.lines.joined(separator: " ")) }
                guard let role = layout.roles[grid], !lines.isEmpty else { continue }
                // A cell spanning several columns of the same role is read once.
                if let existing = byRole[role], existing == lines { continue }
                byRole[role, default: []].append(contentsOf: lines)
            }
            let number = TextNormalization.trim(byRole[.number]?.joined(separator: " ") ?? "", [".", ")"])
            let content = TextNormalization.collapseWhitespace(byRole[.content]?.joined(separator: " ") ?? "")
            let assignments = [ColumnRole.lead, .coordinating, .schedule, .products].contains { byRole[$0] != nil }

            // A group row: one text across the table, or a Roman/capital-letter number with no units.
            if !assignments, nonEmpty.count == 1, widest > 1 || row.cells.count == 1 || number.isEmpty {
                let text = nonEmpty[0]
                if let (label, rest) = Labels.parse(text), label.isSection {
                    groupLabel = label.text
                    groupTitle = rest
                } else {
                    groupLabel = nil
                    groupTitle = text
                }
                continue
            }
            if !assignments, !content.isEmpty, Roman.value(number) != nil || isCapitalLetter(number) {
                groupLabel = number
                groupTitle = content
                continue
            }
            guard !content.isEmpty else { continue }
            var fields = AssignmentFields()
            for line in byRole[.lead] ?? [] { fields.add(.lead, line) }
            for line in byRole[.coordinating] ?? [] { fields.add(.coordinating, line) }
            if let schedule = byRole[.schedule], !schedule.isEmpty {
                fields.add(.schedule, schedule.joined(separator: layout.scheduleColumns > 1 ? " - " : " "))
            }
            for line in byRole[.products] ?? [] { fields.add(.products, line) }
            var ref = refPrefix
            if let groupLabel, !number.hasPrefix(groupLabel + ".") { ref += "." + groupLabel }
            ref += "." + (number.isEmpty ? "h\(rowIndex + 1)" : number)
            drafts.append(
                ActivityDraft(ref: ref, title: content, group: groupTitle, fields: fields, location: row.location))
        }
        return drafts
    }

    /// Cells with the grid column each starts at.
    static func gridCells(_ row: TableRow) -> [(grid: Int, cell: TableCell)] {
        var grid = 0
        var result: [(Int, TableCell)] = []
        for cell in row.cells {
            result.append((grid, cell))
            grid += max(1, cell.span)
        }
        return result
    }

    private static func isSubHeader(_ row: TableRow) -> Bool {
        var recognised = 0
        for cell in row.cells where !cell.continuesMerge && !cell.lines.isEmpty {
            let text = cell.text
            if ColumnRole.recognise(text) != nil || subRole(text) != nil {
                recognised += 1
            } else if text.contains(where: \.isNumber) {
                return false
            }
        }
        return recognised > 0
    }

    /// Sub-headers that only make sense under a spanning header: "Bắt đầu", "Kết thúc" (thời gian).
    private static func subRole(_ text: String) -> ColumnRole? {
        let folded = TextNormalization.fold(text)
        if ["bắt đầu", "kết thúc", "hoàn thành", "từ", "đến"].contains(folded) { return .schedule }
        return nil
    }

    private static func isColumnNumbering(_ row: TableRow) -> Bool {
        let texts = row.cells.map(\.text).filter { !$0.isEmpty }
        guard texts.count >= 3 else { return false }
        return texts.allSatisfy { text in
            let core = TextNormalization.trim(text, ["(", ")", "[", "]"])
            return !core.isEmpty && core.count <= 3 && core.allSatisfy { $0.isNumber }
        }
    }

    private static func isCapitalLetter(_ text: String) -> Bool {
        text.count == 1 && "ABCDEFGH".contains(text)
    }
}

extension AnnexTableReader.Layout {
    /// How many columns hold time frames ("Bắt đầu" and "Kết thúc" are joined with " - ").
    var scheduleColumns: Int { roles.values.filter { $0 == .schedule }.count }
}
