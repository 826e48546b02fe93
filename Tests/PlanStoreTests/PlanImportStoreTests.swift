import Foundation
import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("Storing imported plans")
struct PlanImportStoreTests {
    @Test("A new plan is stored with its document, activities, assignments, products and units to review")
    func storesNewPlan() throws {
        try withStore { store, db in
            let result = try store.importPlan(samplePlan(), replace: false)
            #expect(result.outcome == .created)
            #expect(result.reference == "45/KH-STP")
            #expect(result.activityCount == 2)
            #expect(Set(result.reviewUnits).isSuperset(of: ["Sở Tư pháp", "Văn phòng Sở", "Phòng Hành chính tư pháp"]))
            let c = db.connection
            #expect(try c.query("SELECT count(*) FROM activities").scalar(Int.self) == 2)
            #expect(try c.query("SELECT count(*) FROM activity_assignments").scalar(Int.self) == 5)
            let issuer = try c.query(
                "SELECT u.name, u.abbreviation, p.name FROM documents d JOIN units u ON u.id = d.issuer_unit_id JOIN units p ON p.id = u.parent_id"
            ).singleRow()
            // The header's capitals become the name as the title writes it.
            #expect(try issuer.decode(String.self, at: 0) == "Sở Tư pháp")
            #expect(try issuer.decode(String?.self, at: 1) == "STP")
            let product = try c.query("SELECT planned_count, type FROM products WHERE planned_count IS NOT NULL").singleRow()
            #expect(try product.decode(Int.self, at: 0) == 2)
            #expect(try product.decode(String.self, at: 1) == "lớp tập huấn")
            // "Văn phòng Sở" belongs to the issuer; "Sở Thông tin và Truyền thông" stands on its own.
            let vp = try c.query("SELECT parent_id IS NOT NULL FROM units WHERE name = 'Văn phòng Sở'").scalar(Bool.self)
            let stt = try c.query("SELECT parent_id IS NULL FROM units WHERE name = 'Sở Thông tin và Truyền thông'").scalar(Bool.self)
            #expect(vp && stt)
        }
    }

    @Test("Importing the same content again changes nothing and says so")
    func sameContentUnchanged() throws {
        try withStore { store, db in
            try store.importPlan(samplePlan(), replace: false)
            let audit = try db.connection.query("SELECT count(*) FROM audit_log").scalar(Int.self)
            // Same content from another file (e.g. the .docx of the same plan).
            let again = try store.importPlan(samplePlan(sha: "b"), replace: false)
            #expect(again.outcome == .unchanged)
            #expect(try db.connection.query("SELECT count(*) FROM audit_log").scalar(Int.self) == audit)
            #expect(try db.connection.query("SELECT count(*) FROM plan_revisions").scalar(Int.self) == 1)
        }
    }

    @Test("A changed version is refused without replace, and replaces with it keeping the old revision")
    func changedVersion() throws {
        try withStore { store, db in
            try store.importPlan(samplePlan(), replace: false)
            var changed = samplePlan(sha: "c")
            changed.activities[1].schedule = ScheduleGrammar.parse("Quý III/2024", planYear: 2024)
            changed.activities.append(
                PlannedActivity(
                    ref: "PL.3", title: "Báo cáo kết quả", lead: ["Văn phòng Sở"],
                    schedule: ScheduleGrammar.parse("Trước ngày 10/12/2024", planYear: 2024)))
            #expect {
                try store.importPlan(changed, replace: false)
            } throws: { error in
                guard let refusal = error as? PlanImportRefusal else { return false }
                let changes = refusal.result.changes
                return changes.added == ["PL.3 — Báo cáo kết quả"] && changes.changed.count == 1
                    && changes.changed[0].hasPrefix("PL.2") && changes.removed.isEmpty
            }
            #expect(try db.connection.query("SELECT count(*) FROM activities").scalar(Int.self) == 2)

            let activityID = try db.connection.query("SELECT id FROM activities WHERE ref = 'PL.2'").scalar(Int64.self)
            let replaced = try store.importPlan(changed, replace: true)
            #expect(replaced.outcome == .replaced(previousRevision: 1))
            #expect(replaced.revision == 2)
            // The activity kept its identity (progress recorded against it stays attached).
            let after = try db.connection.query(
                "SELECT id, schedule_from::text FROM activities WHERE ref = 'PL.2' AND removed_in_revision IS NULL"
            ).singleRow()
            #expect(try after.decode(Int64.self, at: 0) == activityID)
            #expect(try after.decode(String.self, at: 1) == "2024-07-01")
            let revisions = try db.connection.query(
                "SELECT revision, content->'activities'->1->'schedule'->>'text' FROM plan_revisions ORDER BY revision")
            #expect(try revisions.map { try $0.decode(String.self, at: 1) } == ["Tháng 6/2024", "Quý III/2024"])
        }
    }

    @Test("A child plan links to its parent whichever is imported first")
    func parentLinkEitherOrder() throws {
        try withStore { store, db in
            let child = try store.importPlan(samplePlan(), replace: false)
            #expect(child.linkedParent == nil)
            var parent = samplePlan(
                code: "96/KH-UBND", title: "Thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn tỉnh",
                activities: [
                    PlannedActivity(
                        ref: "III.1", title: "Xây dựng chuyên mục", lead: ["Sở Nội vụ"],
                        schedule: ScheduleGrammar.parse("Định kỳ hằng tháng", planYear: 2024))
                ], sha: "d")
            parent.document.symbol = "KH-UBND"
            parent.document.issuer = "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"
            parent.document.issuerParent = nil
            parent.parent = nil
            let stored = try store.importPlan(parent, replace: false)
            #expect(stored.linkedChildren == ["45/KH-STP"])
            let linked = try db.connection.query(
                "SELECT parent_plan_id FROM plans WHERE id = \(child.planID)").scalar(Int64.self)
            #expect(linked == stored.planID)
        }
    }

    @Test("NFD input is stored NFC, even through direct SQL")
    func nfdStoredNFC() throws {
        try withStore { store, db in
            let nfd = "Phòng Phổ biến, giáo dục pháp luật".decomposedStringWithCanonicalMapping
            var plan = samplePlan()
            plan.activities[0].lead = [nfd]
            plan.activities[0].title = plan.activities[0].title.decomposedStringWithCanonicalMapping
            try store.importPlan(plan, replace: false)
            let nfc = "Phòng Phổ biến, giáo dục pháp luật".precomposedStringWithCanonicalMapping
            #expect(try db.connection.query("SELECT count(*) FROM units WHERE name = \(nfc)").scalar(Int.self) == 1)
            #expect(try db.connection.query("SELECT bool_and(title IS NFC NORMALIZED) FROM activities").scalar(Bool.self))
            try db.connection.query(
                "INSERT INTO units (name, name_key, kind) VALUES (\("Đài Phát thanh".decomposedStringWithCanonicalMapping), 'đài phát thanh', 'organisation')")
            let stored = try db.connection.query("SELECT name FROM units WHERE name_key = 'đài phát thanh'").scalar(String.self)
            #expect(Array(stored.utf8) == Array("Đài Phát thanh".precomposedStringWithCanonicalMapping.utf8))
        }
    }

    @Test("A hostile string is stored verbatim")
    func hostileStringVerbatim() throws {
        try withStore { store, db in
            let hostile = "'); DROP TABLE plans; --"
            var plan = samplePlan()
            plan.activities[0].title = hostile
            plan.activities[0].lead = [hostile]
            try store.importPlan(plan, replace: false)
            #expect(try db.connection.query("SELECT title FROM activities WHERE ref = 'PL.1'").scalar(String.self) == hostile)
            #expect(try db.connection.query("SELECT count(*) FROM units WHERE name = \(hostile)").scalar(Int.self) == 1)
            #expect(try db.connection.query("SELECT to_regclass('plans') IS NOT NULL").scalar(Bool.self))
        }
    }

    @Test("A failing import leaves nothing behind")
    func failingImportRollsBack() throws {
        try withStore { store, db in
            var plan = samplePlan()
            // The second activity breaks a database rule (a reversed period) after the first was written.
            plan.activities[1].schedule = Schedule(
                text: "bad", kind: .period, from: Day(2024, 12, 1), to: Day(2024, 1, 1))
            #expect(throws: (any Error).self) { try store.importPlan(plan, replace: false) }
            for table in ["documents", "plans", "activities", "activity_assignments", "plan_revisions"] {
                let count = try db.connection.query("SELECT count(*) FROM \(unsafeRaw: table)").scalar(Int.self)
                #expect(count == 0, "\(table)")
            }
            // Only the bootstrap of the first user happened.
            #expect(try db.connection.query("SELECT count(*) FROM units").scalar(Int.self) == 0)
        }
    }

    @Test("The audit log records who did what, with before and after")
    func auditRecordsWhoAndWhat() throws {
        try withStore(login: "nguyenvana") { store, db in
            let result = try store.importPlan(samplePlan(), replace: false)
            let row = try db.connection.query(
                """
                SELECT actor, action, after->>'title' FROM audit_log
                 WHERE table_name = 'activities' ORDER BY id LIMIT 1
                """
            ).singleRow()
            #expect(try row.decode(String.self, at: 0) == "nguyenvana")
            #expect(try row.decode(String.self, at: 1) == "insert")
            #expect(try row.decode(String.self, at: 2).hasPrefix("Đăng tải tin, bài"))
            try store.transaction { c in
                try c.query("UPDATE activities SET title = 'Sửa lại' WHERE plan_id = \(result.planID) AND ref = 'PL.1'")
            }
            let update = try db.connection.query(
                """
                SELECT actor, before->>'title', after->>'title' FROM audit_log
                 WHERE table_name = 'activities' AND action = 'update'
                """
            ).singleRow()
            #expect(try update.decode(String.self, at: 0) == "nguyenvana")
            #expect(try update.decode(String.self, at: 2) == "Sửa lại")
        }
    }
}
