import Foundation

/// Plain text and Markdown → blocks: one paragraph per non-empty line, pipe tables as tables.
enum TextBlockReader {
    /// Reads decoded text; `markdown` also removes Markdown markers (headings, emphasis, escapes).
    static func read(_ text: String, markdown: Bool) -> [Block] {
        let lines = splitLines(text)
        var blocks: [Block] = []
        blocks.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            // A run of table lines (two or more) is a table.
            var end = index
            while end < lines.count, isTableLine(lines[end]) { end += 1 }
            if end - index >= 2, let table = table(lines[index..<end], firstLine: index + 1) {
                blocks.append(.table(table))
                index = end
                continue
            }
            if let paragraph = paragraph(lines[index], lineNumber: index + 1, markdown: markdown) {
                blocks.append(.paragraph(paragraph))
            }
            index += 1
        }
        return blocks
    }

    /// Lines split at CRLF, CR, LF or U+2028 (scanning UTF-8 bytes).
    static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(text[start..<index])
                var next = utf8.index(after: index)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                index = next
                continue
            }
            if byte == 0xE2 {
                let second = utf8.index(after: index)
                if second != utf8.endIndex, utf8[second] == 0x80 {
                    let third = utf8.index(after: second)
                    if third != utf8.endIndex, utf8[third] == 0xA8 {
                        lines.append(text[start..<index])
                        start = utf8.index(after: third)
                        index = start
                        continue
                    }
                }
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { lines.append(text[start...]) }
        return lines
    }

    // MARK: Paragraphs

    private static func paragraph(_ line: Substring, lineNumber: Int, markdown: Bool) -> Paragraph? {
        var raw = String(line)
        if isRule(raw) { return nil }
        if markdown {
            raw = MarkdownCleanup.stripEmphasis(MarkdownCleanup.stripLineMarkers(raw))
            raw = raw.replacingOccurrences(of: "\n", with: " ")
        }
        let columns = splitColumns(raw)
        let text = TextNormalization.clean(raw)
        guard !text.isEmpty, !isRule(text) else { return nil }
        return Paragraph(text: text, columns: columns.count > 1 ? columns : [text], location: .line(lineNumber))
    }

    /// A line of only "-", "_", "=", "*", "~" (a drawn rule or a Markdown thematic break).
    static func isRule(_ text: some StringProtocol) -> Bool {
        // Quick exit on the first byte that is not a space: a rule starts with - _ = * ~ . or a dash (E2 80 …).
        guard let first = text.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }),
            first == 0x2D || first == 0x5F || first == 0x3D || first == 0x2A || first == 0x7E || first == 0x2E
                || first == 0xE2
        else { return false }
        var count = 0
        for character in text where !character.isWhitespace {
            guard "-_=*~—–.".contains(character) else { return false }
            count += 1
        }
        return count >= 3
    }

    /// Two columns laid side by side: pieces separated by a tab or by three or more spaces.
    static func splitColumns(_ raw: String) -> [String] {
        guard hasColumnGap(raw) else { return [TextNormalization.clean(raw)] }
        var pieces: [String] = []
        var current = ""
        var spaces = 0
        func flush() {
            let piece = TextNormalization.clean(current)
            if !piece.isEmpty { pieces.append(piece) }
            current = ""
        }
        for character in raw {
            if character == "\t" {
                flush()
                spaces = 0
                continue
            }
            if character == " " {
                spaces += 1
                if spaces == 3 { flush() }
                if spaces < 3 { current.append(character) }
                continue
            }
            spaces = 0
            current.append(character)
        }
        flush()
        return pieces.isEmpty ? [""] : mergeBlanks(pieces)
    }

    /// Gaps left for a number or a day still to be filled in are not column gaps: "Số:      /KH-SNV",
    /// "ngày      tháng 5 năm 2024".
    private static func mergeBlanks(_ pieces: [String]) -> [String] {
        var merged: [String] = []
        for piece in pieces {
            if let last = merged.last {
                let lower = last.lowercased()
                let openEnded = ["số:", "số", "ngày", "tháng", "năm"].contains { lower.hasSuffix($0) }
                let continuing = piece.hasPrefix("/") || piece.hasPrefix("tháng") || piece.hasPrefix("năm")
                if openEnded || continuing {
                    merged[merged.count - 1] = last + " " + piece
                    continue
                }
            }
            merged.append(piece)
        }
        return merged
    }

    /// A tab, or three spaces in a row after some text.
    private static func hasColumnGap(_ raw: String) -> Bool {
        var spaces = 0
        var sawText = false
        for byte in raw.utf8 {
            if byte == 0x09 { return sawText }
            if byte == 0x20 {
                spaces += 1
                if spaces >= 3, sawText { return true }
            } else {
                spaces = 0
                sawText = true
            }
        }
        return false
    }

    // MARK: Tables

    /// A pipe-table line: Markdown "| a | b |" or plain "a | b | c" (at least three cells).
    static func isTableLine(_ line: Substring) -> Bool {
        guard line.utf8.contains(0x7C) else { return false }
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if MarkdownCleanup.isTableRule(trimmed) { return true }
        // Markdown rows ("| a | b |") and plain rows ("a | b | c") both have two pipes or more.
        return trimmed.reduce(0) { $0 + ($1 == "|" ? 1 : 0) } >= 2
    }

    /// The table of a run of pipe lines: two rows or more, or one row over a separator row (a Markdown
    /// table that is only its header row, as a header table converted to Markdown often is).
    private static func table(_ lines: ArraySlice<Substring>, firstLine: Int) -> Table? {
        var rows: [TableRow] = []
        var ruled = false
        for (offset, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if MarkdownCleanup.isTableRule(trimmed) {
                ruled = !rows.isEmpty
                continue
            }
            let cells = splitCells(trimmed).map { cellText -> TableCell in
                let cleaned = MarkdownCleanup.stripEmphasis(cellText)
                let cellLines = cleaned.split(separator: "\n").map { TextNormalization.clean(String($0)) }
                    .filter { !$0.isEmpty }
                return TableCell(lines: cellLines)
            }
            rows.append(TableRow(cells: cells, location: .line(firstLine + offset)))
        }
        return rows.count >= 2 || (ruled && rows.count == 1) ? Table(rows: rows) : nil
    }

    /// Cells of a pipe row; outer pipes are optional, "\|" is a literal pipe.
    private static func splitCells(_ line: Substring) -> [String] {
        // Split on scalars, not characters: "|" stays a separator even before a combining mark, and it is faster.
        var cells: [String] = []
        let scalars = line.unicodeScalars
        var start = scalars.startIndex
        var index = start
        var escaped = false
        while index != scalars.endIndex {
            let value = scalars[index].value
            if escaped {
                escaped = false
            } else if value == 0x5C {
                escaped = true
            } else if value == 0x7C {
                cells.append(String(Substring(scalars[start..<index])))
                start = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        cells.append(String(Substring(scalars[start..<index])))
        if line.hasPrefix("|"), cells.first?.trimmingCharacters(in: .whitespaces).isEmpty == true {
            cells.removeFirst()
        }
        if line.hasSuffix("|"), cells.last?.trimmingCharacters(in: .whitespaces).isEmpty == true {
            cells.removeLast()
        }
        return cells.map { $0.utf8.contains(0x5C) ? $0.replacingOccurrences(of: "\\|", with: "|") : $0 }
    }
}
