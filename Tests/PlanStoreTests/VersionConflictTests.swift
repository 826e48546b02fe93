import Foundation
import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

/// Two people editing the same activity: the second edit, made on what they read before the first was
/// saved, is refused as a conflict; nothing is silently overwritten.
@Suite("No lost updates: two connections editing one activity")
struct VersionConflictTests {
    final class Outcome: @unchecked Sendable {
        var error: (any Error)?
        var finished = false
    }

    static func isConflict(_ error: any Error, expected: Int, found: Int) -> Bool {
        guard case StoreError.conflict(_, let reference, let e, let f)? = error as? StoreError else { return false }
        return reference == "45/KH-STP#3" && e == expected && f == found
    }

    @Test("The second of two edits made on the same version is refused, naming both versions")
    func staleEdit() throws {
        try Seed.withPlans { store, db in
            _ = try store.addUser(login: "truongvp", role: .admin, unitID: nil, displayName: "Trưởng Văn phòng")
            let other = try Seed.session(db, as: "truongvp")
            let mine = try store.findActivity("45/KH-STP#3")
            let theirs = try other.findActivity("45/KH-STP#3")
            #expect(mine.version == theirs.version)

            let saved = try store.editActivity(
                mine, ActivityEdit(title: "Niêm yết thủ tục hành chính tại Bộ phận một cửa"))
            #expect(saved.version == mine.version + 1)
            #expect {
                try other.editActivity(theirs, ActivityEdit(title: "Công khai thủ tục hành chính trên Cổng"))
            } throws: { error in
                Self.isConflict(error, expected: mine.version, found: mine.version + 1)
                    && String(describing: error).contains("Không có gì bị ghi đè")
            }
            #expect(try store.findActivity("45/KH-STP#3").title == "Niêm yết thủ tục hành chính tại Bộ phận một cửa")
        }
    }

    @Test("An edit waiting on another's uncommitted change gets a conflict once that change commits")
    func interleaved() throws {
        try Seed.withPlans { store, db in
            _ = try store.addUser(login: "truongvp", role: .admin, unitID: nil, displayName: nil)
            let activity = try store.findActivity("45/KH-STP#3")
            let configuration = db.configuration
            let outcome = Outcome()
            let done = DispatchSemaphore(value: 0)
            let monitor = try Connection(configuration)

            try store.connection.withTransaction { connection in
                try connection.query("SELECT set_config('cchc.user', \(Seed.admin), true)")
                try connection.query("SET LOCAL ROLE cchc_admin")
                let updated = try connection.query(
                    """
                    UPDATE activities SET title = 'Bản của người thứ nhất', version = version + 1
                     WHERE id = \(activity.id) AND version = \(activity.version)
                    """
                ).affectedRows
                #expect(updated == 1)

                // The second person edits from the version both read; their UPDATE waits on our row lock.
                Thread.detachNewThread {
                    defer { done.signal() }
                    do {
                        let second = try Store(connection: Connection(configuration), actingAs: "truongvp")
                        _ = try second.editActivity(activity, ActivityEdit(title: "Bản của người thứ hai"))
                    } catch {
                        outcome.error = error
                    }
                    outcome.finished = true
                }
                var waiting = false
                for _ in 0..<200 where !waiting {
                    waiting = try monitor.query(
                        """
                        SELECT count(*) > 0 FROM pg_stat_activity
                         WHERE datname = current_database() AND wait_event_type = 'Lock'
                        """
                    ).scalar(Bool.self)
                    if !waiting { Thread.sleep(forTimeInterval: 0.05) }
                }
                #expect(waiting, "the second edit should be waiting for the first one's lock")
                #expect(!outcome.finished)
            }
            #expect(done.wait(timeout: .now() + 30) == .success)
            let error = try #require(outcome.error)
            #expect(Self.isConflict(error, expected: activity.version, found: activity.version + 1))
            #expect(try store.findActivity("45/KH-STP#3").title == "Bản của người thứ nhất")
        }
    }

    @Test("An explicit expected version that is not current is refused and nothing changes")
    func expectedVersion() throws {
        try Seed.withPlans { store, _ in
            let activity = try store.findActivity("45/KH-STP#3")
            #expect {
                try store.setActivityState(activity, .done(Day(2024, 6, 1)!), expectedVersion: activity.version + 5)
            } throws: { error in
                Self.isConflict(error, expected: activity.version + 5, found: activity.version)
            }
            let after = try store.findActivity("45/KH-STP#3")
            #expect(after.state == .open && after.version == activity.version)
            let saved = try store.setActivityState(after, .done(Day(2024, 6, 1)!), expectedVersion: after.version)
            #expect(saved.version == after.version + 1 && saved.state == .done(Day(2024, 6, 1)!))
        }
    }

    @Test("Assigning and unassigning units also check and bump the version")
    func assignmentsBumpVersion() throws {
        try Seed.withPlans { store, _ in
            let activity = try store.findActivity("45/KH-STP#3")
            let unit = try store.findUnit("Phòng Hành chính tư pháp")
            let assigned = try store.assign(activity, unit: unit.id, role: .coordinating)
            #expect(assigned.version == activity.version + 1)
            #expect(throws: StoreError.self) { try store.unassign(activity, unit: unit.id) }
            let unassigned = try store.unassign(assigned, unit: unit.id)
            #expect(unassigned.version == activity.version + 2)
        }
    }
}
