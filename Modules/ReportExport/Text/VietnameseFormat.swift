import PlanCore

/// How Vietnamese official documents write numbers, dates and rates (Nghị định 30/2020/NĐ-CP).
enum VietnameseFormat {
    /// The number of a document: a leading 0 below 10 ("05"); five spaces while blank, so that
    /// "Số: " + number + "/BC-…" prints "Số:      /BC-…" for a number still to be filled in.
    static func documentNumber(_ number: Int?) -> String {
        guard let number else { return "     " }
        return number < 10 && number >= 0 ? "0\(number)" : String(number)
    }

    /// "Bình Phước, ngày 05 tháng 01 năm 2025": a leading 0 for days below 10 and for months 1 and 2.
    static func placeAndDate(place: String, _ day: Day) -> String {
        let d = day.day < 10 ? "0\(day.day)" : String(day.day)
        let m = day.month <= 2 ? "0\(day.month)" : String(day.month)
        return "\(place), ngày \(d) tháng \(m) năm \(day.year)"
    }

    /// "15/03/2024" (without Foundation's formatter: reports format tens of thousands of dates).
    static func date(_ day: Day) -> String { twoDigits(day.day) + "/" + twoDigits(day.month) + "/" + String(day.year) }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }

    /// "25%", "33,3%" (one decimal, decimal comma); "-" without a rate.
    static func percent(_ rate: Double?) -> String {
        guard let rate, rate.isFinite else { return "-" }
        let tenths = Int((rate * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10),\(tenths % 10)%"
    }

    /// "3", "2,5", "1.250" (thousands with ".", decimals with ",", at most two decimals).
    static func quantity(_ value: Double) -> String { VietnameseText.number(value) }

    /// A count with its leading zero the way plans write small counts ("02 lớp") is not used in reports:
    /// counts print plainly ("2 lớp").
    static func count(_ value: Int) -> String { quantity(Double(value)) }

    /// Text without leading and trailing white space (spaces, tabs, line breaks, no-break spaces). Text is
    /// NFC already (every boundary normalises it); this only trims, cheaply, as reports trim a lot of text.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        // Most texts start and end with a letter: nothing to trim.
        if let first = scalars.first, let last = scalars.last, !isSpace(first), !isSpace(last) { return text }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    /// The schedule as written, or its days when the text is empty.
    static func schedule(_ schedule: Schedule) -> String { schedule.inWords }

    /// The text without a final "." or ";" (titles followed by a reference in parentheses).
    static func withoutFinalStop(_ text: String) -> String {
        var text = trimmed(text)
        while let last = text.last, last == "." || last == ";" || last == "," { text.removeLast() }
        return text
    }

    /// Upper-case for headers ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI").
    static func upper(_ text: String) -> String { VietnameseText.upper(text) }

    /// The text with its first letter in lower case, unless the first word is an abbreviation ("UBND").
    static func lowercasedFirst(_ text: String) -> String {
        let chars = Array(text)
        guard chars.count > 1, chars[0].isUppercase, chars[1].isLowercase else { return text }
        return chars[0].lowercased() + String(chars.dropFirst())
    }

    /// The text with its first letter in upper case: a unit name written mid-sentence ("các phòng chuyên
    /// môn, nghiệp vụ thuộc Sở") at the start of a table cell or line.
    static func capitalisedFirst(_ text: String) -> String { VietnameseText.capitalisedFirst(text) }
}
