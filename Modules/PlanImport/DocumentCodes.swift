import PlanCore

/// Số và ký hiệu ("96/KH-UBND", "123/2024/QĐ-UBND", blank "/KH-SLĐTBXH") and written dates.
enum DocumentCodes {
    /// A document code read from text.
    struct Code: Equatable {
        /// "96/KH-UBND"; nil when the number is blank.
        var code: String?
        var number: String?
        /// The part after the first "/".
        var symbol: String
        /// The type abbreviation ("KH"), when the ký hiệu starts with a known one.
        var type: String?
        var isBlank: Bool { number == nil }
    }

    /// Reads a code at the start of `text` (after "Số:" or "Kế hoạch số"): digits (or nothing, dots,
    /// underscores for a blank number), "/", the ký hiệu. Spaces around "/" and "-" are dropped.
    static func code(at text: Substring) -> (code: Code, rest: Substring)? {
        var index = text.startIndex
        var numberPart = ""
        while index < text.endIndex {
            let character = text[index]
            if character.isASCII, character.isNumber, numberPart.count < 6 {
                numberPart.append(character)
            } else if !(character == " " || character == "." || character == "…" || character == "_") {
                break
            }
            index = text.index(after: index)
        }
        guard index < text.endIndex, text[index] == "/" else { return nil }
        index = text.index(after: index)
        var symbol = ""
        func skipSpaces() {
            while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
        }
        skipSpaces()
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber || character == "&" {
                symbol.append(character)
            } else if character == "-" || character == "–" || character == "/" {
                symbol.append(character == "/" ? "/" : "-")
                index = text.index(after: index)
                skipSpaces()
                continue
            } else if character == " " {
                let save = index
                skipSpaces()
                if index < text.endIndex, text[index] == "-" || text[index] == "/" || text[index] == "–" { continue }
                index = save
                break
            } else {
                break
            }
            index = text.index(after: index)
        }
        while symbol.hasSuffix("-") || symbol.hasSuffix("/") { symbol.removeLast() }
        guard symbol.contains(where: \.isLetter) else { return nil }
        let number = numberPart.isEmpty ? nil : numberPart
        let lastPart = symbol.split(separator: "/").last.map(String.init) ?? symbol
        let typeCandidate = lastPart.split(separator: "-").first.map(String.init) ?? lastPart
        let type = DocumentTypes.isAbbreviation(typeCandidate) ? typeCandidate : nil
        let code = Code(code: number.map { "\($0)/\(symbol)" }, number: number, symbol: symbol, type: type)
        return (code, text[index...])
    }

    /// A written date after "ngày": "19/3/2024", "19-3-2024", "19 tháng 3 năm 2024", with blanks
    /// allowed ("  tháng 5 năm 2024", "…/5/2024").
    struct WrittenDate: Equatable {
        var day: Int?
        var month: Int?
        var year: Int?
        var isComplete: Bool { day != nil && month != nil && year != nil }
        var value: Day? {
            guard let day, let month, let year else { return nil }
            return Day(year, month, day)
        }
    }

    /// Reads the date that follows the word "ngày" at the start of `text` ("ngày" included).
    static func date(at text: Substring) -> (date: WrittenDate, rest: Substring)? {
        let lower = text.lowercased()
        guard lower.hasPrefix("ngày") else { return nil }
        var words: [(word: Substring, end: String.Index)] = []
        var index = text.index(text.startIndex, offsetBy: 4)
        while index < text.endIndex, words.count < 8 {
            while index < text.endIndex, text[index] == " " { index = text.index(after: index) }
            let start = index
            while index < text.endIndex, text[index] != " " { index = text.index(after: index) }
            if start < index { words.append((text[start..<index], index)) }
        }
        guard let first = words.first else { return nil }
        // Slashed form: "19/3/2024", "19-3-2024", "  /5/2024".
        var token = first.word
        while let last = token.last, ",;:).".contains(last) { token = token.dropLast() }
        let separator: Character? =
            token.contains("/") ? "/" : (token.contains("-") && token.first?.isNumber == true ? "-" : nil)
        if let separator {
            let parts = token.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3 else { return nil }
            func number(_ part: Substring) -> Int? {
                guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                return Int(part)
            }
            let date = WrittenDate(day: number(parts[0]), month: number(parts[1]), year: number(parts[2]))
            return (date, text[first.end...])
        }
        // Worded form: [day] tháng [month] năm [year].
        var position = 0
        var date = WrittenDate()
        if position < words.count, let day = Int(words[position].word) {
            date.day = day
            position += 1
        }
        while position < words.count, isBlank(words[position].word) { position += 1 }
        guard position < words.count, words[position].word.lowercased() == "tháng" else { return nil }
        position += 1
        if position < words.count, let month = Int(words[position].word) {
            date.month = month
            position += 1
        }
        while position < words.count, isBlank(words[position].word) { position += 1 }
        guard position < words.count, words[position].word.lowercased() == "năm" else {
            return (date, text[words[min(position, words.count) - 1].end...])
        }
        position += 1
        var end = words[position - 1].end
        if position < words.count {
            let yearText = words[position].word.prefix { $0.isNumber }
            if yearText.count == 4, let year = Int(yearText) {
                date.year = year
                end = text.index(words[position].word.startIndex, offsetBy: yearText.count)
            }
        }
        return (date, text[end...])
    }

    private static func isBlank(_ word: Substring) -> Bool {
        word.allSatisfy { $0 == "." || $0 == "…" || $0 == "_" || $0 == "-" }
    }
}
