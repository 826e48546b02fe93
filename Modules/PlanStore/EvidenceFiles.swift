import Crypto
import Foundation
import PlanCore
import Postgres

/// Evidence files kept in the database, once per content (sha256).
enum EvidenceFiles {
    /// The limit of `evidence_files.size` (50 MiB).
    static let maximumSize = 52_428_800

    static let mediaTypes: [String: String] = [
        "pdf": "application/pdf", "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt": "application/vnd.oasis.opendocument.text", "txt": "text/plain", "csv": "text/csv", "md": "text/markdown",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "heic": "image/heic",
        "zip": "application/zip", "mp4": "video/mp4", "mp3": "audio/mpeg",
    ]

    /// Stores the file (unless the same content is already stored); returns its name and sha256.
    static func store(path: String, _ connection: Connection) throws -> (name: String, sha256: String) {
        let url = URL(fileURLWithPath: path)
        let name = VietnameseText.nfc(url.lastPathComponent)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumSize else {
            throw StoreError.invalid(
                "Tệp kiểm chứng \"\(name)\" nặng \(size / 1_048_576) MB, vượt giới hạn 50 MB; hãy nén lại hoặc ghi đường liên kết."
            )
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StoreError.invalid("Không đọc được tệp kiểm chứng \"\(path)\": \(error.localizedDescription)")
        }
        guard data.count <= maximumSize else {
            throw StoreError.invalid("Tệp kiểm chứng \"\(name)\" vượt giới hạn 50 MB.")
        }
        let sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        try connection.query(
            """
            INSERT INTO evidence_files (sha256, file_name, media_type, size, content)
            VALUES (\(sha256), \(name), \(mediaTypes[url.pathExtension.lowercased()]), \(data.count), \(data))
            ON CONFLICT (sha256) DO NOTHING
            """)
        return (name, sha256)
    }
}
