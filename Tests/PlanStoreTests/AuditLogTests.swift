import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("The audit trail: who, when, what changed from what to what")
struct AuditLogTests {
    @Test("An edit is recorded with the person and a readable before → after")
    func editRecorded() throws {
        try Seed.withPlans { store, db in
            _ = try store.addUser(login: "truongvp", role: .admin, unitID: nil, displayName: nil)
            let other = try Seed.session(db, as: "truongvp")
            let activity = try other.findActivity("45/KH-STP#3")
            _ = try other.editActivity(activity, ActivityEdit(title: "Niêm yết thủ tục hành chính"))
            let entries = try store.auditLog(AuditFilter(activityID: activity.id, actor: "truongvp"))
            let update = try #require(entries.last)
            #expect(update.action == "update" && update.table == "activities" && update.rowID == String(activity.id))
            #expect(
                update.summary.contains(
                    "title: \"Niêm yết, công khai thủ tục hành chính\" → \"Niêm yết thủ tục hành chính\""))
            #expect(update.summary.contains("version: \(activity.version) → \(activity.version + 1)"))
            #expect(!update.summary.contains("updated_at"))
        }
    }

    @Test("The activity filter gathers its assignments, progress and evidence; the date filter is a Việt Nam day")
    func activityFilter() throws {
        try Seed.withPlans { store, _ in
            let activity = try store.findActivity("45/KH-STP#2")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            _ = try store.addProgress(
                NewProgress(
                    activityID: activity.id, unitID: unit.id, date: Day(2024, 5, 2)!, text: "Đã làm",
                    evidence: [.document("7/BC-STP")]))
            let tables = Set(try store.auditLog(AuditFilter(activityID: activity.id)).map(\.table))
            #expect(tables == ["activities", "activity_assignments", "products", "progress_entries", "evidence"])
            let tomorrow = Store.today.adding(days: 1)
            #expect(try store.auditLog(AuditFilter(since: tomorrow)).isEmpty)
            #expect(try store.auditLog(AuditFilter(since: Store.today, limit: 3)).count == 3)
            #expect(throws: StoreError.self) { try store.auditLog(AuditFilter(table: "khong_co")) }
        }
    }
}
