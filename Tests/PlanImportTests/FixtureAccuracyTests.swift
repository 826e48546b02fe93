import Foundation
import PlanCore
import Testing
@testable import PlanImport

/// Every fixture, in each of its formats, scores 100 % with the `check-plan-json` scoring.
@Suite("Fixtures score 100 % against their expectations")
struct FixtureAccuracyTests {
    @Test("document identity, parent and every activity match", arguments: Fixtures.documents)
    func scoresFull(name: String) throws {
        let plan = try PlanImporter().read(file: Fixtures.url(name))
        let expect = try JSONValue.parse(String(contentsOf: Fixtures.expectation(for: name), encoding: .utf8))
        let actual = try JSONValue.parse(plan.json.serialized())
        let result = PlanScorer.score(expect: expect, actual: actual)
        #expect(result.misses == [], "\(name): \(result.got)/\(result.total)")
        #expect(result.got == result.total)
    }

    @Test("the scorer notices a wrong activity")
    func scorerDetectsMistakes() throws {
        var plan = try PlanImporter().read(file: Fixtures.url("96-KH-UBND-2024.txt"))
        plan.activities[2].coordinating.removeLast()
        plan.activities.removeLast()
        let expect = try JSONValue.parse(String(contentsOf: Fixtures.expectation(for: "96-KH-UBND-2024.txt"), encoding: .utf8))
        let result = PlanScorer.score(expect: expect, actual: try JSONValue.parse(plan.json.serialized()))
        #expect(result.got < result.total)
        #expect(result.misses.contains { $0.contains("coordinating") })
        #expect(result.misses.contains { $0.contains("not found") })
    }

    @Test("the Word and text versions of a plan read the same")
    func formatsAgree() throws {
        for base in ["96-KH-UBND-2024", "45-KH-STP-2024"] {
            let text = try PlanImporter().read(file: Fixtures.url(base + ".txt"))
            let word = try PlanImporter().read(file: Fixtures.url(base + ".docx"))
            #expect(text.document == word.document)
            #expect(text.parent == word.parent)
            #expect(text.sections == word.sections)
            #expect(text.activities == word.activities)
            #expect(text.responsibilities == word.responsibilities)
            #expect(text.warnings.map(\.code) == word.warnings.map(\.code))
        }
    }
}
