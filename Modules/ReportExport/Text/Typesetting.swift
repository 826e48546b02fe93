import PlanCore

/// How a person sets Vietnamese official text on paper, for the Word documents only (the exchange
/// formats keep plain spaces): no line break inside "Quý II", "6 tháng", "ngày 14", "năm 2024", "Số: 05"
/// or a date, and the organ names of the header broken where a person would break them.
enum Typesetting {

    /// Words a number or a Roman numeral stays with.
    private static let leadWords: [[UInt8]] = ["Quý", "quý", "ngày", "Ngày", "tháng", "Tháng", "năm", "Năm", "Số:", "số", "Số"]
        .map { Array($0.utf8) }
    /// Words that stay with the number before them ("6 tháng", "15 ngày", "2 năm").
    private static let trailWords: [[UInt8]] = ["tháng", "năm", "ngày", "quý"].map { Array($0.utf8) }
    private static let year: [UInt8] = Array("năm".utf8)

    /// The text with no-break spaces where a line must not break. One pass over the bytes; the text is
    /// returned as it is when nothing needs gluing (the Phụ lục sets tens of thousands of lines).
    static func keepTogether(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var glued: [Int] = []
            var index = 0
            while index < bytes.count {
                guard bytes[index] == 0x20 else {
                    index += 1
                    continue
                }
                var start = index
                while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
                var end = index + 1
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                let before = UnsafeBufferPointer(rebasing: bytes[start..<index])
                let after = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
                if glue(before, after) { glued.append(index) }
                index += 1
            }
            guard !glued.isEmpty else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + glued.count)
            var last = 0
            for position in glued {
                out.append(contentsOf: bytes[last..<position])
                out.append(contentsOf: [0xC2, 0xA0])
                last = position + 1
            }
            out.append(contentsOf: bytes[last...])
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func glue(_ before: UnsafeBufferPointer<UInt8>, _ after: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = after.first, !before.isEmpty else { return false }
        if isDigit(first) || isRoman(after) { return leadWords.contains { $0.elementsEqual(before) } }
        if before.allSatisfy(isDigit) { return trailWords.contains { $0.elementsEqual(after) } }
        return isRoman(before) && year.elementsEqual(after)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// "II", "IV,", "XII)": a Roman numeral, perhaps followed by punctuation.
    private static func isRoman(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var count = 0
        for byte in word {
            switch byte {
            case UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X"): count += 1
            case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: ")"):
                if count == 0 { return false }
            default: return false
            }
        }
        return count > 0
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
