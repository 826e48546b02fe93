import ArgumentParser
import CLISupport
import Foundation
import PlanCore
import Postgres

/// `cchc-synth database`: fills a database with synthetic provinces, departments, plans and progress.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "database",
        abstract: "Sinh dữ liệu tổng hợp vào cơ sở dữ liệu: tỉnh, sở, kế hoạch, hoạt động, tiến độ và minh chứng.",
        discussion: """
            Mỗi tỉnh có một đơn vị UBND tỉnh và --units cơ quan (sở, ban, ngành), mỗi cơ quan có các phòng và một \
            kế hoạch năm --year với --activities hoạt động (chủ trì, phối hợp, sản phẩm, thời gian đủ loại) và \
            --entries mục tiến độ mỗi hoạt động (1–2 minh chứng mỗi mục). Ghi theo tập hợp (INSERT … SELECT), trong một \
            giao dịch. Chạy lại sẽ thêm các tỉnh chưa có (ví dụ 1 tỉnh, rồi --provinces 33 để đủ 34).
            Khi người dùng PostgreSQL là superuser, các trigger (NFC, nhật ký thay đổi, khóa kỳ, khóa ngoại) được tắt \
            trong giao dịch này (session_replication_role = replica): dữ liệu tổng hợp không được ghi nhật ký. \
            Dùng --keep-triggers để giữ trigger. Không bao giờ dùng công cụ này trên cơ sở dữ liệu thật.
            Đo xuất báo cáo: --provinces 1 --units 1 --activities 2000 --entries 50 (100.000 mục tiến độ).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Số tỉnh.")
    var provinces: Int

    @Option(help: "Số cơ quan (sở, ban, ngành) mỗi tỉnh, mỗi cơ quan một kế hoạch.")
    var units: Int

    @Option(help: "Số hoạt động mỗi kế hoạch.")
    var activities: Int

    @Option(help: "Số mục tiến độ mỗi hoạt động.")
    var entries: Int

    @Option(help: "Năm của các kế hoạch.")
    var year: Int = 2024

    @Option(help: "Hạt giống ngẫu nhiên.")
    var seed: UInt64 = 1

    @Flag(name: .customLong("keep-triggers"), help: "Giữ các trigger (NFC, nhật ký) kể cả khi là superuser (chậm hơn).")
    var keepTriggers = false

    @Option(help: "Định dạng bản tóm tắt: text hoặc json.")
    var format: Format = .text

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1...1000).contains(provinces) else { throw ValidationError("--provinces phải từ 1 đến 1000.") }
        guard (1...9999).contains(units) else { throw ValidationError("--units phải từ 1 đến 9999.") }
        guard (1...999_999).contains(activities) else { throw ValidationError("--activities phải từ 1 đến 999999.") }
        guard (0...99_999).contains(entries) else { throw ValidationError("--entries phải từ 0 đến 99999.") }
        guard (2000...2100).contains(year) else { throw ValidationError("--year phải từ 2000 đến 2100.") }
    }

    func run() throws {
        let shape = DatabaseShape(
            provinces: provinces, units: units, activities: activities, entries: entries, year: year, seed: seed)
        let connection = try database.connect()
        let json = format == .json
        let say: (String) -> Void = { line in json ? Terminal.writeError(line) : Terminal.write(line + "\n") }
        say(
            "Sinh dữ liệu: \(provinces) tỉnh × \(units) cơ quan × \(SynthText.number(activities)) hoạt động × "
                + "\(SynthText.number(entries)) mục tiến độ = \(SynthText.number(shape.totalActivities)) hoạt động, "
                + "\(SynthText.number(shape.totalEntries)) mục tiến độ (\(connection.target)).")
        let outcome = try SyntheticDatabase(connection: connection, shape: shape, keepTriggers: keepTriggers, progress: say).load()
        if json {
            Terminal.write(DatabaseSummary.json(outcome, shape: shape).serialized() + "\n")
        } else {
            Terminal.write(DatabaseSummary.text(outcome, shape: shape))
        }
    }
}
