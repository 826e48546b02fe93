import PlanCore
import Testing

/// One written time frame and what it must mean in a 2024 plan.
struct ScheduleCase: Sendable, CustomTestStringConvertible {
    let text: String
    let kind: Schedule.Kind
    let from: String?
    let to: String?
    let every: Schedule.Recurrence?

    init(_ text: String, _ kind: Schedule.Kind, _ from: String? = nil, _ to: String? = nil, every: Schedule.Recurrence? = nil) {
        self.text = text
        self.kind = kind
        self.from = from
        self.to = to
        self.every = every
    }

    var testDescription: String { "\"\(text)\" → \(kind.rawValue)" }
}

@Suite("ScheduleGrammar: Vietnamese time frames")
struct ScheduleGrammarTests {
    static let continuous: [ScheduleCase] = [
        .init("thường xuyên", .continuous, "2024-01-01", "2024-12-31"),
        .init("Thường xuyên", .continuous, "2024-01-01", "2024-12-31"),
        .init("THƯỜNG XUYÊN", .continuous, "2024-01-01", "2024-12-31"),
        .init("Thường xuyên.", .continuous, "2024-01-01", "2024-12-31"),
        .init("  thường   xuyên ; ", .continuous, "2024-01-01", "2024-12-31"),
        .init("Thường xuyên, liên tục", .continuous, "2024-01-01", "2024-12-31"),
        .init("Liên tục", .continuous, "2024-01-01", "2024-12-31"),
        .init("Cả năm", .continuous, "2024-01-01", "2024-12-31"),
        .init("Trong cả năm 2024", .continuous, "2024-01-01", "2024-12-31"),
        .init("Suốt năm", .continuous, "2024-01-01", "2024-12-31"),
        .init("Thường xuyên trong năm 2025", .continuous, "2025-01-01", "2025-12-31"),
        .init("Thường xuyên từ tháng 3/2024", .continuous, "2024-03-01", "2024-12-31"),
        .init("Hằng ngày", .continuous, "2024-01-01", "2024-12-31"),
        .init("Hàng tuần", .continuous, "2024-01-01", "2024-12-31"),
        .init("Thực hiện thường xuyên", .continuous, "2024-01-01", "2024-12-31"),
    ]

    static let years: [ScheduleCase] = [
        .init("Năm 2024", .period, "2024-01-01", "2024-12-31"),
        .init("năm 2024", .period, "2024-01-01", "2024-12-31"),
        .init("Năm 2024.", .period, "2024-01-01", "2024-12-31"),
        .init("trong năm 2024", .period, "2024-01-01", "2024-12-31"),
        .init("Trong năm", .period, "2024-01-01", "2024-12-31"),
        .init("Trong năm nay", .period, "2024-01-01", "2024-12-31"),
        .init("Năm 2025", .period, "2025-01-01", "2025-12-31"),
        .init("2024", .period, "2024-01-01", "2024-12-31"),
        .init("Năm 2024 - 2025", .period, "2024-01-01", "2025-12-31"),
        .init("Giai đoạn 2021-2025", .period, "2021-01-01", "2025-12-31"),
        .init("Đầu năm 2024", .period, "2024-01-01", "2024-03-31"),
        .init("Cuối năm", .period, "2024-10-01", "2024-12-31"),
    ]

    static let quarters: [ScheduleCase] = [
        .init("Quý III/2024", .period, "2024-07-01", "2024-09-30"),
        .init("Quý 3 năm 2024", .period, "2024-07-01", "2024-09-30"),
        .init("quý 3/2024", .period, "2024-07-01", "2024-09-30"),
        .init("Quý III", .period, "2024-07-01", "2024-09-30"),
        .init("QUÝ IV/2024", .period, "2024-10-01", "2024-12-31"),
        .init("Quý II/2024.", .period, "2024-04-01", "2024-06-30"),
        .init("Trong Quý I", .period, "2024-01-01", "2024-03-31"),
        .init("Quý I, II/2026", .period, "2026-01-01", "2026-06-30"),
        .init("Quý II và Quý III năm 2024", .period, "2024-04-01", "2024-09-30"),
        .init("Quý I - Quý II/2024", .period, "2024-01-01", "2024-06-30"),
        .init("Quý I-II/2024", .period, "2024-01-01", "2024-06-30"),
        .init("từ Quý II đến Quý IV/2024", .period, "2024-04-01", "2024-12-31"),
        .init("Quý II, III, IV", .period, "2024-04-01", "2024-12-31"),
        .init("Quý IV/2024 và Quý I/2025", .period, "2024-10-01", "2025-03-31"),
        .init("Quý I, III/2024", .period, "2024-01-01", "2024-09-30"),
        .init("Quý I/2024 - Quý IV/2024", .period, "2024-01-01", "2024-12-31"),
        .init("quý II / 2024", .period, "2024-04-01", "2024-06-30"),
        .init("Thời gian: Quý II/2024", .period, "2024-04-01", "2024-06-30"),
        .init("Quý III/2024 (dự kiến)", .period, "2024-07-01", "2024-09-30"),
        .init("Q3/2024", .period, "2024-07-01", "2024-09-30"),
        .init("QIII/2024", .period, "2024-07-01", "2024-09-30"),
        .init("Quý III - 2024", .period, "2024-07-01", "2024-09-30"),
        .init("Cuối quý II/2024", .period, "2024-04-01", "2024-06-30"),
        .init("Qúy II/2024", .period, "2024-04-01", "2024-06-30"),
    ]

    static let months: [ScheduleCase] = [
        .init("Tháng 6/2024", .period, "2024-06-01", "2024-06-30"),
        .init("tháng 6 năm 2024", .period, "2024-06-01", "2024-06-30"),
        .init("tháng 06/2024", .period, "2024-06-01", "2024-06-30"),
        .init("Trong tháng 6", .period, "2024-06-01", "2024-06-30"),
        .init("Tháng 2/2024", .period, "2024-02-01", "2024-02-29"),
        .init("Tháng 2/2023", .period, "2023-02-01", "2023-02-28"),
        .init("Từ tháng 8 đến tháng 10/2024", .period, "2024-08-01", "2024-10-31"),
        .init("tháng 8 - tháng 10/2024", .period, "2024-08-01", "2024-10-31"),
        .init("Tháng 8 – 10/2024", .period, "2024-08-01", "2024-10-31"),
        .init("Tháng 3, 4/2024", .period, "2024-03-01", "2024-04-30"),
        .init("Tháng 6 và tháng 12", .period, "2024-06-01", "2024-12-31"),
        .init("Từ tháng 11 đến tháng 2/2025", .period, "2024-11-01", "2025-02-28"),
        .init("Tháng 12/2024 - tháng 01/2025", .period, "2024-12-01", "2025-01-31"),
        .init("Tháng 12 và tháng 1/2025", .period, "2024-12-01", "2025-01-31"),
        .init("Từ tháng 11/2024 đến tháng 2", .period, "2024-11-01", "2025-02-28"),
        .init("Tháng 8-10/2024", .period, "2024-08-01", "2024-10-31"),
        .init("Tháng 6, năm 2024", .period, "2024-06-01", "2024-06-30"),
        .init("Cuối tháng 9/2024", .period, "2024-09-01", "2024-09-30"),
        .init("T6/2024", .period, "2024-06-01", "2024-06-30"),
        .init("Tháng 6,7,8/2024", .period, "2024-06-01", "2024-08-31"),
        .init("tháng 6/2024; tháng 12/2024", .period, "2024-06-01", "2024-12-31"),
        .init("Dự kiến tháng 10/2024", .period, "2024-10-01", "2024-10-31"),
        .init("Từ tháng 01/2024 đến tháng 12/2024", .period, "2024-01-01", "2024-12-31"),
        .init("6/2024", .period, "2024-06-01", "2024-06-30"),
        .init("Từ tháng 3/2024", .period, "2024-03-01", "2024-12-31"),
        .init("Đến hết tháng 6/2024", .period, "2024-01-01", "2024-06-30"),
    ]

    static let partsOfYear: [ScheduleCase] = [
        .init("6 tháng đầu năm 2024", .period, "2024-01-01", "2024-06-30"),
        .init("6 tháng cuối năm", .period, "2024-07-01", "2024-12-31"),
        .init("6 tháng cuối năm 2024", .period, "2024-07-01", "2024-12-31"),
        .init("06 tháng đầu năm", .period, "2024-01-01", "2024-06-30"),
        .init("9 tháng đầu năm", .period, "2024-01-01", "2024-09-30"),
        .init("6 tháng năm 2024", .period, "2024-01-01", "2024-06-30"),
        .init("Nửa đầu năm 2024", .period, "2024-01-01", "2024-06-30"),
        .init("nửa cuối năm", .period, "2024-07-01", "2024-12-31"),
    ]

    static let deadlines: [ScheduleCase] = [
        .init("Trước ngày 15/12/2024", .deadline, nil, "2024-12-15"),
        .init("Trước ngày 10/12/2024", .deadline, nil, "2024-12-10"),
        .init("chậm nhất ngày 15/12/2024", .deadline, nil, "2024-12-15"),
        .init("chậm nhất là ngày 15/12", .deadline, nil, "2024-12-15"),
        .init("Hạn chót: 15/12/2024", .deadline, nil, "2024-12-15"),
        .init("hạn chót ngày 15/12/2024", .deadline, nil, "2024-12-15"),
        .init("trước 15/12/2024", .deadline, nil, "2024-12-15"),
        .init("Hoàn thành trước ngày 30/6/2024", .deadline, nil, "2024-06-30"),
        .init("Trước ngày 15-12-2024", .deadline, nil, "2024-12-15"),
        .init("Trước ngày 15.12.2024", .deadline, nil, "2024-12-15"),
        .init("trước ngày 5/1/2025", .deadline, nil, "2025-01-05"),
        .init("Trước ngày 15/5", .deadline, nil, "2024-05-15"),
        .init("Trước ngày 15 tháng 12 năm 2024", .deadline, nil, "2024-12-15"),
        .init("trước tháng 6/2024", .deadline, nil, "2024-05-31"),
        .init("Trước Quý III/2024", .deadline, nil, "2024-06-30"),
        .init("Chậm nhất trong tháng 6", .deadline, nil, "2024-06-30"),
        .init("Không quá ngày 31/3/2024", .deadline, nil, "2024-03-31"),
        .init("Trước ngày 29/02/2024", .deadline, nil, "2024-02-29"),
        .init("Trước ngày 15/12/24", .deadline, nil, "2024-12-15"),
        .init("Trước ngày 30 tháng 6 năm 2024", .deadline, nil, "2024-06-30"),
        .init("Hoàn thành trước 31/12/2024", .deadline, nil, "2024-12-31"),
    ]

    static let recurring: [ScheduleCase] = [
        .init("Định kỳ hằng tháng", .recurring, "2024-01-01", "2024-12-31", every: .month),
        .init("Định kỳ hằng tháng.", .recurring, "2024-01-01", "2024-12-31", every: .month),
        .init("hàng tháng", .recurring, "2024-01-01", "2024-12-31", every: .month),
        .init("hằng quý", .recurring, "2024-01-01", "2024-12-31", every: .quarter),
        .init("Hàng quý", .recurring, "2024-01-01", "2024-12-31", every: .quarter),
        .init("định kỳ 6 tháng", .recurring, "2024-01-01", "2024-12-31", every: .halfYear),
        .init("Định kỳ 6 tháng/lần", .recurring, "2024-01-01", "2024-12-31", every: .halfYear),
        .init("3 tháng một lần", .recurring, "2024-01-01", "2024-12-31", every: .quarter),
        .init("01 lần/quý", .recurring, "2024-01-01", "2024-12-31", every: .quarter),
        .init("2 lần/năm", .recurring, "2024-01-01", "2024-12-31", every: .halfYear),
        .init("Hằng năm", .recurring, "2024-01-01", "2024-12-31", every: .year),
        .init("Định kỳ quý, 6 tháng, năm", .recurring, "2024-01-01", "2024-12-31", every: .quarter),
        .init("Trước ngày 20 hằng tháng", .recurring, "2024-01-01", "2024-12-31", every: .month),
        .init("Hằng tháng, từ tháng 3 đến tháng 12/2024", .recurring, "2024-03-01", "2024-12-31", every: .month),
        .init("Theo quý", .recurring, "2024-01-01", "2024-12-31", every: .quarter),
        .init("Hằng quý, trước ngày 10 tháng cuối quý", .recurring, "2024-01-01", "2024-12-31", every: .quarter),
        .init("Trước ngày 05 của tháng sau, hằng tháng", .recurring, "2024-01-01", "2024-12-31", every: .month),
        .init("Thường xuyên, hàng tháng", .recurring, "2024-01-01", "2024-12-31", every: .month),
        .init("Định kỳ 03 tháng", .recurring, "2024-01-01", "2024-12-31", every: .quarter),
        .init("Hằng năm (Quý IV)", .recurring, "2024-10-01", "2024-12-31", every: .year),
        .init("Hằng tháng (trước ngày 25)", .recurring, "2024-01-01", "2024-12-31", every: .month),
    ]

    static let days: [ScheduleCase] = [
        .init("Từ ngày 01/3/2024 đến ngày 30/4/2024", .period, "2024-03-01", "2024-04-30"),
        .init("01/3 - 30/4/2024", .period, "2024-03-01", "2024-04-30"),
        .init("Từ 15/11 đến 15/12", .period, "2024-11-15", "2024-12-15"),
        .init("ngày 15 tháng 12 năm 2024", .period, "2024-12-15", "2024-12-15"),
        .init("Ngày 09/11/2024", .period, "2024-11-09", "2024-11-09"),
        .init("9/11/2024", .period, "2024-11-09", "2024-11-09"),
    ]

    static let unspecified: [ScheduleCase] = [
        .init("Theo chỉ đạo của UBND tỉnh", .unspecified),
        .init("Khi có yêu cầu", .unspecified),
        .init("theo kế hoạch của Bộ", .unspecified),
        .init("Theo Kế hoạch số 96/KH-UBND ngày 19/3/2024", .unspecified),
        .init("", .unspecified),
        .init("   ", .unspecified),
        .init("@#!", .unspecified),
        .init("asdf qwer", .unspecified),
        .init("Trước ngày 30/02/2024", .unspecified),
        .init("30/02/2024", .unspecified),
        .init("Trước ngày 29/02/2023", .unspecified),
        .init("31/4/2024", .unspecified),
        .init("Quý V/2024", .unspecified),
        .init("Tháng 13/2024", .unspecified),
        .init("Trước", .unspecified),
        .init("Ngày 20", .unspecified),
        .init("Sau khi Kế hoạch được phê duyệt", .unspecified),
        .init("Dịp Tết Nguyên đán", .unspecified),
        .init("Giữa năm", .unspecified),
        .init("Định kỳ", .unspecified),
        .init("5 tháng một lần", .unspecified),
        .init("Tháng 10/2024 (Ngày Pháp luật 09/11)", .unspecified),
        .init("Năm 2024 và các năm tiếp theo", .unspecified),
        .init("Trước ngày 15/5/2024 (gửi Sở Nội vụ)", .unspecified),
        .init("Ngày 10 tháng cuối quý", .unspecified),
    ]

    func check(_ example: ScheduleCase, planYear: Int = 2024) {
        let schedule = ScheduleGrammar.parse(example.text, planYear: planYear)
        #expect(schedule.kind == example.kind, "kind of \"\(example.text)\"")
        #expect(schedule.from?.iso == example.from, "from of \"\(example.text)\"")
        #expect(schedule.to?.iso == example.to, "to of \"\(example.text)\"")
        #expect(schedule.every == example.every, "every of \"\(example.text)\"")
    }

    @Test("continuous: thường xuyên, liên tục, cả năm", arguments: continuous)
    func continuousFrames(_ example: ScheduleCase) { check(example) }

    @Test("whole years and ranges of years", arguments: years)
    func yearFrames(_ example: ScheduleCase) { check(example) }

    @Test("quarters, Roman or Arabic, single, listed or ranged", arguments: quarters)
    func quarterFrames(_ example: ScheduleCase) { check(example) }

    @Test("months, single, listed or ranged", arguments: months)
    func monthFrames(_ example: ScheduleCase) { check(example) }

    @Test("half-years and the first months of a year", arguments: partsOfYear)
    func partOfYearFrames(_ example: ScheduleCase) { check(example) }

    @Test("deadlines: trước, chậm nhất, hạn chót", arguments: deadlines)
    func deadlineFrames(_ example: ScheduleCase) { check(example) }

    @Test("recurring: định kỳ, hằng, N tháng/lần", arguments: recurring)
    func recurringFrames(_ example: ScheduleCase) { check(example) }

    @Test("days and ranges of days", arguments: days)
    func dayFrames(_ example: ScheduleCase) { check(example) }

    @Test("what places nothing in time is unspecified, with no days", arguments: unspecified)
    func unspecifiedFrames(_ example: ScheduleCase) { check(example) }
}
