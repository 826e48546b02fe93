/// Finds field labels inside a line: a whole field line ("Cơ quan chủ trì: Sở Nội vụ.") or a task with
/// its fields written inline ("Tổ chức hội nghị … (chủ trì: Văn phòng Sở; phối hợp: …; thời gian: Quý
/// II/2024)" or "… . Thời gian thực hiện: Quý II/2024.").
///
/// Works on Unicode scalars (the text is NFC): this runs on every line of a plan.
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
        guard text.utf8.contains(0x3A) else { return Result(title: text, fields: []) }
        let scalars = Array(text.unicodeScalars)
        let lower = scalars.map(TextNormalization.lowercase)
        var found: [(labelStart: Int, valueStart: Int, field: AssignmentField)] = []
        for index in scalars.indices where scalars[index] == ":" {
            // "8:30" is a time, not a label.
            if index > 0, index + 1 < scalars.count, isDigit(scalars[index - 1]), isDigit(scalars[index + 1]) {
                continue
            }
            guard let (start, field) = label(endingAt: index, in: lower) else { continue }
            if let last = found.last, start < last.valueStart { continue }
            found.append((start, index + 1, field))
        }
        guard !found.isEmpty else { return Result(title: text, fields: []) }
        var fields: [Field] = []
        for (position, entry) in found.enumerated() {
            var end = position + 1 < found.count ? found[position + 1].labelStart : scalars.count
            if isInsideParentheses(entry.labelStart, scalars),
                let close = scalars[entry.valueStart..<end].firstIndex(of: ")")
            {
                end = close
            }
            let value = TextNormalization.trimUnbalancedParentheses(
                TextNormalization.trim(string(scalars[entry.valueStart..<end]), [";", ",", "."]))
            fields.append(Field(field: entry.field, value: value))
        }
        let title = TextNormalization.trim(string(scalars[..<found[0].labelStart]), ["(", ";", ",", ":", "-", "–"])
        return Result(title: title, fields: fields)
    }

    /// The longest field label that ends at the colon: word starts going back up to 8 words, not
    /// crossing "(", ";", "." or a closing ")".
    private static func label(endingAt colon: Int, in lower: [Unicode.Scalar]) -> (Int, AssignmentField)? {
        var best: (Int, AssignmentField)?
        var index = colon - 1
        var words = 0
        while index >= 0, words <= 8 {
            let scalar = lower[index]
            if scalar == "(" || scalar == ";" || scalar == "." || scalar == ")" || scalar == "\n" { break }
            if isWordScalar(scalar), index == 0 || !isWordScalar(lower[index - 1]) {
                words += 1
                // Only a word that begins one of the label openings can start a label.
                if let openings = FieldLabels.openingsByInitial[scalar],
                    openings.contains(where: { matches($0, in: lower, at: index, before: colon) }),
                    let field = FieldLabels.classifyFolded(string(lower[index..<colon]))
                {
                    best = (index, field)
                }
            }
            index -= 1
        }
        return best
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

    private static func isInsideParentheses(_ position: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        var index = position - 1
        while index >= 0 {
            if scalars[index] == ")" { return false }
            if scalars[index] == "(" { return true }
            index -= 1
        }
        return false
    }

    @inline(__always)
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        let digits: ClosedRange<UInt32> = 0x30...0x39
        return digits.contains(scalar.value)
    }

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

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
