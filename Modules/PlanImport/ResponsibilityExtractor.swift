import PlanCore

/// "Tổ chức thực hiện": the standing duties of each unit (not tasks). Reads items headed by a unit
/// ("1. Sở Nội vụ" + its paragraphs), "Văn phòng Sở: tham mưu …", and sentences whose subject is a unit
/// ("Giao Văn phòng Sở tham mưu …", "Các phòng chuyên môn, … thuộc Sở tổ chức thực hiện …").
enum ResponsibilityExtractor {
    static func extract(_ root: OutlineNode) -> [PlanDocument.Responsibility] {
        var result: [PlanDocument.Responsibility] = []
        visitSections(root, into: &result)
        return result
    }

    private static func visitSections(_ node: OutlineNode, into result: inout [PlanDocument.Responsibility]) {
        for child in node.children where child.isSection {
            if ActivityExtractor.isResponsibilities(child) {
                read(child.children, into: &result)
            } else {
                visitSections(child, into: &result)
            }
        }
    }

    private static func read(_ nodes: [OutlineNode], into result: inout [PlanDocument.Responsibility]) {
        for node in nodes {
            switch node.kind {
            case .plain, .labelled:
                if let units = headingUnits(node.text) {
                    let text = descendantText(node)
                    if !text.isEmpty {
                        for unit in units { result.append(.init(unit: unit, text: text)) }
                        continue
                    }
                }
                if let (units, text) = subjectUnits(node.text) {
                    let more = descendantText(node)
                    let full = more.isEmpty ? text : text + "\n" + more
                    for unit in units { result.append(.init(unit: unit, text: full)) }
                } else if node.isSection {
                    read(node.children, into: &result)
                }
            default:
                continue
            }
        }
    }

    /// A heading that is only a list of units ("Sở Thông tin và Truyền thông", "Các sở, ban, ngành
    /// tỉnh; UBND các huyện, thị xã, thành phố").
    static func headingUnits(_ text: String) -> [String]? {
        let heading = TextNormalization.trim(text, [":", ".", ";"])
        guard !heading.isEmpty, UnitListSplitter.startsUnit(heading), firstDutyWord(heading) == nil,
            TextNormalization.words(heading).count <= 30
        else { return nil }
        let units = UnitListSplitter.split(heading)
        return units.isEmpty ? nil : units
    }

    /// "Văn phòng Sở: tham mưu …" or "Giao Văn phòng Sở tham mưu …" → the units and the duty text.
    static func subjectUnits(_ text: String) -> ([String], String)? {
        var sentence = text
        for opening in ["Giao cho ", "Giao ", "Đề nghị ", "Yêu cầu "] where sentence.hasPrefix(opening) {
            sentence = String(sentence.dropFirst(opening.count))
        }
        if let colon = sentence.firstIndex(of: ":"), sentence.distance(from: sentence.startIndex, to: colon) <= 150 {
            let before = String(sentence[..<colon])
            if UnitListSplitter.startsUnit(before), firstDutyWord(before) == nil {
                let units = UnitListSplitter.split(before)
                if !units.isEmpty { return (units, text) }
            }
        }
        guard let verb = firstDutyWord(sentence) else { return nil }
        let subject = TextNormalization.collapseWhitespace(String(sentence[..<verb]))
        guard !subject.isEmpty, UnitListSplitter.startsUnit(subject) else { return nil }
        let units = UnitListSplitter.split(subject)
        return units.isEmpty ? nil : (units, text)
    }

    /// Verbs that open a unit's duty, written in lower case after the unit's name.
    private static let dutyWords = [
        "tham mưu", "chủ trì", "tổ chức", "theo dõi", "phối hợp", "hướng dẫn", "xây dựng", "thực hiện", "triển khai",
        "có trách nhiệm", "chịu trách nhiệm", "căn cứ", "báo cáo", "đăng tải", "cung cấp", "tăng cường", "chỉ đạo",
        "đôn đốc", "bố trí", "lồng ghép", "tuyên truyền", "kiểm tra", "tổng hợp", "đẩy mạnh", "quán triệt",
        "rà soát", "nghiên cứu", "cập nhật", "chủ động", "phản ánh", "ban hành", "tiếp tục", "phổ biến", "duy trì",
        "định kỳ", "thường xuyên", "là đầu mối", "được giao", "cần", "nghiêm túc", "kịp thời", "bảo đảm", "đảm bảo",
        "quan tâm", "gửi", "trình", "đề xuất", "sử dụng", "dành", "mở", "thông tin", "trên cơ sở", "trong phạm vi",
        "theo chức năng", "có kế hoạch", "giao",
    ]

    private static let nounMarkers: Set<String> = ["các", "những", "mọi", "của", "cho", "với"]

    /// Where the first lower-case duty verb begins (outside parentheses), after at least one word.
    static func firstDutyWord(_ text: String) -> String.Index? {
        var depth = 0
        var index = text.startIndex
        var wordCount = 0
        var previousWord = Substring()
        while index < text.endIndex {
            let character = text[index]
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            let atWordStart = character.isLetter && (index == text.startIndex || text[text.index(before: index)] == " ")
            if atWordStart {
                wordCount += 1
                let rest = text[index...]
                // After "các", "những" … the word is a noun: "các tổ chức chính trị - xã hội".
                if depth == 0, wordCount > 1, character.isLowercase, !nounMarkers.contains(previousWord.lowercased()),
                    dutyWords.contains(where: { TextNormalization.hasWordPrefix(rest, $0) })
                {
                    return index
                }
                previousWord = rest.prefix { $0.isLetter }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// The paragraphs under an item, with their labels ("a) …", "- …"), one per line.
    private static func descendantText(_ node: OutlineNode) -> String {
        var lines: [String] = []
        func walk(_ current: OutlineNode) {
            for child in current.children {
                switch child.kind {
                case .plain: lines.append(child.text)
                case .labelled(let label):
                    lines.append("\(label.written) \(child.text)")
                    walk(child)
                default: continue
                }
            }
        }
        walk(node)
        return lines.joined(separator: "\n")
    }
}
