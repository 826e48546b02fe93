import Foundation
import ZIPFoundation

/// Reads every entry of a ZIP (in archive order) with ZIPFoundation, independently of the OOXML reader.
enum PackageParts {
    struct Part {
        var path: String
        var bytes: Data
        var modificationDate: Date
    }

    static func read(_ data: Data) throws -> [Part] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [Part] = []
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts.append(Part(path: entry.path, bytes: bytes, modificationDate: entry.fileAttributes[.modificationDate] as? Date ?? .distantPast))
        }
        return parts
    }

    /// The text of one part.
    static func text(_ data: Data, _ path: String) throws -> String {
        guard let part = try read(data).first(where: { $0.path == path }) else { return "" }
        return String(decoding: part.bytes, as: UTF8.self)
    }
}
