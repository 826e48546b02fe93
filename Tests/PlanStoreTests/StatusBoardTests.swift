import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("The status board of a period: statuses, what each unit owes and reported, silent continuous tasks")
struct StatusBoardTests {
    static let office = UnitRef(id: 1, name: "Văn phòng Sở", kind: .division)
    static let legal = UnitRef(id: 2, name: "Phòng Phổ biến, giáo dục pháp luật", kind: .division)
    static let divisions = UnitRef(id: 10, name: "Các phòng thuộc Sở", kind: .group)

    static func entry(_ id: Int64, _ unit: UnitRef, on date: Day, recorded: Day) -> ProgressRecord {
        ProgressRecord(id: id, date: date, unit: unit, text: "Kết quả \(id)", recordedBy: "x", recordedOn: recorded)
    }

    static func activity(
        _ id: Int64, _ schedule: String, lead: [UnitRef], state: ActivityState = .open, progress: [ProgressRecord] = []
    ) -> ActivityRecord {
        ActivityRecord(
            id: id, ref: "A\(id)", title: "Hoạt động \(id)", schedule: Seed.schedule(schedule), state: state,
            lead: lead,
            progress: progress)
    }

    static var plan: PlanRecord {
        PlanRecord(
            id: 1, document: DocumentIdentity(code: "45/KH-STP", title: "Kế hoạch"), year: 2024, owner: office,
            activities: [
                activity(
                    1, "Thường xuyên", lead: [office],
                    progress: [entry(1, office, on: Day(2024, 4, 10)!, recorded: Day(2024, 4, 11)!)]),
                activity(
                    2, "Quý II/2024", lead: [legal],
                    progress: [entry(2, legal, on: Day(2024, 5, 2)!, recorded: Day(2024, 6, 25)!)]),
                activity(3, "Trước ngày 10/6/2024", lead: [office]),
                activity(
                    4, "Thường xuyên", lead: [divisions],
                    progress: [entry(3, legal, on: Day(2024, 6, 1)!, recorded: Day(2024, 6, 2)!)]),
                activity(5, "Quý III/2024", lead: [legal]),
                activity(6, "Định kỳ hằng tháng", lead: [legal]),
                activity(7, "Tháng 5/2024", lead: [office], state: .done(Day(2024, 5, 30)!)),
            ])
    }

    @Test("Statuses follow the report builder's rules; activities outside the window are left out")
    func statuses() throws {
        let board = try StatusBoard.build(
            plan: Self.plan, period: PeriodID(parsing: "2024-Q2"), regime: .cchc, asOf: nil)
        #expect(board.window == DayRange(from: Day(2024, 3, 15)!, to: Day(2024, 6, 14)!))
        #expect(board.deadline == Day(2024, 6, 20)!)
        #expect(board.asOf == Day(2024, 6, 14)!)
        let statuses = board.items.map { "\($0.ref):\($0.status.rawValue)" }
        #expect(statuses == ["A1:inProgress", "A2:inProgress", "A3:overdue", "A4:inProgress", "A6:overdue", "A7:done"])
        #expect(board.count(.overdue) == 2)
    }

    @Test("Per lead unit: expected, reported, on time or late against the deadline, and what is missing")
    func units() throws {
        let board = try StatusBoard.build(
            plan: Self.plan, period: PeriodID(parsing: "2024-Q2"), regime: .cchc, asOf: nil)
        let lines = Dictionary(uniqueKeysWithValues: board.units.map { ($0.unit.id, $0) })
        let office = try #require(lines[1])
        #expect((office.expected, office.reported, office.onTime, office.late) == (3, 1, 1, 0))
        #expect(office.missing == ["A3", "A7"])
        let legal = try #require(lines[2])
        #expect((legal.expected, legal.reported, legal.onTime, legal.late) == (2, 1, 0, 1))
        #expect(legal.missing == ["A6"])
        let group = try #require(lines[10])
        #expect((group.expected, group.reported, group.onTime) == (1, 1, 1))
    }

    @Test("Continuous and recurring activities with nothing in the window are listed")
    func silent() throws {
        let board = try StatusBoard.build(
            plan: Self.plan, period: PeriodID(parsing: "2024-Q2"), regime: .cchc, asOf: nil)
        #expect(board.silentContinuous.map(\.ref) == ["A6"])
        let early = try StatusBoard.build(
            plan: Self.plan, period: PeriodID(parsing: "2024-Q2"), regime: .cchc, asOf: Day(2024, 4, 1)!)
        #expect(early.silentContinuous.map(\.ref) == ["A1", "A4", "A6"])
        #expect(early.items.first { $0.ref == "A6" }?.status == .notStarted)
    }

    @Test("A regime without the period is refused")
    func periodNotOffered() throws {
        #expect(throws: ReportingError.self) {
            try StatusBoard.build(plan: Self.plan, period: PeriodID(parsing: "2024-M05"), regime: .cchc, asOf: nil)
        }
    }

    @Test("On stored data, the board names units as on its day and counts entries by the person who recorded them")
    func stored() throws {
        try Seed.withPlans { store, _ in
            let plan = try store.findPlan("45/KH-STP")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let activity = try store.findActivity("45/KH-STP#2")
            _ = try store.addProgress(
                NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 2)!, text: "Đã làm"))
            let board = try store.statusBoard(
                planID: plan.id, period: PeriodID(parsing: "2024-Q2"), regime: .cchc, asOf: Day(2024, 6, 14)!)
            #expect(board.items.map(\.ref) == ["1", "2", "3", "4"])
            let line = try #require(board.units.first { $0.unit.name == unit.name })
            // Recorded today, long after the Q2 deadline of 20/6/2024: reported, but late.
            #expect((line.expected, line.reported, line.onTime) == (1, 1, 0))
            #expect(board.silentContinuous.map(\.ref) == ["1"])
        }
    }
}
