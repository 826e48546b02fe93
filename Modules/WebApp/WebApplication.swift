import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PlanStore
import Postgres

/// The web application: its router (public pages, pages behind sign-in), served by Hummingbird.
public enum WebApplication {
    /// The router of every route, over `services`.
    public static func router(_ services: WebServices) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: ErrorPageMiddleware(views: services.views))
        router.add(middleware: SessionMiddleware(pool: services.pool, configuration: services.configuration))
        router.get("/healthz") { _, _ -> Response in
            do {
                _ = try await services.pool.run { try $0.query("SELECT 1").scalar(Int.self) }
                return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok")))
            } catch {
                return Response(
                    status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: "database unreachable")))
            }
        }
        StaticFiles(root: Views.resources.appendingPathComponent("Static")).register(router.group())
        let open = router.group()
        let signedIn = router.group().add(middleware: RequireSignIn())
        AuthRoutes(app: services).register(public: open, signedIn: signedIn)
        ActivityRoutes(app: services).register(signedIn)
        PlanRoutes(app: services).register(signedIn)
        ReportRoutes(app: services).register(signedIn)
        return router
    }

    /// Builds the application on `configuration`'s address; `onStarted` receives the bound port (for
    /// port 0).
    public static func application(
        services: WebServices, logger: Logger, onStarted: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(services),
            configuration: .init(
                address: .hostname(services.configuration.host, port: services.configuration.port), serverName: "cchc-web"),
            onServerRunning: { channel in await onStarted(channel.localAddress?.port ?? services.configuration.port) },
            logger: logger)
    }
}

/// The application's own CSS (and nothing from a CDN), read once at start.
struct StaticFiles: Sendable {
    let files: [String: (type: String, data: [UInt8])]

    init(root: URL) {
        var files: [String: (String, [UInt8])] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(name).path) else { continue }
            let type =
                switch URL(fileURLWithPath: name).pathExtension {
                case "css": "text/css; charset=utf-8"
                case "js": "text/javascript; charset=utf-8"
                case "svg": "image/svg+xml"
                case "png": "image/png"
                default: "application/octet-stream"
                }
            files[name] = (type, Array(data))
        }
        self.files = files
    }

    func register(_ router: RouterGroup<WebContext>) {
        router.get("/static/:name") { _, context -> Response in
            guard let name = context.parameters.get("name"), let file = files[name] else {
                throw PageRefusal(.notFound, "Không có tệp này.")
            }
            return Response(
                status: .ok, headers: [.contentType: file.type, .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
        }
    }
}
