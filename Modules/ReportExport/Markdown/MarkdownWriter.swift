/// Markdown building blocks: escaping of text that must stay literal, paragraphs, lists and tables.
struct MarkdownWriter {
    private(set) var text = ""

    /// Text with Markdown's inline markers escaped; line-start markers (#, >, lists) too when `atLineStart`.
    static func escape(_ raw: String, atLineStart: Bool = false) -> String {
        var out = ""
        for character in raw {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~": out += "\\" + String(character)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        guard atLineStart, let first = out.first else { return out }
        if "#+-=".contains(first) { return "\\" + out }
        // "1. …" or "1) …" would start an ordered list.
        let digits = out.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = out.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + out.dropFirst(digits.count)
        }
        return out
    }

    static func spans(_ spans: [TextSpan], atLineStart: Bool = true) -> String {
        var out = ""
        for (index, span) in spans.enumerated() {
            let body = escape(span.text, atLineStart: atLineStart && index == 0)
            // Emphasis markers must hug non-space text: keep surrounding spaces outside them.
            let core = VietnameseFormat.trimmed(body)
            guard (span.bold || span.italic), !core.isEmpty else {
                out += body
                continue
            }
            let leading = String(body.prefix { $0.isWhitespace })
            let trailing = String(body.reversed().prefix { $0.isWhitespace }.reversed())
            let marker = span.bold && span.italic ? "***" : span.bold ? "**" : "*"
            out += leading + marker + core + marker + trailing
        }
        return out
    }

    mutating func line(_ line: String = "") { text += line + "\n" }

    mutating func paragraph(_ line: String) {
        closeList()
        text += line + "\n\n"
    }

    /// A list ends with a blank line before the next paragraph, heading or table.
    private mutating func closeList() {
        if text.hasSuffix("\n"), !text.hasSuffix("\n\n"), !text.isEmpty { text += "\n" }
    }

    mutating func block(_ block: ReportBlock) {
        switch block {
        case let .heading(title, level):
            paragraph(String(repeating: "#", count: level + 1) + " " + Self.escape(title))
        case .paragraph(let spans):
            paragraph(Self.spans(spans))
        case let .item(spans, level):
            var spans = spans
            if let first = spans.first, first.text.hasPrefix("- ") || first.text.hasPrefix("+ ") {
                spans[0].text.removeFirst(2)
            }
            let indent = String(repeating: "  ", count: max(0, level - 1))
            text += indent + "- " + Self.spans(spans, atLineStart: false) + "\n"
        case .table(let table):
            self.table(table)
        }
    }

    mutating func table(_ table: BlockTable) {
        closeList()
        text += "| " + table.headers.map { Self.escape($0) }.joined(separator: " | ") + " |\n"
        text +=
            "|"
            + table.alignments.map {
                switch $0 {
                case .left: return " --- |"
                case .center: return " :---: |"
                case .right: return " ---: |"
                }
            }.joined() + "\n"
        for row in table.rows {
            switch row {
            case .cells(let cells), .emphasised(let cells):
                var emphasised = false
                if case .emphasised = row { emphasised = true }
                let rendered = (0..<table.headers.count).map { column in
                    let cell = column < cells.count ? cells[column].map { Self.escape($0) }.joined(separator: "<br>") : ""
                    return emphasised && !cell.isEmpty ? "**\(cell)**" : cell
                }
                text += "| " + rendered.joined(separator: " | ") + " |\n"
            case let .group(label, title):
                var rendered = ["**\(Self.escape(label))**", "**\(Self.escape(title))**"]
                rendered += Array(repeating: "", count: max(0, table.headers.count - 2))
                text += "| " + rendered.joined(separator: " | ") + " |\n"
            }
        }
        text += "\n"
    }
}
