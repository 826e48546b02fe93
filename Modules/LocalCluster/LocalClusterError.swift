/// Why the local PostgreSQL cluster could not be found, created, started or stopped; the
/// `description` is Vietnamese and names the path and the log file a user should read.
public enum LocalClusterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No directory holding `initdb` and `pg_ctl` was found; `searched` lists where we looked.
    case binariesNotFound(searched: [String])
    /// `PG_BINDIR` names a directory without `initdb` and `pg_ctl`.
    case invalidBinDirectory(String)
    /// A client program (`psql`, `pg_isready`, `createdb`) is missing beside the server binaries.
    case toolNotFound(tool: String, directory: String)
    /// Running as root, but the OS account that must own the server does not exist.
    case serverAccountMissing(String)
    /// Running as root, but neither `runuser` nor `setpriv` is available to drop privileges.
    case userSwitchUnavailable(account: String)
    /// A directory or file of the cluster layout could not be created or given its owner and mode.
    case fileSystem(path: String, reason: String)
    /// The lock file could not be opened or locked.
    case lockFailed(path: String, reason: String)
    /// Another process held the lock for longer than the timeout.
    case lockTimeout(path: String, seconds: Int)
    /// The unix socket path exceeds the operating system's limit.
    case socketPathTooLong(path: String, limit: Int)
    /// The data directory exists but is not a PostgreSQL cluster (no `PG_VERSION`).
    case invalidDataDirectory(String)
    /// `initdb` failed.
    case initialisationFailed(dataDirectory: String, logFile: String, output: String)
    /// `pg_ctl start` failed.
    case startFailed(dataDirectory: String, logFile: String, output: String)
    /// The server runs but does not accept connections on its socket within the timeout.
    case notReady(socketDirectory: String, port: Int, seconds: Int, logFile: String)
    /// `pg_ctl stop` failed.
    case stopFailed(dataDirectory: String, logFile: String, output: String)
    /// The application database could not be checked or created.
    case databaseFailed(database: String, logFile: String, output: String)
    /// A program could not be launched at all.
    case launchFailed(executable: String, reason: String)

    /// A stable kebab-case code for scripts and logs.
    public var code: String {
        switch self {
        case .binariesNotFound: "postgres-not-found"
        case .invalidBinDirectory: "invalid-bindir"
        case .toolNotFound: "tool-not-found"
        case .serverAccountMissing: "server-account-missing"
        case .userSwitchUnavailable: "user-switch-unavailable"
        case .fileSystem: "file-system"
        case .lockFailed: "lock-failed"
        case .lockTimeout: "lock-timeout"
        case .socketPathTooLong: "socket-path-too-long"
        case .invalidDataDirectory: "invalid-data-directory"
        case .initialisationFailed: "initdb-failed"
        case .startFailed: "start-failed"
        case .notReady: "not-ready"
        case .stopFailed: "stop-failed"
        case .databaseFailed: "database-failed"
        case .launchFailed: "launch-failed"
        }
    }

    public var description: String {
        switch self {
        case .binariesNotFound(let searched):
            let places = searched.isEmpty ? "" : " Đã tìm trong: \(searched.joined(separator: ", "))."
            return "Không tìm thấy PostgreSQL (initdb, pg_ctl). Cài đặt: apt-get install postgresql.\(places)"
        case .invalidBinDirectory(let directory):
            return "Không tìm thấy PostgreSQL (initdb, pg_ctl) trong PG_BINDIR=\(directory). "
                + "Cài đặt: apt-get install postgresql, hoặc đặt PG_BINDIR là thư mục bin của PostgreSQL."
        case .toolNotFound(let tool, let directory):
            return "Không tìm thấy chương trình \(tool) của PostgreSQL trong \(directory) hay trong PATH. "
                + "Cài đặt: apt-get install postgresql-client."
        case .serverAccountMissing(let account):
            return "Đang chạy với quyền root nhưng không có tài khoản hệ thống \(account) để chạy PostgreSQL "
                + "(PostgreSQL không chạy dưới quyền root). Cài đặt: apt-get install postgresql."
        case .userSwitchUnavailable(let account):
            return "Đang chạy với quyền root nhưng không có runuser hay setpriv để chạy PostgreSQL dưới tài khoản "
                + "\(account). Cài đặt: apt-get install util-linux."
        case .fileSystem(let path, let reason):
            return "Không chuẩn bị được \(path) cho PostgreSQL cục bộ: \(reason)."
        case .lockFailed(let path, let reason):
            return "Không khóa được tệp \(path): \(reason)."
        case .lockTimeout(let path, let seconds):
            return "Đã chờ \(seconds) giây mà một tiến trình khác vẫn giữ khóa \(path) "
                + "(một công cụ cchc khác đang khởi tạo hoặc khởi động PostgreSQL cục bộ?)."
        case .socketPathTooLong(let path, let limit):
            return
                "Đường dẫn socket \(path) dài \(path.utf8.count) byte, vượt giới hạn \(limit) byte của hệ điều hành; "
                + "hãy đặt CCHC_HOME ở một thư mục có đường dẫn ngắn hơn."
        case .invalidDataDirectory(let path):
            return "Thư mục \(path) đã có nhưng không phải cụm PostgreSQL hợp lệ (thiếu PG_VERSION); "
                + "hãy kiểm tra rồi xóa hoặc đổi tên thư mục này."
        case .initialisationFailed(let dataDirectory, let logFile, let output):
            return "Không khởi tạo được cụm PostgreSQL cục bộ tại \(dataDirectory); xem nhật ký \(logFile)."
                + Self.excerpt(output)
        case .startFailed(let dataDirectory, let logFile, let output):
            return "Không khởi động được PostgreSQL cục bộ tại \(dataDirectory); xem nhật ký \(logFile)."
                + Self.excerpt(output)
        case .notReady(let socketDirectory, let port, let seconds, let logFile):
            return
                "PostgreSQL cục bộ không nhận kết nối qua socket \(socketDirectory) (cổng \(port)) sau \(seconds) giây; "
                + "xem nhật ký \(logFile)."
        case .stopFailed(let dataDirectory, let logFile, let output):
            return "Không dừng được PostgreSQL cục bộ tại \(dataDirectory); xem nhật ký \(logFile)."
                + Self.excerpt(output)
        case .databaseFailed(let database, let logFile, let output):
            return "Không tạo được cơ sở dữ liệu \(database) trong PostgreSQL cục bộ; xem nhật ký \(logFile)."
                + Self.excerpt(output)
        case .launchFailed(let executable, let reason):
            return "Không chạy được \(executable): \(reason)."
        }
    }

    /// The last lines a program printed, indented under the message.
    private static func excerpt(_ output: String) -> String {
        let lines = output.split(whereSeparator: \.isNewline).suffix(12)
        guard !lines.isEmpty else { return "" }
        return "\n" + lines.map { "  " + $0 }.joined(separator: "\n")
    }
}
