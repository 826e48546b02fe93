import Foundation
import PlanCore
@testable import PlanImport

/// The shared fixtures (`Tests/Fixtures/`), found relative to this file.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // PlanImportTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures")

    /// This test target's directory.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// The plan documents with an expectation file, in every format present.
    static let documents: [String] = [
        "KH-SLDTBXH-2024.txt", "96-KH-UBND-2024.txt", "96-KH-UBND-2024.docx", "45-KH-STP-2024.txt",
        "45-KH-STP-2024.docx", "123-QD-UBND-2024.txt",
    ]

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// The expectation file of a document ("96-KH-UBND-2024.docx" → "96-KH-UBND-2024.expect.json").
    static func expectation(for name: String) -> URL {
        url((name as NSString).deletingPathExtension + ".expect.json")
    }
}

/// Imports text written in a test.
func importText(_ text: String, fileName: String = "test.txt") throws -> PlanDocument {
    try PlanImporter().read(data: Data(text.utf8), fileName: fileName)
}
