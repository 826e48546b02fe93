import Foundation
import Postgres
import TestSupport
import Testing

/// The deploy scripts and the least-privilege layout. They share cluster-wide roles (`cchc_owner`
/// owns what restore.sh creates when it exists), so their tests run one at a time.
@Suite("Deployment: backup, restore and database roles", .serialized)
struct DeploymentTests {}

/// A database name for a script to create (restore.sh's target), dropped by `drop()`.
struct ScratchDatabase {
    let name: String

    init(prefix: String = "cchc_restore") {
        name = prefix + "_" + String(format: "%016llx", UInt64.random(in: .min ... .max))
    }

    /// Whether the server has it.
    func exists() throws -> Bool {
        try TestDatabase.serverConnection().query("SELECT count(*) FROM pg_database WHERE datname = \(name)")
            .scalar(Int.self) == 1
    }

    /// Drops it (terminating sessions still connected); safe when it was never created.
    func drop() {
        guard let server = try? TestDatabase.serverConnection(), let quoted = try? server.quoteIdentifier(name) else {
            Issue.record("Không kết nối được máy chủ để xóa CSDL \(name)")
            return
        }
        do {
            try server.execute(unsafeSQL: "DROP DATABASE IF EXISTS \(quoted) WITH (FORCE)")
        } catch {
            Issue.record("Không xóa được CSDL \(name): \(error)")
        }
    }
}

extension ScriptRun {
    /// The archive path backup.sh prints as its last line.
    var archivePath: String {
        standardOutput.split(separator: "\n").last.map(String.init) ?? ""
    }
}
