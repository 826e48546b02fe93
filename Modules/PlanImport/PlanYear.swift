/// The plan year (năm kế hoạch): from the title ("… năm 2024"), else the date, else the parent's date.
enum PlanYear {
    /// The year written as "năm YYYY" in a title, the first one.
    static func fromTitle(_ title: String?) -> Int? {
        guard let title else { return nil }
        let lower = title.lowercased()
        for range in TextNormalization.wordRanges(of: "năm", in: lower) {
            let after = lower[range.upperBound...].drop { $0 == " " }
            if let year = fourDigitYear(after) { return year }
        }
        return nil
    }

    /// The first plausible year (1900…2199) written as four digits anywhere in the text.
    static func firstYear(in text: String) -> Int? {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index].isASCII, text[index].isNumber,
                index == text.startIndex || !text[text.index(before: index)].isNumber,
                let year = fourDigitYear(text[index...])
            {
                return year
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func fourDigitYear(_ text: Substring) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, let year = Int(digits), (1900...2199).contains(year) else { return nil }
        return year
    }
}
