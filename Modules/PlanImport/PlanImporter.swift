import Crypto
import Foundation
import OOXML
import PlanCore

/// Reads a plan document (.txt, .md, .docx — recognised from the content, not only the name) into a
/// `PlanDocument` (`cchc.plan/v1`). Never fatal on imperfect documents: what a reader should check
/// becomes a warning; only unreadable files throw.
public struct PlanImporter: Sendable {
    /// The largest file accepted, in bytes (20 MB).
    public var maxFileSize: Int

    public init(maxFileSize: Int = 20 * 1024 * 1024) {
        self.maxFileSize = maxFileSize
    }

    /// Reads the file at `file`; errors name the file (its last path component).
    public func read(file: URL) throws(PlanImportError) -> PlanDocument {
        let name = file.lastPathComponent
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        } catch {
            throw PlanImportError(file: name, reason: .unreadable("không tìm thấy tệp hoặc không có quyền đọc"))
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            throw PlanImportError(file: name, reason: .unreadable("đây là thư mục, không phải tệp"))
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > maxFileSize {
            throw PlanImportError(file: name, reason: .tooLarge(size: size, limit: maxFileSize))
        }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw PlanImportError(file: name, reason: .unreadable("lỗi khi đọc tệp"))
        }
        return try read(data: data, fileName: name)
    }

    /// Reads a document from its bytes; `fileName` names it in the result and in errors.
    public func read(data: Data, fileName: String) throws(PlanImportError) -> PlanDocument {
        let name = (fileName as NSString).lastPathComponent
        func fail(_ reason: PlanImportError.Reason) -> PlanImportError { PlanImportError(file: name, reason: reason) }
        if data.count > maxFileSize { throw fail(.tooLarge(size: data.count, limit: maxFileSize)) }
        if data.isEmpty { throw fail(.empty) }
        let sha256 = Self.sha256(data)
        let kind = FileKind.sniff(data, fileName: name)
        switch kind {
        case .docx:
            let blocks: [Block]
            let notes: [Diagnostic]
            do {
                var limits = PackageLimits.default
                limits.maxFileSize = maxFileSize
                (blocks, notes) = try DocxBlockReader.read(data, limits: limits)
            } catch {
                throw fail(Self.reason(for: error))
            }
            guard !blocks.isEmpty else { throw fail(.empty) }
            let source = PlanDocument.Source(file: name, sha256: sha256, mediaType: .docx)
            return PlanParser.parse(blocks, source: source, notes: notes)
        case .text:
            guard let decoded = TextDecoding.decode(data) else { throw fail(.binary) }
            if decoded.text.allSatisfy({ $0.isWhitespace }) { throw fail(.empty) }
            let lines = TextBlockReader.splitLines(decoded.text)
            let markdown = FileKind.hasMarkdownExtension(name) || MarkdownCleanup.looksLikeMarkdown(lines)
            let blocks = TextBlockReader.read(decoded.text, markdown: markdown)
            var notes: [Diagnostic] = []
            if let legacy = decoded.legacy { notes.append(LegacyNote.diagnostic(legacy)) }
            let source = PlanDocument.Source(file: name, sha256: sha256, mediaType: markdown ? .md : .txt)
            return PlanParser.parse(blocks, source: source, notes: notes)
        case .notAZip:
            throw fail(.notAZip)
        case .unsupported(let format):
            throw fail(.unsupportedFormat(format))
        case .encrypted:
            throw fail(.encrypted)
        }
    }

    /// Lower-case hex SHA-256.
    static func sha256(_ data: Data) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}

/// What a file is, from its first bytes (and, for a few cases, its name).
enum FileKind: Equatable {
    case docx
    case text
    case notAZip
    case encrypted
    case unsupported(String)

    static func sniff(_ data: Data, fileName: String) -> FileKind {
        let head = [UInt8](data.prefix(8))
        let ext = (fileName as NSString).pathExtension.lowercased()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .docx
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // An OLE compound file: a Word 97-2003 document, or a password-protected .docx.
            return ["docx", "docm", "dotx"].contains(ext) ? .encrypted : .unsupported("Word 97-2003 (.doc)")
        }
        if head.starts(with: Array("%PDF".utf8)) { return .unsupported("PDF") }
        if head.starts(with: Array("{\\rtf".utf8)) { return .unsupported("RTF") }
        if ["docx", "docm", "dotx"].contains(ext) { return .notAZip }
        return .text
    }

    static func hasMarkdownExtension(_ fileName: String) -> Bool {
        ["md", "markdown"].contains((fileName as NSString).pathExtension.lowercased())
    }
}

/// The warning that a text was converted from a legacy encoding.
enum LegacyNote {
    static func diagnostic(_ encoding: LegacyVietnameseEncoding) -> Diagnostic {
        let name: String
        switch encoding {
        case .tcvn3: name = "TCVN3 (ABC, phông .VnTime)"
        case .vni: name = "VNI (phông VNI-Times)"
        case .windows1258: name = "Windows-1258"
        }
        return Diagnostic(
            code: "legacy-encoding",
            message: "Văn bản dùng bảng mã cũ \(name), đã được chuyển sang Unicode; cần đọc soát lại dấu tiếng Việt.",
            location: nil)
    }
}
