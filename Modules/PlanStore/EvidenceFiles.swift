import Crypto
import Foundation
import PlanCore
import Postgres

/// Evidence files kept in the database, once per content (sha256, which the database checks).
enum EvidenceFiles {
    /// The limit of `evidence_files.size` (50 MiB).
    static let maximumSize = 52_428_800

    /// A file read, checked and ready to store.
    struct File {
        var name: String
        var type: EvidenceFileType
        var data: Data
        var sha256: String
    }

    /// Reads a regular file (see `EvidenceInput.classify`), within the size limit, and finds its type from
    /// its content; a file that is not a kind of evidence is refused.
    static func read(path: String) throws(StoreError) -> File {
        let name = storedName(URL(fileURLWithPath: path).lastPathComponent)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw StoreError.invalid("Không đọc được tệp kiểm chứng \"\(path)\": \(String(cString: strerror(errno))).")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw StoreError.invalid("Tệp kiểm chứng \"\(name)\" không phải tệp thông thường.")
        }
        guard Int(info.st_size) <= maximumSize else {
            throw StoreError.invalid(
                "Tệp kiểm chứng \"\(name)\" nặng \(Int(info.st_size) / 1_048_576) MB, vượt giới hạn 50 MB; hãy nén lại hoặc ghi đường liên kết."
            )
        }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw StoreError.invalid("Không đọc được tệp kiểm chứng \"\(path)\": \(error.localizedDescription)")
        }
        return try checked(name: name, data: data)
    }

    /// An uploaded file, checked as a read one is.
    static func uploaded(fileName: String, data: Data) throws(StoreError) -> File {
        try checked(name: storedName(URL(fileURLWithPath: fileName).lastPathComponent), data: data)
    }

    /// The size limit and the type read from the content.
    static func checked(name: String, data: Data) throws(StoreError) -> File {
        guard data.count <= maximumSize else { throw StoreError.invalid("Tệp kiểm chứng \"\(name)\" vượt giới hạn 50 MB.") }
        guard let type = EvidenceFileType.sniff(data, fileName: name) else {
            throw StoreError.invalid(
                "Tệp kiểm chứng \"\(name)\" không phải loại tài liệu kiểm chứng (nội dung không phải "
                    + "\(EvidenceFileType.acceptedDescription)); không lưu tệp này.")
        }
        return File(name: name, type: type, data: data, sha256: SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
    }

    /// Stores the file unless the same content is already stored.
    static func store(_ file: File, _ connection: Connection) throws {
        try connection.query(
            """
            INSERT INTO evidence_files (sha256, file_name, media_type, size, content)
            VALUES (\(file.sha256), \(file.name), \(file.type.mediaType), \(file.data.count), \(file.data))
            ON CONFLICT (sha256) DO NOTHING
            """)
    }

    /// A file name as stored: NFC, without control characters or path separators, never empty.
    static func storedName(_ name: String) -> String {
        let cleaned = String(
            String.UnicodeScalarView(
                VietnameseText.nfc(name).unicodeScalars.filter { !ControlCharacters.isForbidden($0) && $0 != "/" }))
        return cleaned.isEmpty ? "tep-kiem-chung" : cleaned
    }
}

/// A stored evidence file, as it is handed back.
public struct StoredEvidenceFile: Sendable {
    public var sha256: String
    public var name: String
    public var mediaType: String
    public var data: Data
}

extension Store {
    /// The evidence file with this digest, checked against it on the way out; nil when there is none (an
    /// id that is not a digest is no file either).
    public func evidenceFile(sha256: String) throws -> StoredEvidenceFile? {
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        let file = try transaction("tải tệp kiểm chứng") { connection in
            try connection.query(
                "SELECT file_name, coalesce(media_type, 'application/octet-stream'), content FROM evidence_files WHERE sha256 = \(sha256)"
            ).first.map { row in
                StoredEvidenceFile(
                    sha256: sha256, name: try row.decode(String.self, at: 0), mediaType: try row.decode(String.self, at: 1),
                    data: try row.decode(Data.self, at: 2))
            }
        }
        if let file {
            let digest = SHA256.hash(data: file.data).map { String(format: "%02x", $0) }.joined()
            guard digest == sha256 else {
                throw StoreError.invalid("Tệp kiểm chứng \(file.name) không khớp sha256 đã lưu; tệp không được trả về.")
            }
        }
        return file
    }

    /// Whether this person may record results for the activity: an administrator always, unit staff when
    /// their unit takes part in it (the database decides the same on write).
    public func mayRecordProgress(activityID: Int64) throws -> Bool {
        switch user.role {
        case .admin: return true
        case .viewer: return false
        case .unit:
            guard let unit = user.unitID else { return false }
            return try transaction("xem quyền ghi kết quả") { connection in
                try connection.query("SELECT cchc_unit_takes_part(\(activityID), \(unit))").scalar(Bool.self)
            }
        }
    }
}
