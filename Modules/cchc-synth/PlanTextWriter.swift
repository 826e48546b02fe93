/// Writes a plan layout as plain text (as Word's "save as text" gives it: the header table as separate
/// lines, the annex table as " | "-separated rows) or as Markdown (emphasis, headings, a pipe table).
enum PlanTextWriter {
    static func text(_ layout: PlanLayout) -> String {
        var lines: [String] = []
        lines += layout.headerLeft
        lines.append("")
        lines += layout.headerRight.prefix(2)
        lines.append("")
        lines += layout.headerRight.dropFirst(2)
        lines.append("")
        lines += [layout.typeName, layout.title, ""]
        for paragraph in layout.body {
            lines += [paragraph.text, ""]
        }
        lines.append("Nơi nhận:")
        lines += layout.recipients.map { "- " + $0 }
        lines.append("")
        lines += layout.signature
        lines += ["", layout.signerName]
        if layout.hasAnnex {
            lines.append("")
            lines += layout.annexHeading
            lines.append("")
            lines.append(layout.annexColumns.joined(separator: " | "))
            for row in layout.annexRows {
                switch row {
                case .group(let label, let title):
                    lines.append(([label, title] + Array(repeating: "", count: layout.annexColumns.count - 2)).joined(separator: " | "))
                case .activity(let cells):
                    lines.append(cells.joined(separator: " | "))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown(_ layout: PlanLayout) -> String {
        var lines: [String] = []
        lines += layout.headerLeft.map { $0 + "  " }
        lines.append("")
        lines += layout.headerRight.prefix(2).map { "**\($0)**  " }
        lines.append("")
        lines += layout.headerRight.dropFirst(2).map { "*\($0)*" }
        lines += ["", "**\(layout.typeName)**", "", "**\(layout.title)**", ""]
        for paragraph in layout.body {
            switch paragraph.style {
            case .heading: lines.append("## " + paragraph.text)
            case .subheading: lines.append("### " + paragraph.text)
            case .text, .item: lines.append(paragraph.text)
            }
            lines.append("")
        }
        lines.append("**Nơi nhận:**")
        lines += layout.recipients.map { "- " + $0 }
        lines.append("")
        lines += layout.signature.map { "**\($0)**  " }
        lines += ["", "**\(layout.signerName)**"]
        if layout.hasAnnex {
            lines.append("")
            lines += layout.annexHeading.map { "**\($0)**  " }
            lines.append("")
            lines.append("| " + layout.annexColumns.joined(separator: " | ") + " |")
            lines.append("|" + Array(repeating: "---|", count: layout.annexColumns.count).joined())
            for row in layout.annexRows {
                switch row {
                case .group(let label, let title):
                    let cells = ["**\(label)**", "**\(title)**"] + Array(repeating: "", count: layout.annexColumns.count - 2)
                    lines.append("| " + cells.joined(separator: " | ") + " |")
                case .activity(let cells):
                    lines.append("| " + cells.joined(separator: " | ") + " |")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
