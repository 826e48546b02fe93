import Foundation
import Testing

/// Golden files under Tests/ReportExportTests/Golden/. Run the tests with `CCHC_REGENERATE_GOLDEN=1` to
/// rewrite them from the current output (then review the diff before committing).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var regenerating: Bool { ProcessInfo.processInfo.environment["CCHC_REGENERATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name`, or rewrites the file when regenerating.
    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if regenerating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("golden file \(name) is missing: run with CCHC_REGENERATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line =
                zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            let want = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
            let got = line < actualLines.count ? String(actualLines[line]) : "<end>"
            let message =
                "\(name) differs at line \(line + 1):\n  golden: \(want.prefix(300))\n  actual: \(got.prefix(300))\n"
                + "(CCHC_REGENERATE_GOLDEN=1 rewrites the golden files)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
