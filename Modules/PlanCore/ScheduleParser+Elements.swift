/// The time elements of the grammar: quarters, months, days, parts of a year, years.
extension ScheduleParser {
    /// The next time element, or nil (and the cursor unmoved) when the tokens are none.
    mutating func readElement() -> ScheduleElement? {
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
    func numeral(_ offset: Int = 0, max: Int) -> Int? {
        if let number = number(offset), number.digits <= 2, (1...max).contains(number.value) { return number.value }
        if let word = word(offset), let value = VietnameseNumerals.romanValue(word), value <= max { return value }
        return nil
    }

    func isNumeral(_ offset: Int) -> Bool { numeral(offset, max: 12) != nil || number(offset) != nil }

    /// "Quý III/2024", "quý 3 năm 2024", "Quý I, II/2026", "Quý II và Quý III", "QIII"; "tháng 6/2024",
    /// "Tháng 3, 4/2024", "tháng 8 - 10/2024".
    mutating func readGroup(
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
    mutating func readUnitNumeral(units: Set<String>, max: Int) -> Int? {
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

    mutating func readNumeral(max: Int) -> Int? {
        guard let value = numeral(max: max), !isDateAhead(0) else { return nil }
        index += 1
        return value
    }

    /// Whether the number at `offset` starts a day/month date ("15/6") rather than a numeral ("6/2024",
    /// "8-10": a dash between small numbers after "tháng" is a range).
    func isDateAhead(_ offset: Int) -> Bool {
        guard let separator = symbol(offset + 1), ["/", "."].contains(separator),
            let next = number(offset + 2)
        else { return false }
        return next.digits <= 2
    }

    /// "/2024", "-2024", "năm 2024", ", năm 2024", "năm nay", a bare "2024"; nil when absent.
    mutating func readYearSuffix() -> Int? {
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

    func fourDigitYear(_ offset: Int) -> Int? {
        guard let number = number(offset), number.digits == 4, (1900...2200).contains(number.value) else {
            return nil
        }
        return number.value
    }

    /// A year written with two or four digits in a date ("15/12/24").
    func dateYear(_ offset: Int) -> Int? {
        guard let number = number(offset) else { return nil }
        if number.digits == 2 { return 2000 + number.value }
        return fourDigitYear(offset)
    }

    /// "ngày 15/12/2024", "ngày 15-12", "ngày 15 tháng 12 năm 2024", "ngày 20" (of every month), "ngày 10
    /// tháng cuối quý".
    mutating func readDay() -> ScheduleElement? {
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
    mutating func readDateTail(day: Int, needsYear: Bool) -> ScheduleElement? {
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
    mutating func readNumericDate() -> ScheduleElement? {
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
    mutating func readMonthCount() -> ScheduleElement? {
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
    mutating func readYearOfYearWord() -> Int? {
        if let year = readYearSuffix() { return year }
        _ = consume(["năm"])
        return readYearSuffix()
    }

    /// "nửa đầu năm", "nửa cuối năm 2024", "nửa năm đầu".
    mutating func readHalf() -> ScheduleElement? {
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
    mutating func readYearPart() -> ScheduleElement? {
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
    mutating func readYear() -> ScheduleElement? {
        guard consume(["năm"]) else { return nil }
        if let year = fourDigitYear(0) {
            index += 1
            return ScheduleElement(.year, year: year)
        }
        if consume(["nay"]) { return ScheduleElement(.year, year: planYear) }
        return ScheduleElement(.year)
    }

    /// "2024", as in "2024 - 2025".
    mutating func readBareYear() -> ScheduleElement? {
        guard let year = fourDigitYear(0) else { return nil }
        index += 1
        return ScheduleElement(.year, year: year)
    }
}
