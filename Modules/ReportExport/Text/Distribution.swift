/// Nơi nhận: entries without the leading "- " and the final ";" or ".", the main recipient first when the
/// list does not name it, and a closing "Lưu: VT, VP." when the list has no "Lưu:" entry.
enum Distribution {
    static let archive = "Lưu: VT, VP"

    static func normalised(_ entries: [String], recipient: String) -> [String] {
        var list = entries.map(clean).filter { !$0.isEmpty }
        let folded = recipient.lowercased()
        if !folded.isEmpty, !list.contains(where: { $0.lowercased().contains(folded) }) {
            list.insert(recipient, at: 0)
        }
        if let archive = list.firstIndex(where: isArchive), archive != list.count - 1 {
            list.append(list.remove(at: archive))
        } else if !list.contains(where: isArchive) {
            list.append(archive)
        }
        return list
    }

    /// "- X;" for every entry but the last, which ends with ".".
    static func lines(_ entries: [String]) -> [String] {
        entries.enumerated().map { index, entry in "- " + entry + (index == entries.count - 1 ? "." : ";") }
    }

    static func isArchive(_ entry: String) -> Bool { entry.hasPrefix("Lưu") }

    private static func clean(_ entry: String) -> String {
        var text = VietnameseFormat.trimmed(entry)
        if text.hasPrefix("-") || text.hasPrefix("+") || text.hasPrefix("•") { text = VietnameseFormat.trimmed(String(text.dropFirst())) }
        while let last = text.last, last == ";" || last == "." || last == "," { text.removeLast() }
        return VietnameseFormat.trimmed(text)
    }
}
