/// Finds field labels inside a line: a whole field line ("Cơ quan chủ trì: Sở Nội vụ.") or a task with
/// its fields written inline ("Tổ chức hội nghị … (chủ trì: Văn phòng Sở; phối hợp: …; thời gian: Quý
/// II/2024)" or "… . Thời gian thực hiện: Quý II/2024.").
enum InlineAssignmentParser {
    struct Field: Equatable {
        var field: AssignmentField
        var value: String
    }

    struct Result: Equatable {
        /// The text before the first field label (empty for a field line).
        var title: String
        var fields: [Field]
    }

    /// Splits a line into its title and fields; `fields` is empty when the line has none.
    static func parse(_ text: String) -> Result {
        guard text.contains(":") else { return Result(title: text, fields: []) }
        let characters = Array(text)
        let lower = characters.map { $0.isUppercase ? ($0.lowercased().first ?? $0) : $0 }
        var found: [(labelStart: Int, valueStart: Int, field: AssignmentField, inParentheses: Bool)] = []
        for (index, character) in characters.enumerated() where character == ":" {
            // "8:30" is a time, not a label.
            if index > 0, index + 1 < characters.count, characters[index - 1].isNumber,
                characters[index + 1].isNumber
            {
                continue
            }
            guard let (start, field) = label(endingAt: index, in: characters, lower: lower) else { continue }
            if let last = found.last, start < last.valueStart { continue }
            let opened = characters[..<start].lastIndex(of: "(")
            let closed = characters[..<start].lastIndex(of: ")")
            let inParentheses = opened != nil && (closed == nil || closed! < opened!)
            found.append((start, index + 1, field, inParentheses))
        }
        guard !found.isEmpty else { return Result(title: text, fields: []) }
        var fields: [Field] = []
        for (position, entry) in found.enumerated() {
            var end = position + 1 < found.count ? found[position + 1].labelStart : characters.count
            if entry.inParentheses, let close = characters[entry.valueStart..<end].firstIndex(of: ")") {
                end = close
            }
            let value = TextNormalization.trimUnbalancedParentheses(
                TextNormalization.trim(String(characters[entry.valueStart..<end]), [";", ",", "."]))
            fields.append(Field(field: entry.field, value: value))
        }
        let title = TextNormalization.trim(String(characters[..<found[0].labelStart]), ["(", ";", ",", ":", "-", "–"])
        return Result(title: title, fields: fields)
    }

    /// The longest field label that ends at the colon: word starts going back up to 8 words, not
    /// crossing "(", ";", "." or a closing ")".
    private static func label(endingAt colon: Int, in characters: [Character], lower: [Character])
        -> (Int, AssignmentField)?
    {
        var best: (Int, AssignmentField)?
        var index = colon - 1
        var words = 0
        while index >= 0, words <= 8 {
            let character = characters[index]
            if character == "(" || character == ";" || character == "." || character == ")" || character == "\n" {
                break
            }
            let atWordStart =
                !character.isWhitespace
                && (index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber))
            if atWordStart {
                words += 1
                // Only a word that begins one of the label openings can start a label.
                if FieldLabels.openingInitials.contains(lower[index]) {
                    let candidate = String(lower[index..<colon])
                    if FieldLabels.startsWithOpening(candidate), let field = FieldLabels.classify(candidate) {
                        best = (index, field)
                    }
                }
            }
            index -= 1
        }
        return best
    }
}
