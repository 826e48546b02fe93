/// Finds field labels inside a line: a whole field line ("Cơ quan chủ trì: Sở Nội vụ.") or a task with
/// its fields written inline ("Tổ chức hội nghị … (chủ trì: Văn phòng Sở; phối hợp: …; thời gian: Quý
/// II/2024)" or "… . Thời gian thực hiện: Quý II/2024.").
///
/// This runs on every line of a plan, so it looks only at the few words before each colon.
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
        let utf8 = text.utf8
        guard utf8.contains(0x3A) else { return Result(title: text, fields: []) }
        var found: [(labelStart: String.Index, valueStart: String.Index, field: AssignmentField)] = []
        var index = utf8.startIndex
        while index != utf8.endIndex {
            defer { index = utf8.index(after: index) }
            guard utf8[index] == 0x3A else { continue }
            // "8:30" is a time, not a label.
            if index != utf8.startIndex, isDigitByte(utf8[utf8.index(before: index)]) {
                let next = utf8.index(after: index)
                if next != utf8.endIndex, isDigitByte(utf8[next]) { continue }
            }
            guard let (start, field) = label(endingAt: index, in: text) else { continue }
            if let last = found.last, start < last.valueStart { continue }
            found.append((start, utf8.index(after: index), field))
        }
        guard !found.isEmpty else { return Result(title: text, fields: []) }
        var fields: [Field] = []
        for (position, entry) in found.enumerated() {
            var end = position + 1 < found.count ? found[position + 1].labelStart : text.endIndex
            if isInsideParentheses(entry.labelStart, text), let close = text[entry.valueStart..<end].utf8.firstIndex(of: 0x29) {
                end = close
            }
            let value = TextNormalization.trimUnbalancedParentheses(
                TextNormalization.trim(text[entry.valueStart..<end], [";", ",", "."]))
            fields.append(Field(field: entry.field, value: value))
        }
        let title = TextNormalization.trim(text[..<found[0].labelStart], ["(", ";", ",", ":", "-", "–"])
        return Result(title: title, fields: fields)
    }

    /// The longest field label that ends at the colon: word starts going back up to 8 words, not
    /// crossing "(", ";", "." or a closing ")".
    private static func label(endingAt colon: String.Index, in text: String) -> (String.Index, AssignmentField)? {
        // The words before the colon: at most 120 bytes, cut at a scalar boundary.
        let scalarsView = text.unicodeScalars
        var windowStart = text.utf8.index(colon, offsetBy: -120, limitedBy: text.startIndex) ?? text.startIndex
        while String.Index(windowStart, within: scalarsView) == nil { windowStart = text.utf8.index(after: windowStart) }
        var lower: [Unicode.Scalar] = []
        lower.reserveCapacity(128)
        for scalar in scalarsView[windowStart..<colon] { lower.append(TextNormalization.lowercase(scalar)) }
        let end = lower.count
        var best: (offset: Int, field: AssignmentField)?
        var index = end - 1
        var words = 0
        while index >= 0, words <= 8 {
            let scalar = lower[index]
            if scalar == "(" || scalar == ";" || scalar == "." || scalar == ")" || scalar == "\n" { break }
            if isWordScalar(scalar), index == 0 || !isWordScalar(lower[index - 1]) {
                words += 1
                // Only a word that begins one of the label openings can start a label.
                if let openings = FieldLabels.openingsByInitial[scalar],
                    openings.contains(where: { matches($0, in: lower, at: index, before: end) }),
                    let field = FieldLabels.classifyFolded(
                        TextNormalization.string(lower[index..<end], capacity: (end - index) * 2))
                {
                    best = (index, field)
                }
            }
            index -= 1
        }
        guard let best else { return nil }
        return (scalarsView.index(windowStart, offsetBy: best.offset), best.field)
    }

    /// Whether `opening` is written at `index` (as whole words, before the colon).
    @inline(__always)
    private static func matches(_ opening: [Unicode.Scalar], in lower: [Unicode.Scalar], at index: Int, before end: Int)
        -> Bool
    {
        guard index + opening.count <= end else { return false }
        for offset in opening.indices where lower[index + offset] != opening[offset] { return false }
        let after = index + opening.count
        return after == end || !isWordScalar(lower[after])
    }

    /// Whether an opening parenthesis before `position` is still open.
    private static func isInsideParentheses(_ position: String.Index, _ text: String) -> Bool {
        for byte in text[..<position].utf8.reversed() {
            if byte == 0x29 { return false }
            if byte == 0x28 { return true }
        }
        return false
    }

    @inline(__always)
    private static func isDigitByte(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Letters and digits of Vietnamese text, without a Unicode property lookup: ASCII letters and
    /// digits, and everything from U+00C0 except × ÷ and the punctuation and symbol blocks.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value: UInt32 = scalar.value
        if value < 0x80 {
            let digits: ClosedRange<UInt32> = 0x30...0x39
            let upper: ClosedRange<UInt32> = 0x41...0x5A
            let lower: ClosedRange<UInt32> = 0x61...0x7A
            return digits.contains(value) || upper.contains(value) || lower.contains(value)
        }
        if value < 0xC0 || value == 0xD7 || value == 0xF7 { return false }
        let punctuation: ClosedRange<UInt32> = 0x2000...0x2BFF
        let cjkPunctuation: ClosedRange<UInt32> = 0x3000...0x303F
        return !punctuation.contains(value) && !cjkPunctuation.contains(value)
    }
}
