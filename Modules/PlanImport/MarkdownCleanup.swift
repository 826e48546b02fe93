import Foundation

/// Markdown (and Markdown-like conversion residue) → plain text: headings, emphasis, escapes, bullets.
enum MarkdownCleanup {
    /// Whether a text reads as Markdown: ATX headings, pipe-table rules, emphasis pairs.
    static func looksLikeMarkdown(_ lines: [Substring]) -> Bool {
        var score = 0
        for line in lines.prefix(2000) {
            // Only lines with a Markdown character are looked at closely.
            guard line.utf8.contains(where: { $0 == 0x23 || $0 == 0x2A || $0 == 0x5F || $0 == 0x7C }) else { continue }
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("#") {
                let hashes = trimmed.prefix { $0 == "#" }.count
                if hashes <= 6, trimmed.dropFirst(hashes).first == " " { score += 2 }
            }
            if isTableRule(trimmed) { score += 3 }
            if hasPair(trimmed.utf8, 0x2A) || hasPair(trimmed.utf8, 0x5F) { score += 1 }
            if hasSingleStarEmphasis(trimmed) { score += 1 }
            if score >= 3 { return true }
        }
        return false
    }

    /// Two of the byte in a row ("**", "__").
    private static func hasPair(_ bytes: Substring.UTF8View, _ byte: UInt8) -> Bool {
        var previous: UInt8 = 0
        for current in bytes {
            if current == byte, previous == byte { return true }
            previous = current
        }
        return false
    }

    /// "|---|:---:|" or "--- | ---".
    static func isTableRule(_ line: some StringProtocol) -> Bool {
        var dashes = 0
        var pipes = 0
        for character in line {
            switch character {
            case "-": dashes += 1
            case "|": pipes += 1
            case ":", " ", "\t", "+": continue
            default: return false
            }
        }
        return dashes >= 3 && pipes >= 1
    }

    private static func hasSingleStarEmphasis(_ line: Substring) -> Bool {
        guard let open = line.firstIndex(of: "*") else { return false }
        let after = line[line.index(after: open)...]
        guard let next = after.first, next != " ", next != "*" else { return false }
        return after.dropFirst().contains("*")
    }

    /// Removes a heading's "#"s and a block quote's ">", and turns "* " bullets into "- ".
    static func stripLineMarkers(_ line: String) -> String {
        var text = Substring(line).drop { $0 == " " || $0 == "\t" }
        if text.hasPrefix("#") {
            let hashes = text.prefix { $0 == "#" }.count
            if hashes <= 6, text.dropFirst(hashes).first == " " || text.count == hashes {
                text = text.dropFirst(hashes).drop { $0 == " " }
                // Closing hashes: "## Title ##".
                while text.hasSuffix("#") { text = text.dropLast() }
                while text.hasSuffix(" ") { text = text.dropLast() }
            }
        }
        while text.hasPrefix(">") { text = text.dropFirst().drop { $0 == " " } }
        if text.hasPrefix("* ") || text.hasPrefix("*\t") { return "- " + text.dropFirst(2) }
        return String(text)
    }

    /// Removes emphasis markers (**, __, *x*, _x_), inline code ticks, HTML line breaks and backslash
    /// escapes, keeping the words.
    static func stripEmphasis(_ line: String) -> String {
        // * _ \ ` < (bytes, so that lines without markup cost one pass)
        guard line.utf8.contains(where: { $0 == 0x2A || $0 == 0x5F || $0 == 0x5C || $0 == 0x60 || $0 == 0x3C }) else {
            return line
        }
        var text = line
        for tag in ["<br/>", "<br />", "<br>", "<BR>"] where text.contains(tag) {
            text = text.replacingOccurrences(of: tag, with: "\n")
        }
        text = text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
        let characters = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for (index, character) in characters.enumerated() {
            let previous: Character? = index > 0 ? characters[index - 1] : nil
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\\":
                if let next, next.isASCII, next.isPunctuation || next.isSymbol { continue }
            case "*", "_", "`":
                let openBefore = previous.map { $0.isWhitespace || $0.isPunctuation } ?? true
                let wordAfter = next.map { !$0.isWhitespace } ?? false
                let wordBefore = previous.map { !$0.isWhitespace } ?? false
                let closeAfter = next.map { $0.isWhitespace || $0.isPunctuation } ?? true
                if character == "_", let previous, let next, previous.isLetter || previous.isNumber,
                    next.isLetter || next.isNumber
                {
                    break  // snake_case stays
                }
                if (openBefore && wordAfter) || (wordBefore && closeAfter) { continue }
            default:
                break
            }
            out.append(character)
        }
        return out
    }
}
