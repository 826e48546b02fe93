/// Splits a written list of products ("12 chuyên mục phát thanh, 12 chuyên mục truyền hình, 24 tin,
/// bài trên báo") into items: semicolons and line breaks always separate; a comma or "và" separates
/// only before a counted item ("02 lớp tập huấn"), so "Tin, bài" or "Tờ gấp, video clip" stay whole.
enum ProductListSplitter {
    static func split(_ text: String) -> [String] {
        var items: [String] = []
        for segment in UnitListSplitter.strongSegments(TextNormalization.nfc(text)) {
            var current = ""
            for piece in commaPieces(segment) {
                if current.isEmpty {
                    current = piece.text
                } else if startsWithCount(piece.text) {
                    items.append(current)
                    current = piece.text
                } else {
                    current += piece.separator + piece.text
                }
            }
            if !current.isEmpty { items.append(current) }
        }
        return items.map(UnitListSplitter.cleanEntry).filter { !$0.isEmpty }
    }

    /// "02 lớp", "12 chuyên mục", "01 hội nghị" — a number followed by a word.
    private static func startsWithCount(_ text: String) -> Bool {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return false }
        let rest = text.dropFirst(digits.count)
        return rest.first == " " && rest.dropFirst().first?.isLetter == true
    }

    private static func commaPieces(_ segment: String) -> [(separator: String, text: String)] {
        var pieces: [(separator: String, text: String)] = []
        var separator = ""
        var current = ""
        var depth = 0
        var index = segment.startIndex
        while index < segment.endIndex {
            let character = segment[index]
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if depth == 0, character == "," {
                pieces.append((separator, TextNormalization.collapseWhitespace(current)))
                current = ""
                separator = ", "
            } else if depth == 0, segment[index...].hasPrefix(" và ") {
                pieces.append((separator, TextNormalization.collapseWhitespace(current)))
                current = ""
                separator = " và "
                index = segment.index(index, offsetBy: 3)
            } else {
                current.append(character)
            }
            index = segment.index(after: index)
        }
        pieces.append((separator, TextNormalization.collapseWhitespace(current)))
        return pieces.filter { !$0.text.isEmpty }
    }
}
