import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

/// Nhập bù: a result the unit sent on paper by the deadline and the Văn phòng typed in later is on time
/// from the paper's day; only an admin says so, and a correction keeps it.
@Suite("Results received on paper (nhập bù)")
struct ReceivedOnPaperTests {
    @Test("a backfilled result counts on time from its paper's day; one typed in late without paper is late")
    func timeliness() throws {
        try Seed.withPlans { store, db in
            let plan = try store.findPlan("45/KH-STP")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let activity = try store.findActivity("45/KH-STP#2")
            let paper = ReceivedOnPaper(day: Day(2024, 6, 10)!, document: "Báo cáo số 12/BC-PBGDPL ngày 10/6/2024")
            let entry = try store.addProgress(
                NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 2)!, text: "Đã làm", received: paper))
            #expect(entry.received == paper)
            func line() throws -> StatusBoard.UnitLine? {
                try store.statusBoard(planID: plan.id, period: PeriodID(parsing: "2024-Q2"), regime: .cchc, asOf: Day(2024, 6, 14)!)
                    .units.first { $0.unit.name == unit.name }
            }
            #expect(try line().map { [$0.expected, $0.reported, $0.onTime] } == [1, 1, 1])

            // The unit's own staff corrects the text: the paper's day stays with the result.
            let staff = try Seed.unitStaff(store, db, login: "pbgd", unit: unit.name)
            let corrected = try staff.correctProgress(entry.id, reason: "Ghi rõ hơn", ProgressCorrection(text: "Đã tổ chức 2 hội nghị"))
            #expect(corrected.received == paper)
            #expect(try line().map(\.onTime) == 1)
            // But staff cannot declare a paper themselves, through the store or in SQL.
            #expect(throws: StoreError.self) {
                try staff.addProgress(
                    NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 3)!, text: "Khác", received: paper))
            }
            // Withdrawing the backfilled result leaves the unit with nothing reported.
            _ = try store.withdrawProgress(corrected.id, reason: "Nhập nhầm")
            #expect(try line().map { [$0.reported, $0.onTime] } == [0, 0])
            // Typed in today without paper: reported, but late.
            _ = try store.addProgress(NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 2)!, text: "Đã làm lại"))
            #expect(try line().map { [$0.reported, $0.onTime] } == [1, 0])
        }
    }

    @Test("the paper's day lies between the result's day and today, and has its document")
    func checks() throws {
        try Seed.withPlans { store, _ in
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let activity = try store.findActivity("45/KH-STP#2")
            for paper in [
                ReceivedOnPaper(day: Day(2024, 5, 1)!, document: "Báo cáo số 1"), ReceivedOnPaper(day: Day(2099, 1, 1)!, document: "Báo cáo số 1"),
                ReceivedOnPaper(day: Day(2024, 6, 1)!, document: "  "),
            ] {
                #expect(throws: StoreError.self) {
                    try store.addProgress(
                        NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 2)!, text: "Đã làm", received: paper))
                }
            }
        }
    }

    @Test("in SQL, unit staff cannot set the paper's day, and the database checks its range")
    func sql() throws {
        try Seed.withPlans { store, db in
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let activity = try store.findActivity("45/KH-STP#2")
            _ = try Seed.unitStaff(store, db, login: "pbgd", unit: unit.name)
            let staff = try Seed.session(db, as: "pbgd")
            #expect(throws: StoreError.self) {
                try staff.transaction { c in
                    try c.query(
                        """
                        INSERT INTO progress_entries (activity_id, unit_id, entry_date, text, received_on, received_in)
                        VALUES (\(activity.id), \(unit.id), '2024-05-02', 'Tự khai', '2024-06-10', 'Báo cáo giả')
                        """)
                }
            }
            #expect(throws: StoreError.self) {
                try store.transaction { c in
                    try c.query(
                        """
                        INSERT INTO progress_entries (activity_id, unit_id, entry_date, text, received_on, received_in)
                        VALUES (\(activity.id), \(unit.id), '2024-05-02', 'Trước ngày làm', '2024-05-01', 'Báo cáo số 1')
                        """)
                }
            }
        }
    }
}
