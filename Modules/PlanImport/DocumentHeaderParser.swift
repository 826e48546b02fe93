import Foundation
import PlanCore

/// The header of a văn bản: cơ quan chủ quản and cơ quan ban hành above "Số: …", Quốc hiệu and Tiêu
/// ngữ, and the place-and-date line — as two columns of a table, two columns of text, or plain lines.
struct DocumentHeader: Equatable {
    var code: DocumentCodes.Code?
    var issuer: String?
    var issuerParent: String?
    var place: String?
    var dateText: String?
    var date: DocumentCodes.WrittenDate?
    var warnings: [Diagnostic] = []
}

enum DocumentHeaderParser {
    static func parse(_ paragraphs: [Paragraph]) -> DocumentHeader {
        var header = DocumentHeader()
        // Left column (and single-column lines) in order, then the right column.
        // A line of a header table flattened with "|" is read cell by cell, in order: whether the
        // conversion wrote the table row by row or column by column, each part is told by its content.
        var pieces: [(text: String, location: SourceLocation)] = []
        var right: [(text: String, location: SourceLocation)] = []
        for paragraph in paragraphs {
            if paragraph.columns.count > 1 {
                pieces.append(contentsOf: Self.pieces(of: paragraph.columns[0]).map { ($0, paragraph.location) })
                right.append(
                    contentsOf: paragraph.columns.dropFirst().flatMap(Self.pieces(of:)).map { ($0, paragraph.location) })
            } else {
                pieces.append(contentsOf: Self.pieces(of: paragraph.text).map { ($0, paragraph.location) })
            }
        }
        pieces.append(contentsOf: right)

        var issuerLines: [String] = []
        var uppercaseLines: [String] = []
        for (text, location) in pieces {
            if header.code == nil, let code = numberLine(text) {
                header.code = code
                if code.isBlank {
                    header.warnings.append(
                        Diagnostic(
                            code: "blank-number",
                            message: "Số văn bản để trống (“\(text)”): văn bản có thể là bản dự thảo chưa lấy số.",
                            location: location.text))
                }
                continue
            }
            if header.dateText == nil, let (place, date) = dateLine(text) {
                header.dateText = text
                header.place = place
                header.date = date
                if date.value == nil {
                    let problem = date.isComplete ? "không hợp lệ" : "không đầy đủ"
                    header.warnings.append(
                        Diagnostic(
                            code: "incomplete-date",
                            message: "Ngày ban hành \(problem) (“\(text)”): chưa xác định được ngày ký văn bản.",
                            location: location.text))
                }
                continue
            }
            if isQuocHieu(text) || isTieuNgu(text) || isMark(text) { continue }
            if header.code == nil { issuerLines.append(text) }
            if TextNormalization.isUppercase(text) { uppercaseLines.append(text) }
        }
        if header.code == nil { issuerLines = Array(uppercaseLines.prefix(4)) }
        (header.issuerParent, header.issuer) = issuer(from: issuerLines.filter { $0.count <= 120 })
        return header
    }

    /// The parts of the header in one line. A header table flattened by a conversion gives its cells
    /// ("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Markdown "| a | b |"),
    /// without separator rows ("|---|:---:|") or empty cells; and parts a conversion ran together in
    /// one cell are taken apart at the Quốc hiệu, the Tiêu ngữ and "Số: …" ("… TỈNH BÌNH PHƯỚC Số:
    /// 96/KH-UBND", "… VIỆT NAM Độc lập - Tự do - Hạnh phúc Bình Phước, ngày …"). A line of a normal
    /// header is one piece, itself.
    static func pieces(of text: String) -> [String] {
        guard text.utf8.contains(0x7C) else { return separatedParts(text) }
        if MarkdownCleanup.isTableRule(text) { return [] }
        return text.split(separator: "|").flatMap { cell -> [String] in
            let cell = TextNormalization.collapseWhitespace(String(cell))
            if cell.isEmpty || MarkdownCleanup.isTableRule("|" + cell) { return [] }
            return separatedParts(cell)
        }
    }

    private static let quocHieuSpellings = ["cộng hòa xã hội chủ nghĩa việt nam", "cộng hoà xã hội chủ nghĩa việt nam"]

    /// A piece cut where the Quốc hiệu, the Tiêu ngữ or a "Số: …" code starts and ends inside it.
    private static func separatedParts(_ text: String) -> [String] {
        let lower = text.lowercased()
        // Cheap exit for the usual header line: none of the parts can be inside it.
        guard lower.contains("số") || lower.contains("cộng ho") || lower.contains("độc lập") else { return [text] }
        var cuts: [(start: Int, end: Int)] = []
        func offset(_ index: String.Index) -> Int { lower.distance(from: lower.startIndex, to: index) }
        for spelling in quocHieuSpellings {
            for range in TextNormalization.wordRanges(of: spelling, in: lower) {
                cuts.append((offset(range.lowerBound), offset(range.upperBound)))
            }
        }
        for range in TextNormalization.wordRanges(of: "độc lập", in: lower) {
            let rest = lower[range.upperBound...]
            if let end = rest.range(of: "hạnh phúc"), rest.distance(from: rest.startIndex, to: end.lowerBound) <= 30 {
                cuts.append((offset(range.lowerBound), offset(end.upperBound)))
            }
        }
        for range in TextNormalization.wordRanges(of: "số", in: lower) {
            let start = offset(range.lowerBound)
            let tail = text[text.index(text.startIndex, offsetBy: start)...]
            guard let (_, rest) = number(at: tail) else { continue }
            cuts.append((start, start + tail.count - rest.count))
        }
        guard !cuts.isEmpty else { return [text] }
        cuts.sort { $0.start < $1.start }
        var parts: [String] = []
        var position = 0
        func add(_ from: Int, _ to: Int) {
            guard from < to else { return }
            let part = TextNormalization.trim(
                text[text.index(text.startIndex, offsetBy: from)..<text.index(text.startIndex, offsetBy: to)], [",", ";"])
            if !part.isEmpty { parts.append(part) }
        }
        for cut in cuts where cut.start >= position {
            add(position, cut.start)
            add(cut.start, cut.end)
            position = cut.end
        }
        add(position, text.count)
        return parts.count > 1 ? parts : [text]
    }

    /// "Số: 96/KH-UBND", "Số: /KH-SLĐTBXH", "Số 45/KH-STP".
    static func numberLine(_ text: String) -> DocumentCodes.Code? {
        guard text.count <= 80 else { return nil }
        return number(at: Substring(text))?.code
    }

    /// "Số: 96/KH-UBND" at the start of `text`: the code and the text after it.
    private static func number(at text: Substring) -> (code: DocumentCodes.Code, rest: Substring)? {
        guard text.prefix(2).lowercased() == "số" else { return nil }
        var rest = text.dropFirst(2)
        guard let next = rest.first, next == ":" || next == " " || next == "." else { return nil }
        rest = rest.drop { $0 == ":" || $0 == " " }
        return DocumentCodes.code(at: rest)
    }

    /// "Bình Phước, ngày 19 tháng 3 năm 2024" → place and date.
    static func dateLine(_ text: String) -> (place: String?, date: DocumentCodes.WrittenDate)? {
        guard text.count <= 120 else { return nil }
        let lower = text.lowercased()
        guard let range = TextNormalization.wordRanges(of: "ngày", in: lower).first else { return nil }
        let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
        let start = text.index(text.startIndex, offsetBy: offset)
        guard let (date, _) = DocumentCodes.date(at: text[start...]), date.year != nil || date.month != nil
        else { return nil }
        let place = TextNormalization.trim(text[..<start], [",", " "])
        return (place.isEmpty ? nil : place, date)
    }

    static func isQuocHieu(_ text: String) -> Bool {
        let folded = TextNormalization.fold(text)
        return folded.hasPrefix("cộng hòa xã hội chủ nghĩa") || folded.hasPrefix("cộng hoà xã hội chủ nghĩa")
    }

    static func isTieuNgu(_ text: String) -> Bool {
        let folded = TextNormalization.fold(text)
        return folded.contains("độc lập") && folded.contains("tự do") && folded.contains("hạnh phúc")
    }

    /// Marks that are not the issuer: "DỰ THẢO", "MẬT", "KHẨN", "V/v …".
    private static func isMark(_ text: String) -> Bool {
        let folded = TextNormalization.trim(TextNormalization.fold(text), ["(", ")", "[", "]"])
        return ["dự thảo", "mật", "tối mật", "khẩn", "hỏa tốc", "hoả tốc", "thượng khẩn"].contains(folded)
            || folded.hasPrefix("v/v") || folded.hasPrefix("dự thảo")
    }

    private static let bodiesWithoutLocality: Set<String> = [
        "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "UBND", "HĐND",
    ]
    private static let localityWords = ["TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN", "ĐẶC KHU"]

    /// The lines above "Số": the last name is the issuer, the first (when there are two) the chủ quản.
    /// "ỦY BAN NHÂN DÂN" + "TỈNH BÌNH PHƯỚC" is one name; a line starting with "VÀ" or "-" continues
    /// the line above ("SỞ LAO ĐỘNG - THƯƠNG BINH" + "VÀ XÃ HỘI").
    static func issuer(from lines: [String]) -> (parent: String?, issuer: String?) {
        var names: [String] = []
        for line in lines {
            let upper = line.uppercased()
            if let last = names.last {
                let continues = upper.hasPrefix("VÀ ") || upper.hasPrefix("- ") || upper.hasPrefix("& ")
                    || TextNormalization.startsLowercase(line)
                let locality = bodiesWithoutLocality.contains(last.uppercased())
                    && localityWords.contains { TextNormalization.hasWordPrefix(upper, $0) }
                if continues || locality {
                    names[names.count - 1] = last + " " + line
                    continue
                }
            }
            names.append(line)
        }
        switch names.count {
        case 0: return (nil, nil)
        case 1: return (nil, names[0])
        default: return (names[0], names.dropFirst().joined(separator: " "))
        }
    }

    /// The issuer named in the body when the header is missing: "Sở Lao động - Thương binh và Xã hội
    /// (sau đây viết tắt là Sở) xây dựng Kế hoạch …", "…, Sở Tư pháp ban hành Kế hoạch như sau:".
    static func issuerFromBody(_ paragraphs: [String]) -> String? {
        for text in paragraphs {
            let lower = text.lowercased()
            for verb in [" ban hành kế hoạch", " xây dựng kế hoạch", " ban hành chương trình", " xây dựng chương trình"] {
                guard let range = lower.range(of: verb) else { continue }
                let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
                var subject = String(text.prefix(offset))
                if let comma = subject.lastIndex(of: ","), Cues.isPreambleStart(subject) {
                    subject = String(subject[subject.index(after: comma)...])
                }
                if let open = subject.firstIndex(of: "(") { subject = String(subject[..<open]) }
                subject = TextNormalization.collapseWhitespace(subject)
                if UnitListSplitter.startsUnit(subject) || TextNormalization.startsUppercase(subject),
                    TextNormalization.words(subject).count <= 15, !subject.isEmpty
                {
                    return subject
                }
            }
        }
        return nil
    }
}
