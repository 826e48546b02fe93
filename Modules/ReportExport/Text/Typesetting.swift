import PlanCore

/// How a person sets Vietnamese official text on paper, for the Word documents only (the exchange
/// formats keep plain spaces): no line break inside "Quý II", "6 tháng", "ngày 14", "năm 2024", "Số: 05"
/// or a date, and the organ names of the header broken where a person would break them.
enum Typesetting {
    static let noBreakSpace: Character = "\u{00A0}"

    /// Words a number or a Roman numeral stays with.
    private static let leadWords: Set<String> = ["Quý", "quý", "ngày", "Ngày", "tháng", "Tháng", "năm", "Năm", "Số:", "số", "Số"]
    /// Words that stay with the number before them ("6 tháng", "15 ngày", "2 năm").
    private static let trailWords: Set<String> = ["tháng", "năm", "ngày", "quý"]

    /// The text with no-break spaces where a line must not break.
    static func keepTogether(_ text: String) -> String {
        guard text.contains(" ") else { return text }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count > 1 else { return text }
        var out = String(words[0])
        for index in 1..<words.count {
            let (before, after) = (words[index - 1], words[index])
            let glue =
                (leadWords.contains(String(before)) && (startsWithDigit(after) || isRoman(after)))
                || (isNumber(before) && trailWords.contains(String(after)))
                || (isRoman(before) && after == "năm")
            out.append(glue ? noBreakSpace : " ")
            out += after
        }
        return out
    }

    private static func startsWithDigit(_ word: Substring) -> Bool { word.first.map { $0.isASCII && $0.isNumber } ?? false }
    private static func isNumber(_ word: Substring) -> Bool { !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isNumber } }
    private static func isRoman(_ word: Substring) -> Bool {
        let core = word.trimmingSuffix { ",.;:)".contains($0) }
        return !core.isEmpty && core.allSatisfy { "IVX".contains($0) }
    }

    /// Pairs of syllables that make one word and are never split across lines in an organ name.
    private static let compounds: Set<String> = [
        "ỦY BAN", "UỶ BAN", "NHÂN DÂN", "THƯƠNG BINH", "XÃ HỘI", "LAO ĐỘNG", "NỘI VỤ", "TƯ PHÁP", "Y TẾ", "TÀI CHÍNH",
        "KẾ HOẠCH", "ĐẦU TƯ", "CÔNG THƯƠNG", "XÂY DỰNG", "GIAO THÔNG", "VẬN TẢI", "TÀI NGUYÊN", "MÔI TRƯỜNG",
        "NÔNG NGHIỆP", "PHÁT TRIỂN", "NÔNG THÔN", "THÔNG TIN", "TRUYỀN THÔNG", "VĂN HÓA", "VĂN HOÁ", "THỂ THAO",
        "DU LỊCH", "GIÁO DỤC", "ĐÀO TẠO", "KHOA HỌC", "CÔNG NGHỆ", "DÂN TỘC", "TÔN GIÁO", "NGOẠI VỤ", "THANH TRA",
        "VĂN PHÒNG", "HỘI ĐỒNG", "BÌNH PHƯỚC", "ĐỒNG NAI", "THÀNH PHỐ", "HỒ CHÍ", "CHÍ MINH", "HÀ NỘI", "BÌNH DƯƠNG",
        "TRUNG TÂM", "DỊCH VỤ", "HÀNH CHÍNH", "CÔNG AN", "QUÂN SỰ",
    ]

    /// An organ name (already upper case) set on at most three centred lines of about `capacity`
    /// characters: on one line when it fits; else broken between words, never inside a compound word
    /// ("THƯƠNG BINH"), preferably after " - " or before "VÀ", with lines as even as possible.
    static func organLines(_ name: String, capacity: Int) -> [String] {
        let words = name.split(separator: " ").map(String.init)
        guard name.count > capacity, words.count > 1 else { return [name] }
        func cost(_ line: ArraySlice<String>) -> Int? {
            let length = line.joined(separator: " ").count
            return length <= capacity || line.count == 1 ? (capacity - length) * (capacity - length) : nil
        }
        /// What breaking before word `index` costs: forbidden inside a compound, cheap at a natural joint.
        func joint(_ index: Int) -> Int {
            if compounds.contains(words[index - 1] + " " + words[index]) || words[index] == "-" { return 100_000 }
            if words[index - 1] == "-" || words[index] == "VÀ" { return -200 }
            return 0
        }
        var best: (cost: Int, lines: [String])?
        for first in 1..<words.count {
            if let a = cost(words[..<first]), let b = cost(words[first...]) {
                let total = a + b + joint(first)
                if best == nil || total < best!.cost {
                    best = (total, [words[..<first].joined(separator: " "), words[first...].joined(separator: " ")])
                }
            }
            for second in (first + 1)..<max(first + 2, words.count) where second < words.count {
                guard let a = cost(words[..<first]), let b = cost(words[first..<second]), let c = cost(words[second...])
                else { continue }
                // A third line only when two cannot hold the name.
                let total = a + b + c + joint(first) + joint(second) + 50_000
                if best == nil || total < best!.cost {
                    best = (
                        total,
                        [words[..<first], words[first..<second], words[second...]].map { $0.joined(separator: " ") }
                    )
                }
            }
        }
        return best?.lines ?? [name]
    }
}

extension Substring {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var result = self
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }
}
