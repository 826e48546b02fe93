import PlanCore

/// The closing of a văn bản: "Nơi nhận:" and its list, and the signature block — thẩm quyền ký
/// ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), chức vụ ("PHÓ CHỦ TỊCH") and the signer's name.
enum SignatureParser {
    static func parse(_ paragraphs: [Paragraph]) -> (signer: DocumentIdentity.Signer, recipients: [String]) {
        let texts = paragraphs.map(\.text)
        var recipients: [String] = []
        var used = Set<Int>()

        if let heading = texts.firstIndex(where: Cues.isRecipientsHeading) {
            used.insert(heading)
            // "Nơi nhận: - Bộ Nội vụ;" on one line.
            if let colon = texts[heading].firstIndex(of: ":") {
                let inline = texts[heading][texts[heading].index(after: colon)...]
                recipients.append(contentsOf: entries(String(inline)))
            }
            var index = heading + 1
            let bulleted = index < texts.count && isBullet(texts[index])
            while index < texts.count {
                let text = texts[index]
                if bulleted ? !isBullet(text) : (Cues.isCapacity(text) || TextNormalization.isUppercase(text)) {
                    break
                }
                recipients.append(contentsOf: entries(text))
                used.insert(index)
                index += 1
                if !bulleted, TextNormalization.fold(text).hasPrefix("lưu") { break }
            }
        }

        var signer = DocumentIdentity.Signer()
        var index = 0
        var capacities: [String] = []
        while index < texts.count {
            if !used.contains(index), Cues.isCapacity(texts[index]) {
                while index < texts.count, Cues.isCapacity(texts[index]) {
                    capacities.append(texts[index])
                    index += 1
                }
                break
            }
            index += 1
        }
        if !capacities.isEmpty {
            signer.capacity = capacities.joined(separator: " ")
        } else {
            // No capacity: the signer's title is the first short line in capitals after the list.
            index = (used.max() ?? -1) + 1
            while index < texts.count, !(TextNormalization.isUppercase(texts[index]) && isShort(texts[index])) {
                index += 1
            }
        }
        if index < texts.count, TextNormalization.isUppercase(texts[index]), isShort(texts[index]),
            !Cues.isAnnexHeading(texts[index])
        {
            signer.title = texts[index]
            index += 1
        }
        if signer.capacity != nil || signer.title != nil {
            while index < texts.count, isPlaceholder(texts[index]) { index += 1 }
            if index < texts.count, isName(texts[index]) { signer.name = texts[index] }
        }
        return (signer, recipients)
    }

    private static func isBullet(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return Labels.dashGlyphs.contains(first) || first == "+"
    }

    /// "- Sở Nội vụ;" → "Sở Nội vụ"; a line may hold several entries separated by "; -".
    private static func entries(_ text: String) -> [String] {
        let trimmed = TextNormalization.collapseWhitespace(text)
        guard !trimmed.isEmpty else { return [] }
        var parts: [String] = []
        var current = ""
        var previous: Character = " "
        for character in trimmed {
            // "- Bộ Nội vụ; - Sở Nội vụ;" on one line.
            if character == "-", previous == " ", current.hasSuffix("; ") {
                parts.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        parts.append(current)
        return parts.map { part in
            var entry = Substring(part).drop { $0 == " " }
            if let first = entry.first, Labels.dashGlyphs.contains(first) || first == "+" {
                entry = entry.dropFirst().drop { $0 == " " }
            }
            return TextNormalization.trimListPunctuation(entry)
        }.filter { !$0.isEmpty }
    }

    private static func isShort(_ text: String) -> Bool {
        TextNormalization.words(text).count <= 10
    }

    /// "(Đã ký)", "(Ký tên, đóng dấu)", "[đã ký]", "Đã ký".
    private static func isPlaceholder(_ text: String) -> Bool {
        let folded = TextNormalization.trim(TextNormalization.fold(text), ["(", ")", "[", "]", "*"])
        return folded.hasPrefix("đã ký") || folded.hasPrefix("ký") || folded.hasPrefix("chữ ký")
            || folded.hasPrefix("signed") || folded.isEmpty
    }

    /// A person's name: a few words, letters only.
    private static func isName(_ text: String) -> Bool {
        let words = TextNormalization.words(text)
        guard (2...7).contains(words.count), !Cues.isAnnexHeading(text), !Cues.isRecipientsHeading(text) else {
            return false
        }
        return text.allSatisfy { $0.isLetter || $0 == " " || $0 == "." || $0 == "-" }
    }
}
