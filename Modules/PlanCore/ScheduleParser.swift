/// Reads the tokens of a time-frame text into a `SchedulePhrase`; nil as soon as a token is not part
/// of the grammar, so "Theo kế hoạch số 12/KH-UBND ngày 19/3/2024" is not mistaken for a date.
struct ScheduleParser {
    let tokens: [ScheduleToken]
    let planYear: Int
    var index = 0
    var phrase = SchedulePhrase()
    var anchor: ScheduleAnchor?

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

    func word(_ offset: Int = 0) -> String? {
        guard index + offset < tokens.count, case .word(let word) = tokens[index + offset] else { return nil }
        return word
    }

    func number(_ offset: Int = 0) -> (value: Int, digits: Int)? {
        guard index + offset < tokens.count, case .number(let value, let digits) = tokens[index + offset] else {
            return nil
        }
        return (value, digits)
    }

    func symbol(_ offset: Int = 0) -> Character? {
        guard index + offset < tokens.count, case .symbol(let symbol) = tokens[index + offset] else { return nil }
        return symbol
    }

    func starts(with words: [String], at offset: Int = 0) -> Bool {
        words.indices.allSatisfy { word(offset + $0) == words[$0] }
    }

    mutating func consume(_ words: [String]) -> Bool {
        guard starts(with: words) else { return false }
        index += words.count
        return true
    }

    /// Runs `read`; puts the cursor back when it returns nil.
    mutating func attempt<T>(_ read: (inout ScheduleParser) -> T?) -> T? {
        let saved = index
        if let value = read(&self) { return value }
        index = saved
        return nil
    }

    // MARK: - Words that carry no time

    mutating func skipJoiner() -> Bool {
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

    mutating func skipFiller() -> Bool {
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

    mutating func readContinuity() -> Bool {
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

    mutating func readRecurrence() -> Bool {
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

    mutating func skipListJoiner() -> Bool {
        if symbol() == "," || word() == "và" {
            index += 1
            return true
        }
        return false
    }

    /// "hằng tháng", "mỗi quý", "6 tháng/lần", "3 tháng một lần", "1 lần/quý", "2 lần/năm"; after
    /// "định kỳ" also a bare unit ("định kỳ quý") or a bare count of months ("định kỳ 6 tháng").
    mutating func readCadence(bareUnit: Bool) -> ScheduleCadence? {
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
    mutating func consumeOnce() -> Bool {
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

    mutating func readAnchor() -> Bool {
        for (words, kind) in ScheduleVocabulary.anchors where consume(words) {
            anchor = kind
            return true
        }
        return false
    }
}
