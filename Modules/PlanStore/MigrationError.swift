import Foundation
import Postgres

/// Why the schema could not be brought up to date or cannot be used.
public enum MigrationError: Error, CustomStringConvertible {
    /// An applied migration's SQL differs from the one this build carries.
    case changed(version: Int, name: String, applied: String, embedded: String)
    /// The database was migrated by a newer version of cchc.
    case newerSchema(databaseVersion: Int, knownVersion: Int)
    /// The schema has migrations this build would still apply (the tools refuse to run on it).
    case notMigrated(pending: [Int])
    /// A migration failed; nothing of it was kept.
    case failed(version: Int, name: String, PostgresError)
    /// The bookkeeping around migrations failed.
    case database(PostgresError)

    public var description: String {
        switch self {
        case let .changed(version, name, applied, embedded):
            return "Migration \(String(format: "%04d", version))_\(name) đã áp dụng nhưng nội dung đã bị sửa "
                + "(sha256 trong CSDL \(applied.prefix(12))…, trong chương trình \(embedded.prefix(12))…). "
                + "Không được sửa một migration đã áp dụng; hãy thêm migration mới."
        case let .newerSchema(databaseVersion, knownVersion):
            return "Cơ sở dữ liệu đã được nâng cấp bởi một phiên bản cchc mới hơn (lược đồ \(databaseVersion), "
                + "chương trình này chỉ biết tới \(knownVersion)). Hãy cập nhật cchc."
        case let .notMigrated(pending):
            return "Lược đồ cơ sở dữ liệu chưa được cập nhật (còn \(pending.count) migration: "
                + pending.map { String(format: "%04d", $0) }.joined(separator: ", ")
                + "). Chạy: cchc-admin db migrate"
        case let .failed(version, name, error):
            return "Migration \(String(format: "%04d", version))_\(name) thất bại, không thay đổi nào được giữ lại: "
                + error.description
        case let .database(error):
            return error.description
        }
    }
}
