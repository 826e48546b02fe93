// TEMPORARY until the OOXML reader lands.
import Foundation
import PlanCore
struct TemporaryDocxError: Error {}
enum DocxBlockReader {
    static func read(_ data: Data) throws -> ([Block], [Diagnostic]) { throw TemporaryDocxError() }
}
extension PlanImporter {
    static func reason(for error: any Error) -> PlanImportError.Reason { .notAZip }
}
