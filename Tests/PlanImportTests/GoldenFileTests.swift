import Foundation
import PlanCore
import Testing
@testable import PlanImport

/// The JSON of each fixture is checked in under `Golden/` and compared byte for byte.
///
/// To regenerate after an intended change, run
/// `CCHC_UPDATE_GOLDEN=1 swift test --filter GoldenFileTests` and review the diff of `Golden/`.
@Suite("Golden JSON files")
struct GoldenFileTests {
    static let directory = Fixtures.testsDirectory.appendingPathComponent("Golden")

    @Test("the importer's JSON equals the checked-in golden file", arguments: Fixtures.documents)
    func matchesGolden(name: String) throws {
        let json = try PlanImporter().read(file: Fixtures.url(name)).json.serialized()
        let golden = Self.directory.appendingPathComponent(name + ".json")
        if ProcessInfo.processInfo.environment["CCHC_UPDATE_GOLDEN"] == "1" {
            try Data(json.utf8).write(to: golden)
        }
        let expected = try Data(contentsOf: golden)
        #expect(Data(json.utf8) == expected, "\(name) differs from Golden/\(name).json")
    }

    @Test("importing the same bytes twice gives identical JSON", arguments: Fixtures.documents)
    func deterministic(name: String) throws {
        let data = try Fixtures.data(name)
        let first = try PlanImporter().read(data: data, fileName: name).json.serialized()
        let second = try PlanImporter().read(data: data, fileName: name).json.serialized()
        #expect(first == second)
    }
}
