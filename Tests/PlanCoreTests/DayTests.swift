import PlanCore
import Testing

@Suite("Day: calendar days without time zones")
struct DayTests {
    @Test("days that exist, and days that do not", arguments: [
        (2024, 2, 29, true), (2023, 2, 29, false), (2000, 2, 29, true), (1900, 2, 29, false),
        (2100, 2, 29, false), (2024, 4, 31, false), (2024, 2, 30, false), (2024, 12, 31, true),
        (2024, 13, 1, false), (2024, 0, 1, false), (2024, 1, 0, false), (0, 1, 1, false), (9999, 12, 31, true),
    ])
    func validity(_ year: Int, _ month: Int, _ day: Int, _ exists: Bool) {
        #expect((Day(year, month, day) != nil) == exists)
    }

    @Test("leap years: divisible by 4, except centuries not divisible by 400")
    func leapYears() {
        #expect(Day.isLeap(2024) && Day.isLeap(2000) && Day.isLeap(2400))
        #expect(!Day.isLeap(2023) && !Day.isLeap(1900) && !Day.isLeap(2100))
        #expect(Day.daysIn(month: 2, year: 2024) == 29)
        #expect(Day.daysIn(month: 2, year: 2023) == 28)
        #expect(Day.endOf(month: 2, year: 2024) == Day(2024, 2, 29))
    }

    @Test("every day of 1900–2100 survives the ordinal round trip, one day apart")
    func ordinalRoundTrip() {
        var day = Day(1900, 1, 1)!
        var ordinal = day.ordinal
        var failures: [String] = []
        while day.year <= 2100 {
            if Day(ordinal: ordinal) != day { failures.append(day.iso) }
            let next = Day(ordinal: ordinal + 1)
            if next <= day { failures.append("after \(day.iso)") }
            day = next
            ordinal += 1
        }
        #expect(failures.isEmpty)
        #expect(ordinal - Day(1900, 1, 1)!.ordinal == 73_414)  // 201 years, 49 leap days
    }

    @Test("ordinals count days from 0001-01-01")
    func ordinals() {
        #expect(Day(1, 1, 1)!.ordinal == 0)
        #expect(Day(1970, 1, 1)!.ordinal == 719_162)
        #expect(Day(9999, 12, 31)!.ordinal == 3_652_058)
        #expect(Day(ordinal: 3_652_058) == Day(9999, 12, 31))
    }

    @Test("weekdays of known dates (ISO: 1 = Monday)", arguments: [
        (1970, 1, 1, 4), (2000, 2, 29, 2), (2024, 1, 1, 1), (1975, 4, 30, 3), (2024, 9, 2, 1),
        (2025, 9, 20, 6), (2025, 12, 21, 7), (2100, 12, 31, 5), (1900, 3, 1, 4),
    ])
    func weekdays(_ year: Int, _ month: Int, _ day: Int, _ weekday: Int) {
        #expect(Day(year, month, day)!.weekday == weekday)
    }

    @Test("adding days crosses months, leap days and years")
    func addingDays() {
        #expect(Day(2024, 2, 28)!.adding(days: 1) == Day(2024, 2, 29))
        #expect(Day(2024, 2, 29)!.adding(days: 1) == Day(2024, 3, 1))
        #expect(Day(2023, 2, 28)!.adding(days: 1) == Day(2023, 3, 1))
        #expect(Day(2024, 3, 1)!.adding(days: -1) == Day(2024, 2, 29))
        #expect(Day(2024, 12, 31)!.adding(days: 1) == Day(2025, 1, 1))
        #expect(Day(2025, 1, 1)!.adding(days: -1) == Day(2024, 12, 31))
        #expect(Day(2024, 1, 1)!.adding(days: 366) == Day(2025, 1, 1))
        #expect(Day(2023, 1, 1)!.adding(days: 365) == Day(2024, 1, 1))
    }

    @Test("adding months clamps to the end of a shorter month")
    func addingMonths() {
        #expect(Day(2024, 1, 31)!.adding(months: 1) == Day(2024, 2, 29))
        #expect(Day(2023, 1, 31)!.adding(months: 1) == Day(2023, 2, 28))
        #expect(Day(2024, 12, 15)!.adding(months: 1) == Day(2025, 1, 15))
        #expect(Day(2025, 1, 15)!.adding(months: -1) == Day(2024, 12, 15))
        #expect(Day(2024, 2, 29)!.adding(months: 12) == Day(2025, 2, 28))
        #expect(Day(2024, 5, 31)!.adding(months: -3) == Day(2024, 2, 29))
    }

    @Test("ISO and Vietnamese forms")
    func textForms() {
        let day = Day(2024, 3, 5)!
        #expect(day.iso == "2024-03-05")
        #expect(day.description == "2024-03-05")
        #expect(day.vietnamese == "05/03/2024")
        #expect(Day(987, 1, 2)!.iso == "0987-01-02")
        #expect(Day(iso: "2024-02-29") == Day(2024, 2, 29))
    }

    @Test("ISO parsing refuses anything but YYYY-MM-DD of a day that exists", arguments: [
        "2023-02-29", "2024-2-29", "24-02-29", "2024/02/29", "+024-01-01", "2024-+1-01", "2024-01-1 ", "",
        "2024-01-01-", "２０２４-01-01",
    ])
    func isoRefused(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("comparison and ranges")
    func rangesOfDays() {
        #expect(Day(2024, 1, 31)! < Day(2024, 2, 1)!)
        #expect(Day(2023, 12, 31)! < Day(2024, 1, 1)!)
        let q1 = DayRange(from: Day(2024, 1, 1)!, to: Day(2024, 3, 31)!)
        #expect(q1.contains(Day(2024, 3, 31)!))
        #expect(!q1.contains(Day(2024, 4, 1)!))
        #expect(q1.overlaps(DayRange(from: Day(2023, 12, 15)!, to: Day(2024, 1, 1)!)))
        #expect(!q1.overlaps(DayRange(from: Day(2024, 4, 1)!, to: Day(2024, 4, 2)!)))
        #expect(DayRange.year(2024) == DayRange(from: Day(2024, 1, 1)!, to: Day(2024, 12, 31)!))
    }
}
