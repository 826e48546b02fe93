import PlanCore
import ReportExport
import Testing

@Suite("Per-unit completeness")
struct UnitCompletenessTests {
    private let yearLong = Sample.schedule(.continuous, "2024-01-01", "2024-12-31")

    @Test("expected, reported, on time and late per lead unit")
    func onTimeVersusLate() throws {
        let deadline = try Sample.report([]).period.deadline
        let onTime = deadline.iso
        let late = deadline.adding(days: 1).iso
        let activities = [
            Sample.activity(1, "1", yearLong, lead: [Sample.office], progress: [Sample.entry(1, "2024-04-01", recordedOn: onTime)]),
            Sample.activity(2, "2", yearLong, lead: [Sample.office], progress: [Sample.entry(2, "2024-04-01", recordedOn: late)]),
            Sample.activity(3, "3", yearLong, lead: [Sample.office, Sample.labourDivision]),
            // Late first, then on time: the on-time entry makes the activity on time.
            Sample.activity(
                4, "4", yearLong, lead: [Sample.labourDivision],
                progress: [
                    Sample.entry(3, "2024-04-01", by: Sample.labourDivision, recordedOn: late),
                    Sample.entry(4, "2024-05-01", by: Sample.labourDivision, recordedOn: onTime),
                ]),
            // A coordinating unit's entry does not count for the lead.
            Sample.activity(
                5, "5", yearLong, lead: [Sample.labourDivision], coordinating: [Sample.office],
                progress: [Sample.entry(5, "2024-04-01", by: Sample.office)]),
            // Unspecified and cancelled activities expect nothing.
            Sample.activity(6, "6", Sample.schedule(.unspecified, nil, nil), lead: [Sample.office]),
            Sample.activity(7, "7", yearLong, state: .cancelled(Sample.day("2024-04-01")), lead: [Sample.office]),
        ]
        let units = try Sample.report(activities).figures.units
        #expect(units.map(\.unit) == ["Văn phòng Sở", "Phòng Lao động - Việc làm"])
        let office = units[0]
        #expect((office.expected, office.reported, office.onTime, office.late, office.missing) == (3, 2, 1, 1, 1))
        let division = units[1]
        #expect((division.expected, division.reported, division.onTime, division.late, division.missing) == (3, 1, 1, 0, 2))
    }

    @Test("a group lead counts entries from units that are not other named leads")
    func groupLead() throws {
        let activity = Sample.activity(
            1, "1", yearLong, lead: [Sample.office, Sample.services],
            progress: [Sample.entry(1, "2024-04-01", by: Sample.jobCentre)])
        let units = try Sample.report([activity]).figures.units
        #expect(units.map(\.unit) == ["Văn phòng Sở", "các đơn vị sự nghiệp trực thuộc Sở"])
        #expect(units.map(\.reported) == [0, 1])
    }

    @Test("an entry recorded on the deadline day is on time")
    func deadlineDayIsOnTime() throws {
        let deadline = try Sample.report([]).period.deadline
        let activity = Sample.activity(1, "1", yearLong, progress: [Sample.entry(1, "2024-06-14", recordedOn: deadline.iso)])
        #expect(try Sample.report([activity]).figures.units.map(\.onTime) == [1])
    }
}
