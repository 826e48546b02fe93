/// The regions of a plan document, in order: header (issuer, number, date), type line and title,
/// preamble (Căn cứ / Thực hiện …), body (numbered sections), closing (Nơi nhận, signature) and annex
/// (Phụ lục). Each is a range of block indices.
///
/// A plan issued by a Quyết định ("QUYẾT ĐỊNH Về việc ban hành Kế hoạch …") reads as the plan: the
/// header, type and preamble are the decision's, the title is the plan's as the decision states it,
/// the articles (Điều 1, 2, 3) are left out, the closing is the decision's (its signer), and the
/// body and annex are those of the attached plan ("KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)"),
/// whose own basis, if any, is `planPreamble`.
struct DocumentLayout {
    var header: Range<Int>
    /// The type line ("KẾ HOẠCH") as printed, and where.
    var typeName: String?
    var typeLocation: SourceLocation?
    /// Trích yếu, joined when it spans paragraphs.
    var title: String?
    var preamble: Range<Int>
    /// The basis of a plan attached to the decision that issues it, between its title and its body.
    var planPreamble: Range<Int> = 0..<0
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
            (title, cursor) = Self.title(blocks, after: typeIndex, rest: typeRest)
        } else {
            // No type line: the header runs to the first paragraph that opens the body.
            var end = 0
            while end < min(count, 40), let line = text(end), !Cues.isBodyStart(line) { end += 1 }
            if end >= min(count, 40) { end = 0 }
            header = 0..<end
            cursor = end
        }

        if let typeName, DocumentTypes.abbreviation(of: typeName) == "QĐ", let issued = IssuedPlan.named(in: title),
            let plan = IssuedPlan.find(blocks, type: issued.typeName, after: cursor)
        {
            // The decision: its basis up to "QUYẾT ĐỊNH:" or "Điều 1", its articles, its closing.
            let operative = (cursor..<plan.start).first { text($0).map(IssuedPlan.isOperativeStart) ?? false } ?? plan.start
            let decisionClosing = (operative..<plan.start).first { text($0).map(Cues.isClosingStart) ?? false } ?? plan.start
            preamble = cursor..<operative
            var planCursor = plan.start
            var planTitle: String?
            if plan.hasTypeLine, let line = text(plan.start), let type = DocumentTypes.typeLine(line) {
                (planTitle, planCursor) = Self.title(blocks, after: plan.start, rest: type.rest)
            }
            // "(Ban hành kèm theo Quyết định số … ngày … của …)" under the plan's title.
            while planCursor < count, let line = text(planCursor), IssuedPlan.isIssuedWithNote(line) { planCursor += 1 }
            title = issued.title ?? planTitle
            let regions = Self.regions(blocks, from: planCursor)
            planPreamble = regions.preamble
            body = regions.body
            annex = regions.annex
            let decisionHasClosing = (decisionClosing..<plan.start).contains { blocks[$0].paragraph != nil }
            closing = decisionHasClosing ? decisionClosing..<plan.start : regions.closing
            return
        }

        let regions = Self.regions(blocks, from: cursor)
        preamble = regions.preamble
        body = regions.body
        closing = regions.closing
        annex = regions.annex
    }

    /// The trích yếu under the type line at `typeIndex` (`rest` is the title written on the type line
    /// itself), and where what follows it starts. In Word a title spans the bold, centred paragraphs
    /// under the type, but a line in capitals under a title in sentence case ends it (the decision's
    /// authority, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), and so does "(Ban hành kèm theo …)".
    private static func title(_ blocks: [Block], after typeIndex: Int, rest: String) -> (String?, Int) {
        var cursor = typeIndex + 1
        var titleParts: [String] = rest.isEmpty ? [] : [rest]
        while cursor < blocks.count, let paragraph = blocks[cursor].paragraph, !Cues.isBodyStart(paragraph.text),
            !Cues.isClosingStart(paragraph.text)
        {
            if let last = titleParts.last {
                if !(paragraph.isBold && paragraph.isCentered) { break }
                if TextNormalization.isUppercase(paragraph.text), !TextNormalization.isUppercase(last) { break }
                if IssuedPlan.isIssuedWithNote(paragraph.text) { break }
            }
            titleParts.append(paragraph.text)
            cursor += 1
        }
        return (titleParts.isEmpty ? nil : titleParts.joined(separator: " "), cursor)
    }

    /// Preamble, body, closing and annex of the blocks from `preambleStart` on.
    private static func regions(_ blocks: [Block], from preambleStart: Int) -> (
        preamble: Range<Int>, body: Range<Int>, closing: Range<Int>, annex: Range<Int>
    ) {
        let count = blocks.count
        func text(_ index: Int) -> String? { blocks[index].paragraph?.text }
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
        let preamble = preambleStart..<bodyStart
        if annexStart < closingStart {
            return (preamble, bodyStart..<annexStart, closingStart..<count, annexStart..<closingStart)
        }
        return (preamble, bodyStart..<closingStart, closingStart..<annexStart, annexStart..<count)
    }
}

/// A plan issued (or approved) by a Quyết định: named in the decision's trích yếu ("Về việc ban hành
/// Kế hoạch …", "V/v phê duyệt Kế hoạch …") and attached after the decision's articles.
enum IssuedPlan {
    /// Types of documents a decision issues that are read as plans.
    private static let planTypes = ["KẾ HOẠCH", "CHƯƠNG TRÌNH"]

    /// The type (as printed in capitals) and the title of the plan a decision's trích yếu issues, or
    /// nil when it issues none. The title is nil when the trích yếu names only the type.
    static func named(in trichYeu: String?) -> (typeName: String, title: String?)? {
        guard let trichYeu else { return nil }
        var rest = Substring(trichYeu)
        for opening in ["về việc", "v/v", "về"] where TextNormalization.hasWordPrefix(rest.lowercased(), opening) {
            rest = rest.dropFirst(opening.count).drop { $0 == " " || $0 == ":" }
            break
        }
        guard let verb = ["ban hành", "phê duyệt"].first(where: { TextNormalization.hasWordPrefix(rest.lowercased(), $0) })
        else { return nil }
        rest = rest.dropFirst(verb.count).drop { $0 == " " }
        guard let type = planTypes.first(where: { TextNormalization.hasWordPrefix(rest.uppercased(), $0) }) else {
            return nil
        }
        let title = TextNormalization.trim(rest.dropFirst(type.count), [":", ".", " "])
        guard let first = title.first else { return (type, nil) }
        return (type, first.uppercased() + title.dropFirst())
    }

    /// Where the attached plan starts after the decision: its type line ("KẾ HOẠCH", "KẾ HOẠCH Thông
    /// tin …"), else — when a conversion lost it — the first numbered section after the decision's closing.
    static func find(_ blocks: [Block], type: String, after start: Int) -> (start: Int, hasTypeLine: Bool)? {
        var closed = false
        var firstSection: Int?
        for index in start..<blocks.count {
            guard let line = blocks[index].paragraph?.text else { continue }
            if let typeLine = DocumentTypes.typeLine(line), typeLine.name.uppercased() == type {
                return (index, true)
            }
            if Cues.isClosingStart(line) { closed = true }
            if closed, firstSection == nil, Cues.isSectionStart(line) { firstSection = index }
        }
        return firstSection.map { ($0, false) }
    }

    /// "QUYẾT ĐỊNH:" (the decision's operative words) or its first article, "Điều 1.".
    static func isOperativeStart(_ text: String) -> Bool {
        let folded = TextNormalization.fold(text)
        if folded.hasPrefix("quyết định"), TextNormalization.trim(folded.dropFirst("quyết định".count), [" "]) == ":" {
            return true
        }
        return TextNormalization.hasWordPrefix(folded, "điều 1") && !TextNormalization.hasWordPrefix(folded, "điều 10")
    }

    /// "(Ban hành kèm theo Quyết định số 123/QĐ-UBND ngày … của …)", "(Kèm theo …)".
    static func isIssuedWithNote(_ text: String) -> Bool {
        let folded = TextNormalization.fold(TextNormalization.trim(text, ["(", "[", "*", "_"]))
        return ["ban hành kèm theo", "kèm theo", "phê duyệt kèm theo", "được ban hành kèm theo"]
            .contains { TextNormalization.hasWordPrefix(folded, $0) }
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
