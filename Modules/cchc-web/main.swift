import ArgumentParser
import CLISupport
import Foundation
import Hummingbird
import Logging
import WebApp

/// `cchc-web`: the web application where unit staff and the Văn phòng Sở do their daily work.
struct CchcWeb: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cchc-web", abstract: "Ứng dụng web của cchc: cán bộ đơn vị và Văn phòng Sở làm việc trên trình duyệt.",
        subcommands: [Serve.self])

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Chạy máy chủ web (mặc định 127.0.0.1:8080, trên cụm PostgreSQL cục bộ nếu không có thiết lập kết nối).",
            discussion: """
                Dòng đầu tiên in ra địa chỉ đang phục vụ (với --bind …:0, cổng do hệ điều hành chọn). Đặt sau nginx \\
                (TLS) thì dùng --behind-proxy để cookie có Secure và địa chỉ người dùng lấy từ X-Forwarded-For.
                """)

        @Option(help: "Địa chỉ và cổng nghe, ví dụ 127.0.0.1:8080 (cổng 0: cổng trống bất kỳ).")
        var bind = "127.0.0.1:8080"
        @Option(help: "Số kết nối cơ sở dữ liệu (và luồng) của máy chủ.") var pool = 8
        @Option(help: "Giới hạn tệp kiểm chứng tải lên, MB.") var uploadLimitMb = 20
        @Option(help: "Phiên đăng nhập hết hạn sau bấy nhiêu phút không dùng.") var idleMinutes = 30
        @Option(help: "Thời gian sống tối đa của một phiên đăng nhập, giờ.") var sessionHours = 12
        @Flag(help: "Chạy sau proxy (nginx) trên cùng máy: tin X-Forwarded-Proto và X-Forwarded-For.") var behindProxy = false
        @Flag(help: "Cookie luôn có Secure (phục vụ trực tiếp qua TLS).") var secureCookies = false
        @Option(
            name: .customLong("as-of"),
            help: "Ngày làm việc của các trang (kỳ báo cáo hiện hành, tình trạng); mặc định hôm nay. Dùng để xem dữ liệu một năm đã qua.")
        var asOf: String?
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard bindAddress != nil else { throw ValidationError("--bind cần dạng ĐỊA_CHỈ:CỔNG, ví dụ 127.0.0.1:8080.") }
            guard pool >= 1, pool <= 64 else { throw ValidationError("--pool từ 1 đến 64.") }
            guard uploadLimitMb >= 1, uploadLimitMb <= 50 else { throw ValidationError("--upload-limit-mb từ 1 đến 50.") }
        }

        var bindAddress: (host: String, port: Int)? {
            guard let colon = bind.lastIndex(of: ":"), let port = Int(bind[bind.index(after: colon)...]),
                (0...65535).contains(port)
            else { return nil }
            let host = String(bind[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            return host.isEmpty ? nil : (host, port)
        }

        func run() async throws {
            let (host, port) = bindAddress!
            let fixed = try DayArgument.parse(optional: asOf, option: "--as-of")
            var configuration = WebConfiguration(
                host: host, port: port, idleTimeout: .seconds(idleMinutes * 60), sessionLifetime: .seconds(sessionHours * 3600),
                uploadLimit: uploadLimitMb * 1_048_576, behindProxy: behindProxy, secureCookies: secureCookies, poolSize: pool)
            if let fixed { configuration.today = { fixed } }
            let connection = try database.configuration()
            // The log goes to standard error: standard output's first line is the address served.
            LoggingSystem.bootstrap(StreamLogHandler.standardError)
            var logger = Logger(label: "cchc-web")
            logger.logLevel = Logger.Level(rawValue: ProcessInfo.processInfo.environment["CCHC_LOG_LEVEL"] ?? "") ?? .info
            let pool = DatabasePool(configuration: connection, size: configuration.poolSize)
            let services = WebServices(configuration: configuration, pool: pool, views: try await Views.load())
            let app = WebApplication.application(services: services, logger: logger) { port in
                Terminal.write("cchc-web: đang phục vụ tại http://\(host):\(port)\n")
            }
            try await app.runService()
            pool.close()
        }
    }
}

#if canImport(Glibc) && canImport(CMalloc)
import CMalloc

// Before any other thread allocates: glibc gives each thread that meets contention its own heap (up to 8 per
// core) and keeps what was freed in each. A page computation frees ~90 MB on whichever pool thread ran it,
// so eight pool threads held up to eight such heaps (RSS 330 MB for 150 MB of live data, docs/benchmarks.md).
// Two heaps keep the NIO threads and the pool from waiting on each other and hand freed memory back.
// MALLOC_ARENA_MAX in the environment, when set, wins.
if ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil { _ = cchc_limit_malloc_arenas(2) }
#endif

await ToolMain.runAsync(CchcWeb.self)
