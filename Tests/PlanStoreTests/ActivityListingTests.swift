import PlanCore
import PlanStore
import Postgres
import TestSupport
import Testing

@Suite("Listing activities: filters by unit, status and due window; statuses by the report's rules")
struct ActivityListingTests {
    static let asOf = Day(2024, 7, 15)!

    @Test("Statuses on a day: overdue past the time frame, in progress with an entry, done by decision")
    func statuses() throws {
        try Seed.withPlans { store, _ in
            let plan = try store.findPlan("45/KH-STP")
            let unit = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            let two = try store.findActivity("45/KH-STP#2")
            _ = try store.addProgress(
                NewProgress(activityID: two.id, unitID: unit.id, date: Day(2024, 5, 2)!, text: "Đã lồng ghép"))
            _ = try store.setActivityState(try store.findActivity("45/KH-STP#3"), .done(Day(2024, 6, 10)!))
            let listing = try store.listActivities(ActivityFilter(planID: plan.id, asOf: Self.asOf))
            let byRef = Dictionary(uniqueKeysWithValues: listing.map { ($0.activity.ref, $0.status) })
            #expect(byRef["2"] == .inProgress)
            #expect(byRef["3"] == .done)
            #expect(byRef["4"] == .overdue)  // Tháng 6/2024, nothing done by 15/7
            #expect(byRef["5"] == .notStarted)  // Quý III/2024
            #expect(byRef["6"] == .notStarted)  // before 10/12/2024
            #expect(byRef["1"] == .noResult)  // continuous, no result yet in the window 15/6–14/9
        }
    }

    @Test("Filters: by unit (direct or through a group), status, due window")
    func filters() throws {
        try Seed.withPlans { store, _ in
            let plan = try store.findPlan("45/KH-STP")
            let centre = try store.findUnit("Trung tâm Phục vụ hành chính công tỉnh")
            let byUnit = try store.listActivities(ActivityFilter(planID: plan.id, unitID: centre.id, asOf: Self.asOf))
            #expect(byUnit.map(\.activity.ref) == ["3", "4"])

            let legal = try store.findUnit("Phòng Phổ biến, giáo dục pháp luật")
            try store.addGroupMember(group: store.findUnit("Các phòng, đơn vị thuộc Sở").id, member: legal.id)
            let throughGroup = try store.listActivities(
                ActivityFilter(planID: plan.id, unitID: legal.id, asOf: Self.asOf))
            #expect(throughGroup.map(\.activity.ref) == ["1", "2", "5"])

            let overdue = try store.listActivities(
                ActivityFilter(planID: plan.id, statuses: [.overdue], asOf: Self.asOf))
            #expect(overdue.map(\.activity.ref) == ["3", "4"])

            let due = try store.listActivities(
                ActivityFilter(planID: plan.id, dueFrom: Day(2024, 6, 1)!, dueTo: Day(2024, 9, 30)!, asOf: Self.asOf))
            #expect(due.map(\.activity.ref) == ["3", "4", "5"])
        }
    }
}
