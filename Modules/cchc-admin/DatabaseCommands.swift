import ArgumentParser
import CLISupport
import Foundation
import LocalCluster
import PlanCore
import PlanStore
import Postgres

/// `cchc-admin db …`: the schema and the embedded local cluster.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Cơ sở dữ liệu: cập nhật lược đồ, xem trạng thái, khởi động/dừng cụm PostgreSQL cục bộ.",
        subcommands: [Migrate.self, Status.self, Start.self, Stop.self, Path.self])

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Áp dụng các migration còn thiếu (dưới khóa tư vấn, mỗi migration trong một giao dịch).")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let connection = try database.connect(requireSchema: false)
            let applied = try Migrator(connection: connection).migrate()
            if applied.isEmpty {
                Terminal.write("Lược đồ đã ở phiên bản mới nhất (\(Migration.all.last?.version ?? 0)); không có gì thay đổi.\n")
            } else {
                for migration in applied {
                    Terminal.write("Đã áp dụng \(String(format: "%04d", migration.version))_\(migration.name)\n")
                }
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Trạng thái kết nối và lược đồ.")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: FormatOption

        func run() throws {
            let connection = try database.connect(requireSchema: false)
            let status = try Migrator(connection: connection).status()
            var listing = Listing(columns: [
                .init("version", "Phiên bản", numeric: true), .init("name", "Tên"), .init("state", "Trạng thái"),
                .init("appliedAt", "Áp dụng lúc"), .init("sha256", "sha256"),
            ])
            let changed = Set(status.changed.map(\.version))
            for applied in status.applied {
                listing.append([
                    .int(applied.version), .string(applied.name),
                    .string(changed.contains(applied.version) ? "đã bị sửa" : "đã áp dụng"),
                    .string(ISO8601DateFormatter().string(from: applied.appliedAt)), .string(String(applied.sha256.prefix(12))),
                ])
            }
            for pending in status.pending {
                listing.append([.int(pending.version), .string(pending.name), .string("chưa áp dụng"), .null, .string(String(pending.sha256.prefix(12)))])
            }
            if output.format == .table {
                Terminal.write("Máy chủ: \(connection.target) — PostgreSQL \(connection.serverVersionString)\n\n")
            }
            Terminal.write(listing.render(output.format))
            if output.format == .table {
                Terminal.write(status.isCurrent ? "\nLược đồ đã cập nhật.\n" : "\nLược đồ chưa cập nhật: chạy cchc-admin db migrate\n")
            }
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Khởi tạo (nếu cần), khởi động và cập nhật lược đồ cụm PostgreSQL cục bộ.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            guard case .embedded(let cluster) = try database.target() else {
                throw ToolError("Đang dùng máy chủ PostgreSQL được chỉ định (--database-url, DATABASE_URL hoặc PG*); không có cụm cục bộ để khởi động.")
            }
            _ = try database.connect()
            Terminal.write("Cụm PostgreSQL cục bộ đang chạy: socket \(cluster.paths.socketDirectory.path), cổng \(cluster.port), cơ sở dữ liệu \(cluster.database).\n")
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Dừng cụm PostgreSQL cục bộ.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            guard case .embedded(let cluster) = try database.target() else {
                throw ToolError("Đang dùng máy chủ PostgreSQL được chỉ định; cchc không dừng máy chủ đó.")
            }
            do {
                try cluster.stop()
            } catch {
                throw ToolError(error.description, exitCode: ExitStatus.database)
            }
            Terminal.write("Đã dừng cụm PostgreSQL cục bộ (\(cluster.paths.dataDirectory.path)).\n")
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Vị trí các tệp của cụm PostgreSQL cục bộ.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            guard case .embedded(let cluster) = try database.target() else {
                throw ToolError("Đang dùng máy chủ PostgreSQL được chỉ định; không có cụm cục bộ.")
            }
            let paths = cluster.paths
            let state: String
            switch try? cluster.status() {
            case .running(let pid)?: state = "đang chạy (pid \(pid))"
            case .stopped?: state = "đã dừng"
            case .notInitialised?: state = "chưa khởi tạo"
            default: state = "không xác định"
            }
            Terminal.write(
                """
                CCHC_HOME:      \(paths.home.path)
                Dữ liệu:        \(paths.dataDirectory.path)
                Socket:         \(paths.socketDirectory.path)
                Nhật ký:        \(paths.logFile.path)
                Trạng thái:     \(state)

                """)
        }
    }
}
