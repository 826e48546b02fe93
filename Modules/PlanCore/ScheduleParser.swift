/// Reads the tokens of a time-frame text into a `SchedulePhrase`; nil as soon as a token is not part
/// of the grammar, so "Theo kế hoạch số 12/KH-UBND ngày 19/3/2024" is not mistaken for a date.
struct ScheduleParser {
    private let tokens: [ScheduleToken]
    private let planYear: Int
    private var index = 0
    private var phrase = SchedulePhrase()
    private var anchor: ScheduleAnchor?

    init(_ tokens: [ScheduleToken], planYear: Int) {
        self.tokens = tokens
        self.planYear = planYear
    }

    mutating func parse() -> SchedulePhrase? {
        while index < tokens.count {
            if skipJoiner() || skipFiller() || readContinuity() || readRecurrence() || readAnchor() { continue }
            guard var element = readElement() else { return nil }
            element.anchor = anchor
            anchor = nil
            phrase.elements.append(element)
        }
        guard anchor == nil else { return nil }
        return phrase
    }

    // MARK: - Looking at tokens

    private func word(_ offset: Int = 0) -> String? {
        guard index + offset < tokens.count, case .word(let word) = tokens[index + offset] else { return nil }
        return word
    }

    private func number(_ offset: Int = 0) -> (value: Int, digits: Int)? {
        guard index + offset < tokens.count, case .number(let value, let digits) = tokens[index + offset] else {
            return nil
        }
        return (value, digits)
    }

    private func symbol(_ offset: Int = 0) -> Character? {
        guard index + offset < tokens.count, case .symbol(let symbol) = tokens[index + offset] else { return nil }
        return symbol
    }

    private func starts(with words: [String], at offset: Int = 0) -> Bool {
        words.indices.allSatisfy { word(offset + $0) == words[$0] }
    }

    private mutating func consume(_ words: [String]) -> Bool {
        guard starts(with: words) else { return false }
        index += words.count
        return true
    }

    /// Runs `read`; puts the cursor back when it returns nil.
    private mutating func attempt<T>(_ read: (inout ScheduleParser) -> T?) -> T? {
        let saved = index
        if let value = read(&self) { return value }
        index = saved
        return nil
    }

    // MARK: - Words that carry no time

    private mutating func skipJoiner() -> Bool {
        if let symbol = symbol(), ScheduleVocabulary.joiningSymbols.contains(symbol) {
            index += 1
            return true
        }
        if let word = word(), ScheduleVocabulary.joiningWords.contains(word) {
            index += 1
            return true
        }
        return false
    }

    private mutating func skipFiller() -> Bool {
        for filler in ScheduleVocabulary.fillers where consume(filler) { return true }
        for qualifier in ScheduleVocabulary.qualifiers where starts(with: qualifier) {
            let next = word(qualifier.count)
            if next == "tháng" || next == "quý" {
                index += qualifier.count
                return true
            }
        }
        return false
    }

    // MARK: - Continuity, recurrence, anchors

    private mutating func readContinuity() -> Bool {
        for words in ScheduleVocabulary.continuity where consume(words) {
            phrase.isContinuous = true
            return true
        }
        if let word = word(), ScheduleVocabulary.wholeYear.contains(word), self.word(1) == "năm" {
            index += 1
            phrase.isContinuous = true
            return true
        }
        return false
    }

    private mutating func readRecurrence() -> Bool {
        if consume(["định", "kỳ"]) {
            phrase.isPeriodic = true
            // "Định kỳ quý, 6 tháng, năm": a list of cadences.
            while let cadence = attempt({ $0.readCadence(bareUnit: true) }) {
                phrase.cadences.append(cadence)
                let afterCadence = index
                guard skipListJoiner(), attempt({ $0.readCadence(bareUnit: true) }) != nil else {
                    index = afterCadence
                    break
                }
                index = afterCadence
                _ = skipListJoiner()
            }
            return true
        }
        if consume(["thường", "niên"]) {
            phrase.cadences.append(.months(12))
            return true
        }
        if word() == "theo", let unit = word(1), let cadence = ScheduleVocabulary.cadenceUnits[unit], !isNumeral(2) {
            index += 2
            phrase.cadences.append(cadence)
            return true
        }
        if let cadence = attempt({ $0.readCadence(bareUnit: false) }) {
            phrase.cadences.append(cadence)
            return true
        }
        return false
    }

    private mutating func skipListJoiner() -> Bool {
        if symbol() == "," || word() == "và" {
            index += 1
            return true
        }
        return false
    }

    /// "hằng tháng", "mỗi quý", "6 tháng/lần", "3 tháng một lần", "1 lần/quý", "2 lần/năm"; after
    /// "định kỳ" also a bare unit ("định kỳ quý") or a bare count of months ("định kỳ 6 tháng").
    private mutating func readCadence(bareUnit: Bool) -> ScheduleCadence? {
        if let every = word(), ScheduleVocabulary.everyWords.contains(every) {
            guard let unit = word(1), let cadence = ScheduleVocabulary.cadenceUnits[unit], !isNumeral(2) else {
                return nil
            }
            index += 2
            return cadence
        }
        if bareUnit, let unit = word(), let cadence = ScheduleVocabulary.cadenceUnits[unit], !isNumeral(1),
            !["đầu", "cuối"].contains(word(1) ?? "")
        {
            index += 1
            return cadence
        }
        guard let count = number() else { return nil }
        if word(1) == "tháng" {
            index += 2
            if consumeOnce() { return ScheduleCadence.every(months: count.value) }
            guard bareUnit, !["đầu", "cuối", "năm"].contains(word() ?? "") else { return nil }
            return ScheduleCadence.every(months: count.value)
        }
        if word(1) == "lần" {
            index += 2
            guard symbol() == "/" || ["một", "mỗi", "trên"].contains(word() ?? "") else { return nil }
            index += 1
            guard let unit = word(), let cadence = ScheduleVocabulary.cadenceUnits[unit], count.value > 0 else {
                return nil
            }
            index += 1
            guard case .months(let months) = cadence else { return .continual }
            guard months % count.value == 0 else { return nil }
            return ScheduleCadence.every(months: months / count.value)
        }
        return nil
    }

    /// "/lần", "một lần", "1 lần".
    private mutating func consumeOnce() -> Bool {
        if symbol() == "/", word(1) == "lần" {
            index += 2
            return true
        }
        if word() == "một" || number()?.value == 1, word(1) == "lần" {
            index += 2
            return true
        }
        return false
    }

    private mutating func readAnchor() -> Bool {
        for (words, kind) in ScheduleVocabulary.anchors where consume(words) {
            anchor = kind
            return true
        }
        return false
    }

    // MARK: - Time elements

    private mutating func readElement() -> ScheduleElement? {
        attempt { $0.readGroup(units: ["quý", "q"], max: 4) { .quarters($0) } }
            ?? attempt { $0.readGroup(units: ["tháng", "t"], max: 12) { .months($0) } }
            ?? attempt { $0.readDay() }
            ?? attempt { $0.readMonthCount() }
            ?? attempt { $0.readHalf() }
            ?? attempt { $0.readYearPart() }
            ?? attempt { $0.readYear() }
            ?? attempt { $0.readNumericDate() }
            ?? attempt { $0.readBareYear() }
    }

    /// A quarter or month numeral: 1…max, Arabic (one or two digits) or Roman.
    private func numeral(_ offset: Int = 0, max: Int) -> Int? {
        if let number = number(offset), number.digits <= 2, (1...max).contains(number.value) { return number.value }
        if let word = word(offset), let value = VietnameseNumerals.romanValue(word), value <= max { return value }
        return nil
    }

    private func isNumeral(_ offset: Int) -> Bool { numeral(offset, max: 12) != nil || number(offset) != nil }

    /// "Quý III/2024", "quý 3 năm 2024", "Quý I, II/2026", "Quý II và Quý III", "QIII"; "tháng 6/2024",
    /// "Tháng 3, 4/2024", "tháng 8 - 10/2024".
    private mutating func readGroup(
        units: Set<String>, max: Int, shape: ([Int]) -> ScheduleElement.Shape
    ) -> ScheduleElement? {
        guard let first = readUnitNumeral(units: units, max: max) else { return nil }
        var values = [first]
        while true {
            let saved = index
            guard let joiner = symbol().map(String.init) ?? word(),
                ScheduleVocabulary.listWords.contains(joiner)
                    || joiner.count == 1 && ScheduleVocabulary.listSymbols.contains(Character(joiner))
            else { break }
            index += 1
            // Only later numerals continue the list: "tháng 11 đến tháng 2/2025" runs into the next year,
            // which two elements with their own years express.
            if let value = readUnitNumeral(units: units, max: max) ?? readNumeral(max: max), value > values.last! {
                values.append(value)
            } else {
                index = saved
                break
            }
        }
        return ScheduleElement(shape(values), year: readYearSuffix())
    }

    /// "quý III", "q3", "qiii".
    private mutating func readUnitNumeral(units: Set<String>, max: Int) -> Int? {
        guard let unit = word() else { return nil }
        if units.contains(unit), let value = numeral(1, max: max), !isDateAhead(1) {
            index += 2
            return value
        }
        if units.contains("q"), unit.hasPrefix("q"), let value = VietnameseNumerals.romanValue(String(unit.dropFirst())),
            value <= max
        {
            index += 1
            return value
        }
        return nil
    }

    private mutating func readNumeral(max: Int) -> Int? {
        guard let value = numeral(max: max), !isDateAhead(0) else { return nil }
        index += 1
        return value
    }

    /// Whether the number at `offset` starts a day/month date ("15/6") rather than a numeral ("6/2024",
    /// "8-10": a dash between small numbers after "tháng" is a range).
    private func isDateAhead(_ offset: Int) -> Bool {
        guard let separator = symbol(offset + 1), ["/", "."].contains(separator),
            let next = number(offset + 2)
        else { return false }
        return next.digits <= 2
    }

    /// "/2024", "-2024", "năm 2024", ", năm 2024", "năm nay", a bare "2024"; nil when absent.
    private mutating func readYearSuffix() -> Int? {
        let saved = index
        if let separator = symbol(), ["/", "-", "."].contains(separator), let year = fourDigitYear(1) {
            index += 2
            return year
        }
        if symbol() == "," && word(1) == "năm" { index += 1 }
        if word() == "năm" {
            if let year = fourDigitYear(1) {
                index += 2
                return year
            }
            if word(1) == "nay" {
                index += 2
                return planYear
            }
        }
        index = saved
        if let year = fourDigitYear(0) {
            index += 1
            return year
        }
        return nil
    }

    private func fourDigitYear(_ offset: Int) -> Int? {
        guard let number = number(offset), number.digits == 4, (1900...2200).contains(number.value) else {
            return nil
        }
        return number.value
    }

    /// A year written with two or four digits in a date ("15/12/24").
    private func dateYear(_ offset: Int) -> Int? {
        guard let number = number(offset) else { return nil }
        if number.digits == 2 { return 2000 + number.value }
        return fourDigitYear(offset)
    }

    /// "ngày 15/12/2024", "ngày 15-12", "ngày 15 tháng 12 năm 2024", "ngày 20" (of every month), "ngày 10
    /// tháng cuối quý".
    private mutating func readDay() -> ScheduleElement? {
        guard word() == "ngày", let day = number(1), day.digits <= 2, (1...31).contains(day.value) else {
            return nil
        }
        index += 2
        if let date = readDateTail(day: day.value, needsYear: false) { return date }
        if word() == "tháng", let month = number(1), (1...12).contains(month.value) {
            index += 2
            return ScheduleElement(.day(day.value, month: month.value), year: readYearSuffix())
        }
        // "ngày 20", "ngày 10 tháng cuối quý": a day of each period, for recurrences only.
        let beforeRelative = index
        _ = consume(["của"])
        if !ScheduleVocabulary.monthsOfPeriod.contains(where: { consume($0) }) { index = beforeRelative }
        return ScheduleElement(.day(day.value, month: nil))
    }

    /// After a day: "/12/2024", "-12-2024", ".12.2024" or, unless `needsYear`, "/12".
    private mutating func readDateTail(day: Int, needsYear: Bool) -> ScheduleElement? {
        guard let separator = symbol(), ["/", "-", "."].contains(separator), let month = number(1),
            month.digits <= 2, (1...12).contains(month.value)
        else { return nil }
        if symbol(2) == separator, let year = dateYear(3) {
            index += 4
            return ScheduleElement(.day(day, month: month.value), year: year)
        }
        guard !needsYear else { return nil }
        index += 2
        return ScheduleElement(.day(day, month: month.value))
    }

    /// "15/12/2024", "15-12-2024", "15.12.2024", "15/12", and "6/2024" (a month).
    private mutating func readNumericDate() -> ScheduleElement? {
        guard let first = number(), first.digits <= 2 else { return nil }
        if symbol(1) == "/", let year = fourDigitYear(2), (1...12).contains(first.value) {
            index += 3
            return ScheduleElement(.months([first.value]), year: year)
        }
        guard (1...31).contains(first.value) else { return nil }
        index += 1
        // Only "/" may leave the year out: "8-10" is no date.
        return readDateTail(day: first.value, needsYear: symbol() != "/")
    }

    /// "6 tháng đầu năm 2024", "06 tháng cuối năm", "9 tháng đầu năm", "6 tháng năm 2024".
    private mutating func readMonthCount() -> ScheduleElement? {
        guard let count = number(), (1...12).contains(count.value), word(1) == "tháng" else { return nil }
        index += 2
        if consume(["đầu"]) {
            return ScheduleElement(.leadingMonths(count.value), year: readYearOfYearWord())
        }
        if consume(["cuối"]) {
            return ScheduleElement(.trailingMonths(count.value), year: readYearOfYearWord())
        }
        guard word() == "năm", let year = readYearSuffix() else { return nil }
        return ScheduleElement(.leadingMonths(count.value), year: year)
    }

    /// An optional "năm" followed by an optional year.
    private mutating func readYearOfYearWord() -> Int? {
        if let year = readYearSuffix() { return year }
        _ = consume(["năm"])
        return readYearSuffix()
    }

    /// "nửa đầu năm", "nửa cuối năm 2024", "nửa năm đầu".
    private mutating func readHalf() -> ScheduleElement? {
        guard consume(["nửa"]) else { return nil }
        _ = consume(["năm"])
        let shape: ScheduleElement.Shape
        if consume(["đầu"]) {
            shape = .leadingMonths(6)
        } else if consume(["cuối"]) {
            shape = .trailingMonths(6)
        } else {
            return nil
        }
        return ScheduleElement(shape, year: readYearOfYearWord())
    }

    /// "đầu năm" (the first quarter), "cuối năm 2024" (the last quarter).
    private mutating func readYearPart() -> ScheduleElement? {
        let shape: ScheduleElement.Shape
        if consume(["đầu", "năm"]) {
            shape = .quarters([1])
        } else if consume(["cuối", "năm"]) {
            shape = .quarters([4])
        } else {
            return nil
        }
        return ScheduleElement(shape, year: readYearSuffix())
    }

    /// "năm 2024", "năm nay", "năm" (the plan year, as in "trong năm").
    private mutating func readYear() -> ScheduleElement? {
        guard consume(["năm"]) else { return nil }
        if let year = fourDigitYear(0) {
            index += 1
            return ScheduleElement(.year, year: year)
        }
        if consume(["nay"]) { return ScheduleElement(.year, year: planYear) }
        return ScheduleElement(.year)
    }

    /// "2024", as in "2024 - 2025".
    private mutating func readBareYear() -> ScheduleElement? {
        guard let year = fourDigitYear(0) else { return nil }
        index += 1
        return ScheduleElement(.year, year: year)
    }
}
