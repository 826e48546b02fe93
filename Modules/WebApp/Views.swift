import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import PlanCore
import PlanStore

/// The templates (loaded once at start from the module's resources) and the page every view is framed
/// in: the header with the person and the menu for their role, messages, the body.
public struct Views: Sendable {
    let library: MustacheLibrary

    /// Loads every `Resources/Templates/*.mustache`.
    public static func load() async throws -> Views {
        let directory = resources.appendingPathComponent("Templates").path
        let library = try await MustacheLibrary(directory: directory)
        for name in ["layout", "login", "error", "home"] where library.getTemplate(named: name) == nil {
            throw MissingTemplate(name: name, directory: directory)
        }
        return Views(library: library)
    }

    /// A template the application needs is not among its resources.
    struct MissingTemplate: Error, CustomStringConvertible {
        var name: String
        var directory: String
        var description: String { "Thiếu mẫu trang \(name).mustache trong \(directory)." }
    }

    /// The module's resource folder (templates and static files).
    static var resources: URL {
        // Foundation on Linux takes a bundle's "Resources" folder as its resource folder; elsewhere it is inside.
        let base = Bundle.module.resourceURL ?? Bundle.module.bundleURL
        let inside = base.appendingPathComponent("Resources")
        return FileManager.default.fileExists(atPath: inside.appendingPathComponent("Templates").path) ? inside : base
    }

    /// A menu entry.
    struct MenuItem {
        var href: String
        var label: String
        var current: Bool
    }

    /// A message shown above the page's content.
    struct Message {
        var text: String
        var isError: Bool
    }

    /// What the layout shows around a page body.
    struct Frame {
        var title: String
        var signedIn: Bool
        var personName: String
        var roleName: String
        var unitName: String?
        var csrf: String
        var menu: [MenuItem]
        var messages: [Message]
        var body: String
    }

    /// The page `template` rendered with `content` inside the layout, as an HTML response.
    func page(
        _ template: String, title: String, content: Any, session: WebSession?, path: String, unitName: String? = nil,
        messages: [Message] = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        page(
            body: render(template, content), title: title, session: session, path: path, unitName: unitName,
            messages: messages, status: status)
    }

    /// The body of a page: `template` rendered with `content`.
    func render(_ template: String, _ content: Any) -> String {
        library.render(content, withTemplate: template) ?? ""
    }

    /// A rendered `body` inside the layout, as an HTML response.
    func page(
        body: String, title: String, session: WebSession?, path: String, unitName: String? = nil,
        messages: [Message] = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        let frame = Frame(
            title: title, signedIn: session != nil,
            personName: session.map { $0.user.displayName ?? $0.user.login } ?? "",
            roleName: session.map { Self.roleName($0.user.role) } ?? "", unitName: unitName,
            csrf: session?.csrfToken ?? "", menu: session.map { Self.menu(for: $0.user.role, path: path) } ?? [],
            messages: messages, body: body)
        return Self.html(library.render(frame, withTemplate: "layout") ?? body, status: status)
    }

    /// An HTML response with the headers every page carries.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A redirect after a form (303: the browser follows with GET).
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    static func roleName(_ role: UserRole) -> String {
        switch role {
        case .admin: "Văn phòng Sở (quản trị)"
        case .unit: "Cán bộ đơn vị"
        case .viewer: "Chỉ xem"
        }
    }

    static func menu(for role: UserRole, path: String) -> [MenuItem] {
        var items = [("/", "Việc của tôi"), ("/ke-hoach", "Kế hoạch")]
        if role != .unit { items += [("/bang-theo-doi", "Bảng theo dõi"), ("/bao-cao", "Báo cáo")] }
        items.append(("/tai-khoan", "Tài khoản"))
        return items.map { href, label in
            MenuItem(href: href, label: label, current: href == "/" ? path == "/" : path.hasPrefix(href))
        }
    }
}

/// Numbers and dates as the pages print them.
enum PageFormat {
    /// "2,5", "12", "1.000": as Vietnamese writes numbers.
    static func number(_ value: Double) -> String { VietnameseText.number(value) }

    static func date(_ day: Day?) -> String { day?.vietnamese ?? "" }

    /// "00:39 ngày 04/12/2026" in Việt Nam's time from the store's UTC instant.
    static func instant(_ utc: String) -> String { VietnameseText.instant(fromUTC: utc) }
}
