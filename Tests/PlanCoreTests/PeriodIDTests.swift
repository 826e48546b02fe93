import PlanCore
import Testing

@Suite("PeriodID: ids, labels, calendar ranges, neighbours")
struct PeriodIDTests {
    static let ids: [(String, String)] = [
        ("2024-M05", "Tháng 5 năm 2024"), ("2024-M12", "Tháng 12 năm 2024"), ("2024-Q1", "Quý I năm 2024"),
        ("2024-Q2", "Quý II năm 2024"), ("2024-Q3", "Quý III năm 2024"), ("2024-Q4", "Quý IV năm 2024"),
        ("2024-H1", "6 tháng đầu năm 2024"), ("2024-H2", "6 tháng cuối năm 2024"),
        ("2024-9M", "9 tháng đầu năm 2024"), ("2024-Y", "Năm 2024"),
    ]

    @Test("ids read and print back, with their Vietnamese label", arguments: ids)
    func roundTrip(_ id: String, _ label: String) throws {
        let period = try PeriodID(parsing: id)
        #expect(period.description == id)
        #expect(period.label == label)
    }

    @Test("reading is lenient on case, spaces and a one-digit month; printing is canonical")
    func lenientReading() throws {
        #expect(try PeriodID(parsing: " 2024-m5 ").description == "2024-M05")
        #expect(try PeriodID(parsing: "2024-q3").description == "2024-Q3")
        #expect(try PeriodID(parsing: "2024-9m").description == "2024-9M")
        #expect(try PeriodID(parsing: "2024-y") == PeriodID(year: 2024, kind: .year))
    }

    static let invalid = [
        "", "2024", "2024-", "2024-M13", "2024-M00", "2024-M", "2024-M001", "2024-Q0", "2024-Q5", "2024-Q01",
        "2024-H3", "2024-X", "24-Q1", "abcd-Q1", "2024-Q1-", "0000-Y", "2024–Q1", "+024-Y",
    ]

    @Test("invalid ids are an error value with a Vietnamese description", arguments: invalid)
    func invalidIDs(_ text: String) {
        #expect(throws: ReportingError.invalidPeriodID(VietnameseText.trimmed(text))) {
            try PeriodID(parsing: text)
        }
        let error = ReportingError.invalidPeriodID(text)
        #expect(error.code == "invalid-period-id")
        #expect(error.description.hasPrefix("Mã kỳ báo cáo không hợp lệ"))
    }

    @Test("a period cannot be built with an index its kind does not have")
    func invalidIndex() {
        #expect(throws: ReportingError.self) { try PeriodID(year: 2024, kind: .quarter, index: 5) }
        #expect(throws: ReportingError.self) { try PeriodID(year: 2024, kind: .year, index: 2) }
        #expect(throws: ReportingError.self) { try PeriodID(year: 10_000, kind: .year) }
    }

    static let ranges: [(String, String, String)] = [
        ("2024-M02", "2024-02-01", "2024-02-29"), ("2023-M02", "2023-02-01", "2023-02-28"),
        ("2024-M04", "2024-04-01", "2024-04-30"), ("2024-Q2", "2024-04-01", "2024-06-30"),
        ("2024-Q4", "2024-10-01", "2024-12-31"), ("2024-H1", "2024-01-01", "2024-06-30"),
        ("2024-H2", "2024-07-01", "2024-12-31"), ("2024-9M", "2024-01-01", "2024-09-30"),
        ("2024-Y", "2024-01-01", "2024-12-31"),
    ]

    @Test("the calendar range is the months the period names", arguments: ranges)
    func calendarRange(_ id: String, _ from: String, _ to: String) throws {
        let range = try PeriodID(parsing: id).calendarRange
        #expect(range.from.iso == from)
        #expect(range.to.iso == to)
    }

    static let neighbours: [(String, String)] = [
        ("2024-M05", "2024-M06"), ("2024-M12", "2025-M01"), ("2024-Q3", "2024-Q4"), ("2024-Q4", "2025-Q1"),
        ("2024-H1", "2025-H1"), ("2024-H2", "2025-H2"), ("2024-9M", "2025-9M"), ("2024-Y", "2025-Y"),
    ]

    @Test("next and previous stay in the same kind and cross years", arguments: neighbours)
    func nextAndPrevious(_ id: String, _ following: String) throws {
        let period = try PeriodID(parsing: id)
        #expect(period.next.description == following)
        #expect(try PeriodID(parsing: following).previous == period)
    }

    @Test("periods sort by their end, the shorter one first")
    func ordering() throws {
        let sorted = try ["2024-Y", "2024-Q1", "2024-H1", "2024-M03", "2023-Y", "2024-Q2", "2024-M01"]
            .map { try PeriodID(parsing: $0) }.sorted().map(\.description)
        #expect(sorted == ["2023-Y", "2024-M01", "2024-M03", "2024-Q1", "2024-Q2", "2024-H1", "2024-Y"])
    }
}
