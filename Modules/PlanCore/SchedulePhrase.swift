/// How a time element is tied to the phrase.
enum ScheduleAnchor: Hashable, Sendable {
    /// "từ", "bắt đầu": the element starts the time frame.
    case from
    /// "đến", "tới": the element ends the time frame.
    case until
    /// "trước": a deadline before the element (on the day itself for a day: "trước ngày 15/12").
    case before
    /// "chậm nhất", "hạn chót", "không quá": a deadline at the element's end.
    case by
}

/// How often something recurs: every N months, or continually (weekly, daily).
enum ScheduleCadence: Hashable, Sendable {
    case months(Int)
    case continual

    /// The cadence of "N tháng một lần"; nil for intervals that are no recurrence of the contract.
    static func every(months: Int) -> ScheduleCadence? {
        [1, 3, 6, 12].contains(months) ? .months(months) : nil
    }

    var recurrence: Schedule.Recurrence? {
        switch self {
        case .months(1): return .month
        case .months(3): return .quarter
        case .months(6): return .halfYear
        case .months(12): return .year
        default: return nil
        }
    }
}

/// One time expression of a phrase: a day, months, quarters, a part of a year, or a year.
struct ScheduleElement: Hashable, Sendable {
    enum Shape: Hashable, Sendable {
        /// A day; `month` nil for "ngày 20" (only meaningful with a recurrence: "ngày 20 hằng tháng").
        case day(Int, month: Int?)
        /// One or more months of a year ("tháng 3, 4"), spanning the first to the last.
        case months([Int])
        /// One or more quarters ("Quý I, II").
        case quarters([Int])
        /// The first N months ("6 tháng đầu năm", "9 tháng đầu năm").
        case leadingMonths(Int)
        /// The last N months ("6 tháng cuối năm").
        case trailingMonths(Int)
        /// The whole year.
        case year
    }

    var shape: Shape
    /// The year as written, or nil when the text leaves it out.
    var year: Int?
    var anchor: ScheduleAnchor?

    init(_ shape: Shape, year: Int? = nil) {
        self.shape = shape
        self.year = year
    }

    /// A list or range inside the element ("Quý II - IV", "tháng 8 đến 10").
    var isSeveral: Bool {
        switch shape {
        case .months(let list), .quarters(let list): return Set(list).count > 1
        default: return false
        }
    }

    /// The days the element covers in `year`; nil when a day does not exist ("30/02/2024").
    func range(in year: Int) -> DayRange? {
        switch shape {
        case .day(let day, let month):
            guard let month, let date = Day(year, month, day) else { return nil }
            return DayRange(from: date, to: date)
        case .months(let months):
            return DayRange(from: Day(year, months.min()!, 1)!, to: Day.endOf(month: months.max()!, year: year))
        case .quarters(let quarters):
            return DayRange(
                from: Day(year, quarters.min()! * 3 - 2, 1)!, to: Day.endOf(month: quarters.max()! * 3, year: year))
        case .leadingMonths(let count):
            return DayRange(from: Day(year, 1, 1)!, to: Day.endOf(month: count, year: year))
        case .trailingMonths(let count):
            return DayRange(from: Day(year, 13 - count, 1)!, to: Day(year, 12, 31)!)
        case .year:
            return .year(year)
        }
    }
}

/// What the parser read from a time-frame text, before it is given a meaning.
struct SchedulePhrase: Hashable, Sendable {
    /// "thường xuyên", "liên tục", "cả năm", "hằng ngày".
    var isContinuous = false
    /// "định kỳ" was written.
    var isPeriodic = false
    var cadences: [ScheduleCadence] = []
    var elements: [ScheduleElement] = []

    /// The meaning of the phrase (see `ScheduleGrammar`), or nil when it places nothing in time.
    func schedule(text: String, planYear: Int) -> Schedule? {
        guard let ranges = resolvedRanges(planYear: planYear) else { return nil }
        let placed = zip(elements, ranges).compactMap { element, range in range.map { (element, $0) } }
        let recurrences = cadences.compactMap(\.recurrence)
        if let finest = recurrences.min(by: { months($0) < months($1) }) {
            let span = Self.span(placed) ?? .year(planYear)
            return Schedule(text: text, kind: .recurring, from: span.from, to: span.to, every: finest)
        }
        // A day without a month ("ngày 20") only makes sense in a recurrence.
        guard placed.count == elements.count else { return nil }
        if isContinuous || cadences.contains(.continual) {
            let span = Self.span(placed) ?? .year(planYear)
            return Schedule(text: text, kind: .continuous, from: span.from, to: span.to)
        }
        let deadlines = placed.compactMap { element, range in Self.deadline(element, range) }
        if let last = deadlines.max() {
            return Schedule(text: text, kind: .deadline, to: last)
        }
        guard let span = Self.span(placed) else { return nil }
        return Schedule(text: text, kind: .period, from: span.from, to: span.to)
    }

    private func months(_ recurrence: Schedule.Recurrence) -> Int {
        switch recurrence {
        case .month: return 1
        case .quarter: return 3
        case .halfYear: return 6
        case .year: return 12
        }
    }

    /// The due day of a deadline element, nil for other elements.
    private static func deadline(_ element: ScheduleElement, _ range: DayRange) -> Day? {
        switch element.anchor {
        case .by: return range.to
        case .before:
            if case .day = element.shape { return range.from }
            return range.from.adding(days: -1)
        default: return nil
        }
    }

    /// Start and end of the placed elements that are not deadlines: "từ" elements give a start, "đến"
    /// elements an end, plain elements both; a lone start runs to the end of its year, a lone end from
    /// the beginning of its year.
    private static func span(_ placed: [(ScheduleElement, DayRange)]) -> DayRange? {
        var starts: [Day] = []
        var ends: [Day] = []
        for (element, range) in placed {
            switch element.anchor {
            case nil:
                starts.append(range.from)
                ends.append(range.to)
            case .from:
                starts.append(range.from)
                if element.isSeveral { ends.append(range.to) }
            case .until:
                ends.append(range.to)
            case .before, .by:
                continue
            }
        }
        if starts.isEmpty, let end = ends.max() { starts.append(Day(end.year, 1, 1)!) }
        if ends.isEmpty, let start = starts.min() { ends.append(Day(start.year, 12, 31)!) }
        guard let from = starts.min(), let to = ends.max(), from <= to else { return nil }
        return DayRange(from: from, to: to)
    }

    /// The range of every element in its year (nil entries for days without a month); nil when a day
    /// does not exist.
    ///
    /// A missing year is taken from the nearest later element that names one ("Quý II và Quý III năm
    /// 2024"), else from the nearest earlier one, else the plan year. Elements are written in
    /// chronological order, so a borrowed year that would put an element after its successor (or before
    /// its predecessor) moves one year ("tháng 12 và tháng 1/2025" starts in December 2024).
    private func resolvedRanges(planYear: Int) -> [DayRange?]? {
        var years: [Int] = []
        var borrowed: [Int: Bool] = [:]  // index → borrowed from a later (true) or earlier (false) element
        for (index, element) in elements.enumerated() {
            if let year = element.year {
                years.append(year)
            } else if let later = elements[(index + 1)...].first(where: { $0.year != nil })?.year {
                years.append(later)
                borrowed[index] = true
            } else if let earlier = elements[..<index].last(where: { $0.year != nil })?.year {
                years.append(earlier)
                borrowed[index] = false
            } else {
                years.append(planYear)
            }
        }
        func start(_ index: Int) -> Day? { elements[index].range(in: years[index])?.from }
        for index in elements.indices.reversed() where borrowed[index] == true {
            if let mine = start(index), let next = start(index + 1), mine > next { years[index] -= 1 }
        }
        for index in elements.indices where borrowed[index] == false {
            if let mine = start(index), let previous = start(index - 1), mine < previous { years[index] += 1 }
        }
        var ranges: [DayRange?] = []
        for (element, year) in zip(elements, years) {
            if case .day(_, nil) = element.shape {
                ranges.append(nil)
                continue
            }
            guard let range = element.range(in: year) else { return nil }
            ranges.append(range)
        }
        return ranges
    }
}
