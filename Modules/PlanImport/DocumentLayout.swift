/// The regions of a plan document, in order: header (issuer, number, date), type line and title,
/// preamble (Căn cứ / Thực hiện …), body (numbered sections), closing (Nơi nhận, signature) and annex
/// (Phụ lục). Each is a range of block indices.
struct DocumentLayout {
    var header: Range<Int>
    /// The type line ("KẾ HOẠCH") as printed, and where.
    var typeName: String?
    var typeLocation: SourceLocation?
    /// Trích yếu, joined when it spans paragraphs.
    var title: String?
    var preamble: Range<Int>
    var body: Range<Int>
    var closing: Range<Int>
    var annex: Range<Int>

    init(_ blocks: [Block]) {
        let count = blocks.count
        func text(_ index: Int) -> String? { blocks[index].paragraph?.text }

        // Type line: the first one before any numbered section.
        var typeIndex: Int?
        var typeRest = ""
        for index in 0..<min(count, 80) {
            guard let line = text(index) else { continue }
            if Cues.isSectionStart(line) { break }
            if let type = DocumentTypes.typeLine(line) {
                typeIndex = index
                typeName = type.name
                typeRest = type.rest
                typeLocation = blocks[index].paragraph?.location
                break
            }
        }

        var cursor: Int
        if let typeIndex {
            header = 0..<typeIndex
            cursor = typeIndex + 1
            var titleParts: [String] = typeRest.isEmpty ? [] : [typeRest]
            while cursor < count, let paragraph = blocks[cursor].paragraph, !Cues.isBodyStart(paragraph.text),
                !Cues.isClosingStart(paragraph.text)
            {
                if !titleParts.isEmpty && !(paragraph.isBold && paragraph.isCentered) { break }
                titleParts.append(paragraph.text)
                cursor += 1
            }
            title = titleParts.isEmpty ? nil : titleParts.joined(separator: " ")
        } else {
            // No type line: the header runs to the first paragraph that opens the body.
            var end = 0
            while end < min(count, 40), let line = text(end), !Cues.isBodyStart(line) { end += 1 }
            if end >= min(count, 40) { end = 0 }
            header = 0..<end
            cursor = end
        }

        let preambleStart = cursor
        var closingStart = count
        var index = preambleStart
        while index < count {
            if let line = text(index) {
                if Cues.isClosingStart(line) && index > preambleStart {
                    closingStart = index
                    break
                }
                if index > preambleStart, let previous = text(index - 1), previous.hasSuffix("/."),
                    TextNormalization.isUppercase(line), TextNormalization.words(line).count <= 8,
                    !Cues.isAnnexHeading(line)
                {
                    closingStart = index
                    break
                }
            }
            index += 1
        }
        var bodyStart = closingStart
        for index in preambleStart..<closingStart {
            switch blocks[index] {
            case .paragraph(let paragraph):
                if Cues.isSectionStart(paragraph.text) || Cues.isAnnexHeading(paragraph.text) { bodyStart = index }
            case .table:
                bodyStart = index
            }
            if bodyStart != closingStart { break }
        }
        var annexStart = count
        for index in bodyStart..<count {
            if let line = text(index), Cues.isAnnexHeading(line) {
                annexStart = index
                break
            }
        }
        preamble = preambleStart..<bodyStart
        if annexStart < closingStart {
            body = bodyStart..<annexStart
            annex = annexStart..<closingStart
            closing = closingStart..<count
        } else {
            body = bodyStart..<closingStart
            closing = closingStart..<annexStart
            annex = annexStart..<count
        }
    }
}

/// Wording that marks where the regions of a document begin.
enum Cues {
    /// A paragraph that opens the body: the legal basis, a numbered section, a long sentence.
    static func isBodyStart(_ text: String) -> Bool {
        isPreambleStart(text) || isSectionStart(text)
    }

    /// "Căn cứ …", "Thực hiện …", "Triển khai …", "Xét đề nghị …".
    static func isPreambleStart(_ text: String) -> Bool {
        let folded = TextNormalization.fold(String(text.prefix(40)))
        return preambleOpenings.contains { TextNormalization.hasWordPrefix(folded, $0) }
    }

    private static let preambleOpenings = [
        "căn cứ", "thực hiện", "triển khai", "xét đề nghị", "theo đề nghị", "nhằm", "để triển khai",
        "để thực hiện", "thi hành",
    ]

    /// A paragraph numbered as a section: "I.", "1.", "1.1.", "A.".
    static func isSectionStart(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first.isNumber else { return false }
        guard let label = Labels.parse(text)?.label else { return false }
        return label.kind == .roman || label.kind == .arabic || label.kind == .upperLetter
    }

    /// "Nơi nhận:" or a signing capacity ("TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC").
    static func isClosingStart(_ text: String) -> Bool {
        // "Nơi nhận", "TM.", "T/M", "KT.", "TL.", "TUQ.", "Q." all start with one of these letters.
        guard let first = text.utf8.first, first == 0x4E || first == 0x6E || first == 0x54 || first == 0x4B
            || first == 0x51
        else { return false }
        return isRecipientsHeading(text) || isCapacity(text)
    }

    static func isRecipientsHeading(_ text: String) -> Bool {
        TextNormalization.fold(String(text.prefix(12))).hasPrefix("nơi nhận")
    }

    /// Thẩm quyền ký: TM. / T/M / KT. / TL. / TUQ. / Q. followed by an upper-case title.
    static func isCapacity(_ text: String) -> Bool {
        for prefix in ["TM.", "T/M", "T.M.", "KT.", "K/T", "TL.", "T/L", "TUQ.", "Q."] where text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count).drop { $0 == " " }
            return !rest.isEmpty && TextNormalization.isUppercase(rest) && TextNormalization.words(rest).count <= 10
        }
        return false
    }

    /// "PHỤ LỤC", "Phụ lục I", "PHỤ LỤC: DANH MỤC …".
    static func isAnnexHeading(_ text: String) -> Bool {
        if text.hasPrefix("PHỤ LỤC") { return TextNormalization.hasWordPrefix(text, "PHỤ LỤC") }
        guard text.hasPrefix("Phụ lục"), TextNormalization.hasWordPrefix(text, "Phụ lục") else { return false }
        return TextNormalization.words(text).count <= 4
    }

    /// The number of an annex heading ("PHỤ LỤC II" → "II", "Phụ lục 1" → "1"), and its own title
    /// when written on the same line after ":" or "-".
    static func annexNumberAndTitle(_ text: String) -> (number: String?, title: String?) {
        var rest = text.dropFirst("PHỤ LỤC".count).drop { $0 == " " }
        var number: String?
        let word = rest.prefix { $0.isLetter || $0.isNumber }
        if !word.isEmpty, Roman.value(String(word)) != nil || word.allSatisfy(\.isNumber) {
            number = String(word)
            rest = rest.dropFirst(word.count)
        }
        let title = TextNormalization.trim(rest, [":", "-", "–", ".", " "])
        return (number, title.isEmpty ? nil : title)
    }
}
