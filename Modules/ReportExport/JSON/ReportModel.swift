import Foundation
import PlanCore

/// The whole report model as stored beside a submitted snapshot, so that every later export of a
/// submitted period (docx, csv, md, json, xlsx, pdf) renders exactly what was submitted, not today's data.
///
/// `cchc.report/v1` is the exchange format and leaves out what only the documents print (signer, Nơi nhận,
/// products, year-to-date figures, recorded days…); this text keeps everything. It is internal (not a
/// contract), deterministic (sorted keys), and tied to the hashed `cchc.report/v1` text when read back.
extension Report {
    /// The model as JSON text with sorted keys: the same report always gives the same text.
    public func modelText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads a stored model back and checks it against the frozen `cchc.report/v1` text it was stored with:
    /// the model must write exactly that text, so a document rendered from it says what the hashed JSON says.
    public init(modelText: String, frozenJSON: String, snapshotName: String) throws(ReportExportError) {
        let decoded: Report
        do {
            decoded = try JSONDecoder().decode(Report.self, from: Data(modelText.utf8))
        } catch {
            throw .snapshotModel(snapshot: snapshotName, reason: "không đọc được mô hình báo cáo đã lưu (\(error))")
        }
        guard decoded.jsonText() == frozenJSON else {
            throw .snapshotModel(
                snapshot: snapshotName, reason: "mô hình báo cáo đã lưu không khớp nội dung JSON đã băm sha256")
        }
        self = decoded
    }
}
