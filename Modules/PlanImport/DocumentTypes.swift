/// Document types of Vietnamese administrative documents: the printed name and the abbreviation used
/// in the ký hiệu (Nghị định 30/2020/NĐ-CP, Phụ lục III).
enum DocumentTypes {
    /// (abbreviation, printed name), the longer names first so prefixes match the longest.
    static let all: [(abbreviation: String, name: String)] = [
        ("KH", "KẾ HOẠCH"), ("BC", "BÁO CÁO"), ("QĐ", "QUYẾT ĐỊNH"), ("CTr", "CHƯƠNG TRÌNH"),
        ("HD", "HƯỚNG DẪN"), ("TB", "THÔNG BÁO"), ("TTr", "TỜ TRÌNH"), ("ĐA", "ĐỀ ÁN"), ("PA", "PHƯƠNG ÁN"),
        ("CT", "CHỈ THỊ"), ("NQ", "NGHỊ QUYẾT"), ("QC", "QUY CHẾ"), ("QyĐ", "QUY ĐỊNH"), ("GM", "GIẤY MỜI"),
        ("KL", "KẾT LUẬN"), ("BB", "BIÊN BẢN"), ("CĐ", "CÔNG ĐIỆN"), ("TC", "THÔNG CÁO"), ("DA", "DỰ ÁN"),
        ("HĐ", "HỢP ĐỒNG"), ("GUQ", "GIẤY ỦY QUYỀN"), ("GGT", "GIẤY GIỚI THIỆU"),
    ]

    /// The printed name of an abbreviation ("KH" → "KẾ HOẠCH").
    static func name(of abbreviation: String) -> String? {
        all.first { $0.abbreviation.uppercased() == abbreviation.uppercased() }?.name
    }

    /// The abbreviation of a printed name ("QUYẾT ĐỊNH" → "QĐ"), in any case.
    static func abbreviation(of name: String) -> String? {
        let upper = name.uppercased()
        return all.first { $0.name == upper }?.abbreviation
    }

    /// Whether an abbreviation is a known document type ("KH", "QĐ"), in any case.
    static func isAbbreviation(_ text: String) -> Bool {
        let upper = text.uppercased()
        return all.contains { $0.abbreviation.uppercased() == upper }
    }

    /// A type line: the printed name alone ("KẾ HOẠCH"), or followed by the title on the same line
    /// ("KẾ HOẠCH Thông tin, tuyên truyền …"). Returns the name as printed and the rest.
    static func typeLine(_ text: String) -> (name: String, rest: String)? {
        let upper = text.uppercased()
        for entry in all where upper.hasPrefix(entry.name) {
            let nameEnd = text.index(text.startIndex, offsetBy: entry.name.count)
            let printed = String(text[..<nameEnd])
            guard TextNormalization.isUppercase(printed) else { return nil }
            let rest = text[nameEnd...]
            if rest.isEmpty { return (printed, "") }
            guard let next = rest.first, next == " " || next == ":" else { return nil }
            let title = TextNormalization.trim(rest, [":", " "])
            // "KẾ HOẠCH số 45/KH-STP ngày …" cites a plan; it is not a type line.
            if title.lowercased().hasPrefix("số ") || title.lowercased().hasPrefix("này") { return nil }
            return (printed, title)
        }
        return nil
    }
}
