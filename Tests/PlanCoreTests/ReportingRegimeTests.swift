import PlanCore
import Testing

@Suite("ReportingRegime: windows, deadlines and the kinds each regime offers")
struct ReportingRegimeTests {
    static let nd09Windows: [(String, String, String)] = [
        ("2024-M05", "2024-04-15", "2024-05-14"), ("2025-M01", "2024-12-15", "2025-01-14"),
        ("2024-M03", "2024-02-15", "2024-03-14"), ("2024-Q1", "2023-12-15", "2024-03-14"),
        ("2025-Q1", "2024-12-15", "2025-03-14"), ("2024-Q2", "2024-03-15", "2024-06-14"),
        ("2024-Q3", "2024-06-15", "2024-09-14"), ("2024-Q4", "2024-09-15", "2024-12-14"),
        ("2024-H1", "2023-12-15", "2024-06-14"), ("2024-Y", "2023-12-15", "2024-12-14"),
    ]

    @Test("Nghị định 09 windows run from day 15 to day 14, across years", arguments: nd09Windows)
    func nd09Window(_ id: String, _ from: String, _ to: String) throws {
        let window = try ReportingRegime.nd09.window(for: PeriodID(parsing: id))
        #expect(window.from.iso == from)
        #expect(window.to.iso == to)
    }

    @Test("the CCHC regime has Nghị định 09 windows: Q3 covers 15/6 → 14/9 only")
    func cchcWindow() throws {
        let window = try ReportingRegime.cchc.window(for: PeriodID(parsing: "2024-Q3"))
        #expect(window == DayRange(from: Day(2024, 6, 15)!, to: Day(2024, 9, 14)!))
    }

    @Test("a province may add the 9-month report: 15/12 of the previous year → 14/9")
    func nineMonths() throws {
        let period = try PeriodID(parsing: "2024-9M")
        #expect(throws: ReportingError.self) { try ReportingRegime.nd09.window(for: period) }
        var province = ReportingRegime.nd09
        province.periodKinds.append(.nineMonths)
        #expect(try province.window(for: period) == DayRange(from: Day(2023, 12, 15)!, to: Day(2024, 9, 14)!))
    }

    @Test("a period kind the regime does not offer is an error naming what it offers")
    func notOffered() throws {
        let month = try PeriodID(parsing: "2024-M05")
        #expect(!ReportingRegime.cchc.offers(.month))
        #expect(ReportingRegime.nd09.offers(.month))
        do {
            _ = try ReportingRegime.cchc.window(for: month)
            Issue.record("a monthly window under the CCHC regime")
        } catch {
            #expect(error.code == "period-not-offered")
            #expect(error.description.contains("kỳ báo cáo tháng (2024-M05)"))
            #expect(error.description.contains("quý, 6 tháng đầu năm, năm"))
        }
        #expect(throws: ReportingError.self) { try ReportingRegime.cchc.deadline(for: month) }
        #expect(throws: ReportingError.self) { try ReportingRegime.nd09.window(for: PeriodID(parsing: "2024-H2")) }
    }

    @Test("the cut-off day is a field: a province cutting on day 20")
    func configurableCutOff() throws {
        var province = ReportingRegime.cchc
        province.window = .cutOff(day: 20)
        let window = try province.window(for: PeriodID(parsing: "2025-Q1"))
        #expect(window == DayRange(from: Day(2024, 12, 20)!, to: Day(2025, 3, 19)!))
        province.window = .calendar
        #expect(try province.window(for: PeriodID(parsing: "2024-Q2")) == DayRange(from: Day(2024, 4, 1)!, to: Day(2024, 6, 30)!))
        province.window = .cutOff(day: 31)
        #expect(throws: ReportingError.self) { try province.window(for: PeriodID(parsing: "2024-Q2")) }
    }

    static let cchcDeadlines: [(String, String)] = [
        ("2024-Q1", "2024-03-20"),  // a Wednesday
        ("2024-Q2", "2024-06-20"), ("2024-H1", "2024-06-20"), ("2024-Y", "2024-12-20"),
        ("2025-Q3", "2025-09-22"),  // 20/9/2025 is a Saturday
        ("2025-Y", "2025-12-22"),  // 20/12/2025 is a Saturday
        ("2024-Q3", "2024-09-20"),
    ]

    @Test("CCHC reports are due on day 20 of the window's last month, or the next working day", arguments: cchcDeadlines)
    func cchcDeadline(_ id: String, _ due: String) throws {
        #expect(try ReportingRegime.cchc.deadline(for: PeriodID(parsing: id)).iso == due)
    }

    @Test("Nghị định 09 default: the first working day after the cut-off")
    func nd09Deadline() throws {
        // Cut-off Friday 14/6/2024: Saturday and Sunday are skipped.
        #expect(try ReportingRegime.nd09.deadline(for: PeriodID(parsing: "2024-Q2")) == Day(2024, 6, 17))
        // Cut-off Thursday 14/3/2024.
        #expect(try ReportingRegime.nd09.deadline(for: PeriodID(parsing: "2024-Q1")) == Day(2024, 3, 15))
        // Cut-off Saturday 14/12/2024.
        #expect(try ReportingRegime.nd09.deadline(for: PeriodID(parsing: "2024-Y")) == Day(2024, 12, 16))
    }

    @Test("holidays are configurable days off")
    func holidays() throws {
        var regime = ReportingRegime.nd09
        regime.calendar = WorkingCalendar(holidays: [Day(2024, 6, 17)!, Day(2024, 6, 18)!])
        #expect(try regime.deadline(for: PeriodID(parsing: "2024-Q2")) == Day(2024, 6, 19))
    }

    @Test("a deadline is never earlier than one working day after the cut-off (Điều 8)")
    func earlyInternalDeadline() throws {
        var province = ReportingRegime.cchc
        province.deadline = .dayOfLastMonth(5)
        // 5/3 is before the cut-off 14/3 (Thursday): the first working day after it.
        #expect(try province.deadline(for: PeriodID(parsing: "2024-Q1")) == Day(2024, 3, 15))
        province.deadline = .daysAfterCutOff(3)
        #expect(try province.deadline(for: PeriodID(parsing: "2024-Q1")) == Day(2024, 3, 18))
        province.minimumWorkingDaysAfterCutOff = 5
        #expect(try province.deadline(for: PeriodID(parsing: "2024-Q1")) == Day(2024, 3, 21))
    }

    @Test("a deadline day beyond the month's end is its last day")
    func shortMonth() throws {
        var regime = ReportingRegime.nd09
        regime.deadline = .dayOfLastMonth(31)
        #expect(try regime.deadline(for: PeriodID(parsing: "2024-M02")) == Day(2024, 2, 29))
        #expect(try regime.deadline(for: PeriodID(parsing: "2023-M02")) == Day(2023, 2, 28))
        #expect(try regime.deadline(for: PeriodID(parsing: "2024-M04")) == Day(2024, 4, 30))
    }

    @Test("regimes are found by id, in any case; an unknown id lists the known ones")
    func named() throws {
        #expect(try ReportingRegime.named("cchc") == .cchc)
        #expect(try ReportingRegime.named(" ND09 ") == .nd09)
        #expect(throws: ReportingError.unknownRegime("x", known: ["nd09", "cchc"])) { try ReportingRegime.named("x") }
        #expect(ReportingError.unknownRegime("x", known: ["nd09", "cchc"]).description.contains("nd09, cchc"))
    }

    @Test("a regime lists its periods of a year in order")
    func periodsOfYear() {
        #expect(ReportingRegime.cchc.periods(in: 2024).map(\.description) == [
            "2024-Q1", "2024-Q2", "2024-H1", "2024-Q3", "2024-Q4", "2024-Y",
        ])
        #expect(ReportingRegime.nd09.periods(in: 2024).count == 12 + 4 + 1 + 1)
    }

    @Test("the period whose window holds a day")
    func periodContaining() throws {
        let nd09 = ReportingRegime.nd09
        #expect(try nd09.period(of: .quarter, containing: Day(2024, 12, 20)!)?.description == "2025-Q1")
        #expect(try nd09.period(of: .quarter, containing: Day(2024, 12, 14)!)?.description == "2024-Q4")
        #expect(try nd09.period(of: .month, containing: Day(2024, 12, 15)!)?.description == "2025-M01")
        #expect(try nd09.period(of: .year, containing: Day(2024, 12, 15)!)?.description == "2025-Y")
        #expect(try nd09.period(of: .firstHalf, containing: Day(2024, 8, 1)!) == nil)
        #expect(throws: ReportingError.self) { try ReportingRegime.cchc.period(of: .month, containing: Day(2024, 8, 1)!) }
    }
}
