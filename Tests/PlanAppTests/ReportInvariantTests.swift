import Foundation
import PlanApp
import PlanCore
import PlanStore
import Postgres
import ReportExport
import TestSupport
import Testing

/// The invariant behind every report: it says what the database holds. For random departments (groups,
/// members, nested divisions, renames, corrections, withdrawals, evidence, staff sessions, entries in and out of the
/// windows), every period of both regimes is reported, and the report model, its JSON, its CSV and the
/// status board are compared entry by entry with an independent SQL query of the entries in the window.
@Suite("Reports and the board say exactly what the database holds")
struct ReportInvariantTests {
    /// One result as the independent query sees it, and as every output must show it.
    struct Entry: Hashable, CustomStringConvertible {
        var ref: String
        var date: Day
        var unit: String
        var text: String
        var quantity: Double?
        var quantityUnit: String?
        var evidence: [String]

        var description: String { "\(ref) \(date.iso) \(unit): \(text) [\(evidence.joined(separator: ", "))]" }
    }

    /// The current (not superseded) entries of the plan's current activities dated inside `days`, with the
    /// unit's name valid on `namesOn`: written from the schema, not from the store's loader.
    static func expected(_ connection: Connection, plan: Int64, days: DayRange, namesOn: Day) throws -> [Int64: Entry] {
        var entries: [Int64: Entry] = [:]
        for row in try connection.query(
            """
            SELECT p.id, a.ref, p.entry_date::text, u.name, p.text, p.quantity::float8, p.quantity_unit,
                   coalesce((SELECT array_agg(e.kind || ':' || e.value ORDER BY e.position)
                               FROM evidence e WHERE e.progress_entry_id = p.id), '{}')
              FROM progress_entries p
              JOIN activities a ON a.id = p.activity_id
              JOIN units u ON u.id = cchc_unit_on(p.unit_id, \(namesOn.iso)::date)
             WHERE a.plan_id = \(plan) AND a.removed_in_revision IS NULL
               AND p.entry_date BETWEEN \(days.from.iso)::date AND \(days.to.iso)::date
               AND NOT EXISTS (SELECT 1 FROM progress_entries s WHERE s.supersedes_id = p.id)
               AND NOT p.withdrawn
            """)
        {
            entries[try row.decode(Int64.self, at: 0)] = Entry(
                ref: try row.decode(String.self, at: 1), date: Day(iso: try row.decode(String.self, at: 2))!,
                unit: try row.decode(String.self, at: 3), text: try row.decode(String.self, at: 4),
                quantity: try row.decode(Double?.self, at: 5), quantityUnit: try row.decode(String?.self, at: 6),
                evidence: try row.decode([String].self, at: 7))
        }
        return entries
    }

    static func evidenceKey(_ evidence: Evidence) -> String { "\(evidence.kind.rawValue):\(evidence.value)" }

    /// Checks one report (model, JSON, CSV) and the board against the database.
    static func check(
        _ store: Store, _ connection: Connection, plan: StoredPlan, period: PeriodID, regime: ReportingRegime,
        seed: UInt64
    ) throws -> Int {
        let assembly = try ReportAssembly(
            store: store, plan: plan.reference, period: period.description, regime: regime.id, date: nil)
        let report = try assembly.report(asOf: nil, status: .draft, snapshot: nil)
        let window = try regime.window(for: period)
        let expected = try expected(connection, plan: plan.id, days: window, namesOn: assembly.date)
        let context = "seed \(seed), \(period) \(regime.id)"

        // The model, entry by entry (ids), with every field, ordered by day within an activity.
        var seen: [Int64: Entry] = [:]
        for activity in report.activities {
            for result in activity.results {
                seen[result.id] = Entry(
                    ref: activity.ref, date: result.date, unit: result.unit.name, text: result.text,
                    quantity: result.quantity, quantityUnit: result.quantityUnit,
                    evidence: result.evidence.map(evidenceKey))
            }
            let order = activity.results.map { ($0.date, $0.id) }
            #expect(zip(order, order.dropFirst()).allSatisfy { $0 <= $1 }, "\(context): \(activity.ref) out of order")
        }
        #expect(report.figures.progressEntries == expected.count, "\(context)")
        #expect(Set(seen.keys) == Set(expected.keys), "\(context): ids differ")
        for (id, entry) in expected where seen[id] != entry {
            Issue.record("\(context): entry #\(id) is \(String(describing: seen[id])) in the report, \(entry) in the database")
        }
        #expect(report.figures.evidence == expected.values.reduce(0) { $0 + $1.evidence.count }, "\(context)")

        // The model a submission stores reads back as the same report, tied to the same hashed JSON.
        let frozenJSON = report.jsonText()
        #expect(try Report(modelText: report.modelText(), frozenJSON: frozenJSON, snapshotName: context) == report, "\(context)")

        // The JSON the province aggregates.
        let json = try JSONValue.parse(frozenJSON)
        var fromJSON: [Entry] = []
        for activity in json["activities"]?.arrayValue ?? [] {
            for result in activity["results"]?.arrayValue ?? [] {
                fromJSON.append(
                    Entry(
                        ref: activity["ref"]?.stringValue ?? "", date: Day(iso: result["date"]?.stringValue ?? "")!,
                        unit: result["unit"]?.stringValue ?? "", text: result["text"]?.stringValue ?? "",
                        quantity: result["quantity"]?.doubleValue, quantityUnit: result["quantityUnit"]?.stringValue,
                        evidence: (result["evidence"]?.arrayValue ?? []).map {
                            "\($0["kind"]?.stringValue ?? ""):\($0["value"]?.stringValue ?? "")"
                        }))
            }
        }
        #expect(json["summary"]?["progressEntries"]?.intValue == expected.count, "\(context)")
        #expect(bag(fromJSON) == bag(Array(expected.values)), "\(context): JSON differs")

        // The CSV: one line per result in the Kết quả cell of its activity's row.
        let rows = try CSVReader.rows(String(decoding: report.csvData().dropFirst(3), as: UTF8.self))
        let header = try #require(rows.first)
        let refColumn = try #require(header.firstIndex(of: "Mã"))
        let resultColumn = try #require(header.firstIndex(of: "Kết quả"))
        var csvLines: [String: [String]] = [:]
        for row in rows.dropFirst() {
            let cell = row[resultColumn]
            csvLines[row[refColumn], default: []] += cell.isEmpty ? [] : cell.components(separatedBy: "\n")
        }
        let byActivity = Dictionary(grouping: expected.values, by: \.ref)
        #expect(csvLines.values.reduce(0) { $0 + $1.count } == expected.count, "\(context): CSV lines")
        for (ref, entries) in byActivity {
            let lines = csvLines[ref] ?? []
            #expect(lines.count == entries.count, "\(context): CSV \(ref)")
            for entry in entries {
                let prefix = "\(entry.date.vietnamese) - \(entry.unit): \(entry.text)"
                #expect(lines.contains { $0.hasPrefix(prefix) }, "\(context): CSV \(ref) lacks \(prefix)")
            }
        }

        // The board (bảng theo dõi) for the same period, on the window's last day.
        let board = try store.statusBoard(planID: plan.id, period: period, regime: regime, asOf: window.to)
        let perActivity = Dictionary(grouping: expected.values, by: \.ref).mapValues(\.count)
        #expect(board.items.reduce(0) { $0 + $1.results } == expected.count, "\(context): board total")
        for item in board.items where item.results != (perActivity[item.ref] ?? 0) {
            Issue.record("\(context): board shows \(item.results) results for \(item.ref), the database \(perActivity[item.ref] ?? 0)")
        }
        #expect(Set(perActivity.keys).isSubset(of: Set(board.items.map(\.ref))), "\(context): board misses activities")
        return expected.count
    }

    static func bag(_ entries: [Entry]) -> [Entry: Int] {
        entries.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Every period the two regimes offer for the plan year.
    static var periods: [(PeriodID, ReportingRegime)] {
        var all: [(PeriodID, ReportingRegime)] = []
        for regime in [ReportingRegime.cchc, .nd09] {
            for text in ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2024-H1", "2024-9M", "2024-Y", "2024-M02", "2024-M07", "2024-M12"] {
                let period = try! PeriodID(parsing: text)
                if regime.offers(period.kind) { all.append((period, regime)) }
            }
        }
        return all
    }

    @Test("Random departments of hundreds of entries and tens of units: model, JSON, CSV and board agree with SQL", arguments: [UInt64(11), 29, 47, 83])
    func randomDepartments(seed: UInt64) throws {
        try withMigratedDatabase { db in
            let admin = try Store(connection: db.connection, actingAs: "vanphong")
            let department = try RandomDepartment.build(
                seed: seed, entryTarget: 320, store: admin, configuration: db.configuration)
            #expect(department.unitCount >= 10 && department.entries >= 300 && department.withdrawals >= 20)
            let plan = try admin.findPlan("#\(department.planID)")
            var reported = 0
            for (period, regime) in Self.periods {
                reported += try Self.check(admin, db.connection, plan: plan, period: period, regime: regime, seed: seed)
            }
            #expect(reported > department.entries, "the periods together report more than the year's entries")
        }
    }
}
