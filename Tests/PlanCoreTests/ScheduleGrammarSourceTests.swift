import Foundation
import PlanCore
import Testing

@Suite("ScheduleGrammar: text as written, and the fixtures' time frames")
struct ScheduleGrammarSourceTests {
    @Test("NFD input reads like NFC, and the result keeps the text in NFC")
    func decomposedInput() {
        let nfd = "Quý III/2024".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count != "Quý III/2024".unicodeScalars.count)
        let schedule = ScheduleGrammar.parse(nfd, planYear: 2024)
        #expect(schedule.kind == .period)
        #expect(schedule.from == Day(2024, 7, 1))
        #expect(schedule.text.unicodeScalars.elementsEqual("Quý III/2024".unicodeScalars))
    }

    @Test("the text is kept as written, only trimmed: capitals, punctuation, tone placement")
    func textKept() {
        let written = "\u{00A0} Thường xuyên, liên tục (thủy sản).\t"
        #expect(ScheduleGrammar.parse(written, planYear: 2024).text == "Thường xuyên, liên tục (thủy sản).")
        #expect(ScheduleGrammar.parse(" Khi có  yêu cầu ", planYear: 2024).text == "Khi có  yêu cầu")
    }

    @Test("a missing year is the plan year")
    func planYear() {
        let schedule = ScheduleGrammar.parse("Quý I", planYear: 2026)
        #expect(schedule.from == Day(2026, 1, 1))
        #expect(schedule.to == Day(2026, 3, 31))
        #expect(ScheduleGrammar.parse("thường xuyên", planYear: 2025).range == .year(2025))
    }

    @Test("an unusable plan year gives unspecified, not a crash")
    func absurdPlanYear() {
        #expect(ScheduleGrammar.parse("Quý I", planYear: 0).kind == .unspecified)
    }

    @Test("Ð (eth) typed for Đ and a stray tone placement still read")
    func lookalikes() {
        #expect(ScheduleGrammar.parse("Ðịnh kỳ hằng quý", planYear: 2024).every == .quarter)
        #expect(ScheduleGrammar.parse("Định kỳ hằng qúy", planYear: 2024).every == .quarter)
    }

    /// The time frames written in a fixture, in document order: body lines "Thời gian thực hiện: …" and
    /// the "Thời gian thực hiện" column of annex tables ("STT | … | Thời gian thực hiện | …").
    static func writtenFrames(_ text: String) -> [String] {
        var frames: [String] = []
        var column: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let range = line.range(of: "Thời gian thực hiện:") {
                frames.append(String(line[range.upperBound...]))
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count > 2 else { continue }
            if let index = cells.firstIndex(where: { $0.hasPrefix("Thời gian") }) {
                column = index
            } else if let column, column < cells.count, Int(cells[0]) != nil {
                frames.append(cells[column])
            }
        }
        return frames
    }

    static let fixtures = ["KH-SLDTBXH-2024", "96-KH-UBND-2024", "45-KH-STP-2024"]

    @Test("every time frame of the fixtures means what its expect.json says", arguments: fixtures)
    func fixtureFrames(_ name: String) throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures")
        let text = try String(contentsOf: directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let expect = try JSONValue.parse(
            String(contentsOf: directory.appendingPathComponent("\(name).expect.json"), encoding: .utf8))
        let activities = try #require(expect["activities"]?.arrayValue)
        let frames = Self.writtenFrames(text)
        #expect(frames.count == activities.count)
        for (written, activity) in zip(frames, activities) {
            let expected = try #require(activity["schedule"])
            let schedule = ScheduleGrammar.parse(written, planYear: 2024)
            #expect(schedule.kind.rawValue == expected["kind"]?.stringValue, "kind of \"\(written)\"")
            #expect(schedule.from?.iso == expected["from"]?.stringValue, "from of \"\(written)\"")
            #expect(schedule.to?.iso == expected["to"]?.stringValue, "to of \"\(written)\"")
        }
    }
}
