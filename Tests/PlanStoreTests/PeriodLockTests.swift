import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("Locked periods refuse progress dated inside them until an audited reopening")
struct PeriodLockTests {
    static let q2 = try! PeriodID(parsing: "2024-Q2")

    @Test("Progress dated inside a locked window is refused as periodLocked; outside it is accepted")
    func lockRefuses() throws {
        try Seed.withPlans { store, _ in
            let plan = try store.findPlan("45/KH-STP")
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let result = try store.lockPeriod(plan: plan.id, unit: nil, period: Self.q2, regime: .cchc)
            #expect(result.created)
            #expect(result.lock.window == DayRange(from: Day(2024, 3, 15)!, to: Day(2024, 6, 14)!))
            #expect(try !store.lockPeriod(plan: plan.id, unit: nil, period: Self.q2, regime: .cchc).created)

            #expect {
                try store.addProgress(
                    NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 6, 14)!, text: "Muộn"))
            } throws: { error in
                guard case StoreError.periodLocked(let period)? = error as? StoreError else { return false }
                return period == "2024-Q2"
            }
            _ = try store.addProgress(
                NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 6, 15)!, text: "Kỳ sau"))
        }
    }

    @Test("A correction of an entry dated inside a locked window is refused too")
    func correctionRefused() throws {
        try Seed.withPlans { store, _ in
            let plan = try store.findPlan("45/KH-STP")
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let entry = try store.addProgress(
                NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 2)!, text: "Đã làm"))
            _ = try store.lockPeriod(plan: plan.id, unit: nil, period: Self.q2, regime: .cchc)
            #expect(throws: StoreError.self) {
                try store.correctProgress(entry.id, reason: "Dời ngày", ProgressCorrection(date: Day(2024, 7, 1)!))
            }
        }
    }

    @Test("Only an administrator reopens, with a reason; the reopening is audited and progress is accepted again")
    func reopen() throws {
        try Seed.withPlans { store, db in
            let plan = try store.findPlan("45/KH-STP")
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            _ = try store.lockPeriod(plan: plan.id, unit: unit.id, period: Self.q2, regime: .cchc)
            let staff = try Seed.unitStaff(store, db, login: "pbgdpl", unit: "Phòng Phổ biến, giáo dục pháp luật")
            #expect(throws: StoreError.self) {
                try staff.reopenPeriod(plan: plan.id, unit: unit.id, period: Self.q2, regime: .cchc, reason: "Bổ sung")
            }
            #expect(throws: StoreError.self) {
                try store.reopenPeriod(plan: plan.id, unit: unit.id, period: Self.q2, regime: .cchc, reason: "  ")
            }
            let reopened = try store.reopenPeriod(
                plan: plan.id, unit: unit.id, period: Self.q2, regime: .cchc, reason: "Bổ sung kết quả hội nghị tháng 5"
            )
            #expect(reopened.reopenedBy == Seed.admin && !reopened.isActive)
            _ = try staff.addProgress(
                NewProgress(activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 20)!, text: "Bổ sung"))

            let audit = try store.auditLog(AuditFilter(table: "period_locks"))
            #expect(audit.map(\.action) == ["insert", "update"])
            #expect(audit[1].actor == Seed.admin)
            #expect(audit[1].summary.contains("reopen_reason: ∅ → \"Bổ sung kết quả hội nghị tháng 5\""))
            #expect(try store.periodLocks(plan: plan.id).isEmpty)
            #expect(try store.periodLocks(plan: plan.id, includeReopened: true).count == 1)
        }
    }

    @Test("A lock is never edited or deleted, even by an administrator in SQL")
    func locksImmutable() throws {
        try Seed.withPlans { store, db in
            let plan = try store.findPlan("45/KH-STP")
            let lock = try store.lockPeriod(plan: plan.id, unit: nil, period: Self.q2, regime: .cchc).lock
            for statement: SQL in [
                "UPDATE period_locks SET window_to = '2024-05-01' WHERE id = \(lock.id)",
                "DELETE FROM period_locks WHERE id = \(lock.id)",
            ] {
                #expect(throws: PostgresError.self) {
                    try RowLevelSecurityTests.asUser(db.connection, Seed.admin, role: "cchc_admin", statement)
                }
            }
            #expect(try store.periodLocks(plan: plan.id).first?.window == lock.window)
        }
    }
}
