/// Rejoins sentences broken by a page break or a hard line wrap: a paragraph that ends without
/// terminal punctuation, followed by one that starts in lower case with no numbering label
/// ("… của tỉnh; tuyên" + "truyền tình hình …").
enum ParagraphJoiner {
    static func join(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        result.reserveCapacity(blocks.count)
        for block in blocks {
            if case .paragraph(let next) = block, case .paragraph(let previous)? = result.last,
                continues(previous, with: next)
            {
                var merged = previous
                merged.text = previous.text + " " + next.text
                merged.columns = [merged.text]
                result[result.count - 1] = .paragraph(merged)
                continue
            }
            result.append(block)
        }
        return result
    }

    static func continues(_ previous: Paragraph, with next: Paragraph) -> Bool {
        guard previous.columns.count == 1, next.columns.count == 1,
            previous.inLayoutTable == next.inLayoutTable,
            let last = previous.text.last, !terminal.contains(last),
            TextNormalization.startsLowercase(next.text),
            !TextNormalization.isUppercase(previous.text),
            Labels.parse(next.text) == nil
        else { return false }
        return true
    }

    /// Characters that end a sentence, a list item or a heading line.
    private static let terminal: Set<Character> = [".", ":", ";", "!", "?", "…"]
}
