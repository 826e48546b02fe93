import Foundation

/// Splits a written list of units ("Sở Tư pháp, Sở Thông tin và Truyền thông, Tỉnh đoàn") into one
/// entry per unit, without breaking names that contain a comma or "và" ("các sở, ban, ngành tỉnh",
/// "UBND các huyện, thị xã, thành phố", "Sở Thông tin và Truyền thông").
///
/// The rule is linguistic, not a list of answers: semicolons and line breaks always separate; a comma
/// or "và" separates only where the next piece begins like the name of a unit (a head word such as
/// Sở, Ban, Phòng, Văn phòng, Trung tâm, UBND, Đài, Báo, Tỉnh đoàn, Hội, Công an, Trường, or a
/// collective "các …") and the piece before it is a complete name. Separators inside parentheses
/// never split. A short lexicon keeps the few official names whose own "và" is followed by a head word
/// ("Đài Phát thanh - Truyền hình và Báo …").
public enum UnitListSplitter {
    /// One entry per unit, as written (trimmed; list punctuation and bullets removed).
    public static func split(_ text: String) -> [String] {
        var units: [String] = []
        for segment in strongSegments(TextNormalization.nfc(text)) {
            units.append(contentsOf: splitSegment(segment))
        }
        return units
    }

    // MARK: Segments and pieces

    /// Parts separated by ";" or a line break outside parentheses, bullets and punctuation removed.
    static func strongSegments(_ text: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(", "[": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            default: break
            }
            if depth == 0, character == ";" || character == "\n" || character == "\r\n" {
                segments.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        segments.append(current)
        return segments.map(cleanEntry).filter { !$0.isEmpty }
    }

    /// Trims white space, bullets, list punctuation and a leading "và".
    static func cleanEntry(_ text: String) -> String {
        var entry = TextNormalization.collapseWhitespace(text)
        while let first = entry.first, Labels.dashGlyphs.contains(first) || first == "+" {
            entry = TextNormalization.collapseWhitespace(String(entry.dropFirst()))
        }
        entry = TextNormalization.trimListPunctuation(entry)
        for connector in ["và ", "Và ", "cùng ", "với "] where entry.hasPrefix(connector) {
            entry = String(entry.dropFirst(connector.count))
        }
        return entry
    }

    private struct Piece {
        /// ", " or " và " as it joined this piece to the previous one ("" for the first).
        var separator: String
        var text: String
    }

    /// Pieces at "," and " và " outside parentheses.
    private static func pieces(_ segment: String) -> [Piece] {
        var pieces: [Piece] = []
        var current = ""
        var separator = ""
        var depth = 0
        let characters = Array(segment)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth = max(0, depth - 1) }
            if depth == 0, character == "," {
                pieces.append(Piece(separator: separator, text: current))
                current = ""
                separator = ", "
                index += 1
                while index < characters.count, characters[index] == " " { index += 1 }
                continue
            }
            if depth == 0, character == " ", index + 3 < characters.count, characters[index + 1] == "v",
                characters[index + 2] == "à", characters[index + 3] == " "
            {
                pieces.append(Piece(separator: separator, text: current))
                current = ""
                separator = " và "
                index += 4
                continue
            }
            current.append(character)
            index += 1
        }
        pieces.append(Piece(separator: separator, text: current))
        return pieces.filter { !$0.text.trimmingSpaces.isEmpty || $0.separator.isEmpty }
    }

    private static func splitSegment(_ segment: String) -> [String] {
        let parts = pieces(segment)
        guard var current = parts.first?.text.trimmingSpaces else { return [] }
        var units: [String] = []
        for piece in parts.dropFirst() {
            let next = piece.text.trimmingSpaces
            if startsUnit(next), isComplete(current), !isProtected(current, piece.separator, next) {
                units.append(current)
                current = next
            } else {
                current += piece.separator + next
            }
        }
        units.append(current)
        return units.map(cleanEntry).filter { !$0.isEmpty }
    }

    // MARK: Unit names

    /// Head words that begin the name of a unit, with their capital as names write them.
    static let headWords: [String] = [
        "Văn phòng", "Thanh tra", "Trung tâm", "Ủy ban", "Uỷ ban", "UBND", "HĐND", "Hội đồng", "Tỉnh đoàn",
        "Tỉnh ủy", "Tỉnh uỷ", "Thành đoàn", "Thành ủy", "Thành uỷ", "Huyện đoàn", "Huyện ủy", "Huyện uỷ",
        "Thị ủy", "Thị uỷ", "Đảng ủy", "Đảng uỷ", "Liên đoàn", "Liên minh", "Công an", "Bộ Chỉ huy", "Ban Chỉ huy",
        "Chi cục", "Tổng cục", "Cục", "Trường", "Bệnh viện", "Kho bạc", "Công ty", "Tổng công ty", "Ngân hàng",
        "Học viện", "Viện", "Mặt trận", "MTTQ", "Bảo hiểm xã hội", "BHXH", "Chi nhánh", "Cổng thông tin",
        "Tòa án", "Toà án", "Viện kiểm sát", "Hạt kiểm lâm", "Cảnh sát", "Bộ đội", "Lãnh đạo", "Giám đốc",
        "Chủ tịch", "Thư viện", "Bảo tàng", "Nhà văn hóa", "Nhà văn hoá", "Nhà thiếu nhi", "Cơ quan", "Sở",
        "Ban", "Phòng", "Đài", "Hội", "Đoàn", "Bộ", "Vụ", "Quỹ", "Đội", "VP", "Báo",
    ]

    /// Whether a piece begins like the name of a unit.
    static func startsUnit(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if TextNormalization.hasWordPrefix(text, "các") || TextNormalization.hasWordPrefix(text, "Các") {
            return TextNormalization.words(text).count >= 2
        }
        guard first.isUppercase else { return false }
        for head in headWords where TextNormalization.hasWordPrefix(text, head) {
            if head == "Báo" {
                // "Báo Bình Phước", not "Báo cáo".
                let next = text.dropFirst(head.count).drop { $0 == " " }
                return next.first?.isUppercase == true
            }
            return true
        }
        // An abbreviation in capitals: "VNPT Bình Phước", "UBMTTQ tỉnh".
        let word = text.prefix { !$0.isWhitespace }
        return word.count >= 3 && word.allSatisfy { $0.isUppercase || $0 == "&" || $0 == "-" }
    }

    private static let connectors: Set<String> = [
        "của", "thuộc", "trực", "về", "cho", "với", "tại", "và", "các", "những", "cùng", "trên", "trong",
    ]

    /// Whether a piece can end a unit's name: not a bare head word, not ending on a connector.
    static func isComplete(_ text: String) -> Bool {
        let words = TextNormalization.words(text)
        guard let last = words.last else { return false }
        if connectors.contains(last.lowercased()) { return false }
        if words.count == 1, headWords.contains(String(last)), last.count < 3 || !last.allSatisfy(\.isUppercase) {
            return false
        }
        return true
    }

    /// Official names whose own "và" (or comma) is followed by a head word.
    static let protectedNames: [String] = [
        "Đài Phát thanh - Truyền hình và Báo", "Đài Phát thanh – Truyền hình và Báo",
        "Đài Phát thanh, Truyền hình và Báo", "Đài Phát thanh và Truyền hình và Báo", "Đài PT-TH và Báo",
        "Đài PTTH và Báo", "Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân",
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân", "Văn phòng Đoàn ĐBQH và HĐND",
        "Văn phòng HĐND và UBND", "Văn phòng UBND và HĐND",
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Văn phòng Ủy ban nhân dân và Hội đồng nhân dân",
        "Văn phòng HĐND - UBND", "Văn phòng HĐND-UBND", "Trung tâm Văn hóa - Thể thao và Đài",
    ]

    /// The protected names cut at each of their own separators: (text before, separator, text after).
    private static let protectedJoints: [(before: String, separator: String, after: String)] = {
        var joints: [(String, String, String)] = []
        for name in protectedNames {
            for separator in [" và ", ", "] {
                var searchStart = name.startIndex
                while let range = name.range(of: separator, range: searchStart..<name.endIndex) {
                    joints.append((String(name[..<range.lowerBound]), separator, String(name[range.upperBound...])))
                    searchStart = range.upperBound
                }
            }
        }
        return joints
    }()

    /// Whether `current` + `separator` + `next` joins the two halves of one of the protected names.
    private static func isProtected(_ current: String, _ separator: String, _ next: String) -> Bool {
        protectedJoints.contains { joint in
            joint.separator == separator && current.hasSuffix(joint.before)
                && (next.hasPrefix(joint.after) || joint.after.hasPrefix(next))
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String { TextNormalization.collapseWhitespace(self) }
}
