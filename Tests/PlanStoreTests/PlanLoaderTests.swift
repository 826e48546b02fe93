import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("Loading a plan: one snapshot, evidence read beside the entries")
struct PlanLoaderTests {
    struct Rollback: Error {}

    /// Two entries of 45/KH-STP#2 recorded out of date order, the later one with two pieces of evidence.
    private func record(_ store: Store) throws -> (activity: Int64, unit: Int64) {
        let activity = try store.findActivity("45/KH-STP#2").id
        let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật").id
        _ = try store.addProgress(
            NewProgress(
                activityID: activity, unitID: unit, date: Day(2024, 6, 1)!, text: "Hội nghị thứ hai", quantity: 1,
                quantityUnit: "hội nghị", evidence: [.url("https://stp.binhphuoc.gov.vn/hoi-nghi-2"), .document("16/BC-STP")]))
        _ = try store.addProgress(
            NewProgress(activityID: activity, unitID: unit, date: Day(2024, 5, 2)!, text: "Hội nghị thứ nhất"))
        return (activity, unit)
    }

    @Test("on its own the load reads evidence on a second session and gets the same plan as inside a transaction")
    func sideSession() throws {
        try Seed.withPlans { store, _ in
            let (activityID, _) = try record(store)
            let plan = try store.findPlan("45/KH-STP")
            #expect(!store.connection.isInTransaction)
            let alone = try store.loadPlan(id: plan.id, namesOn: Day(2024, 6, 30)!)
            let inside = try store.transaction { _ in try store.loadPlan(id: plan.id, namesOn: Day(2024, 6, 30)!) }
            #expect(alone == inside)
            let activity = try #require(alone.activities.first { $0.id == activityID })
            #expect(activity.progress.map(\.text) == ["Hội nghị thứ nhất", "Hội nghị thứ hai"])
            #expect(activity.progress[0].evidence.isEmpty)
            #expect(activity.progress[1].evidence.map(\.value) == ["https://stp.binhphuoc.gov.vn/hoi-nghi-2", "16/BC-STP"])
        }
    }

    @Test("inside a caller's transaction the load sees that transaction's own uncommitted entries and evidence")
    func callersTransaction() throws {
        try Seed.withPlans { store, _ in
            let (activityID, unitID) = try record(store)
            let plan = try store.findPlan("45/KH-STP")
            #expect(throws: Rollback.self) {
                try store.transaction { _ in
                    _ = try store.addProgress(
                        NewProgress(
                            activityID: activityID, unitID: unitID, date: Day(2024, 6, 10)!, text: "Chưa lưu",
                            evidence: [.document("17/BC-STP")]))
                    let loaded = try store.loadPlan(id: plan.id, namesOn: Day(2024, 6, 30)!)
                    let activity = try #require(loaded.activities.first { $0.id == activityID })
                    #expect(activity.progress.map(\.text) == ["Hội nghị thứ nhất", "Hội nghị thứ hai", "Chưa lưu"])
                    #expect(activity.progress.last?.evidence.map(\.value) == ["17/BC-STP"])
                    throw Rollback()
                }
            }
            let after = try store.loadPlan(id: plan.id, namesOn: Day(2024, 6, 30)!)
            #expect(after.activities.first { $0.id == activityID }?.progress.count == 2)
        }
    }

    @Test("a viewer's load reads the evidence under the viewer's own role on the second session")
    func viewerSession() throws {
        try Seed.withPlans { store, db in
            let (activityID, _) = try record(store)
            _ = try store.addUser(login: "xem", role: .viewer, unitID: nil, displayName: nil)
            let viewer = try Seed.session(db, as: "xem")
            let plan = try viewer.findPlan("45/KH-STP")
            let loaded = try viewer.loadPlan(id: plan.id, namesOn: Day(2024, 6, 30)!)
            #expect(loaded == (try store.loadPlan(id: plan.id, namesOn: Day(2024, 6, 30)!)))
            #expect(loaded.activities.first { $0.id == activityID }?.progress.last?.evidence.count == 2)
        }
    }
}
