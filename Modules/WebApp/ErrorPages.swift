import Hummingbird
import Logging
import PlanApp
import PlanCore
import PlanStore
import Postgres

/// Every failure becomes a Vietnamese page with the right status: refusals (403), missing things (404),
/// conflicts (409), bad input (400), uploads too large (413), sign-in needed (a redirect) — and anything
/// unexpected a 500 that says what to do, with the details only in the server's log.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let views: Views

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let (status, message) = Self.classify(error)
            if status == .internalServerError {
                context.logger.error("request failed", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            }
            if status == .unauthorized {
                return Views.redirect("/login")
            }
            struct Content {
                var status: Int
                var heading: String
                var message: String
            }
            return views.page(
                "error", title: Self.heading(status),
                content: Content(status: Int(status.code), heading: Self.heading(status), message: message),
                session: context.session, path: request.uri.path, status: status)
        }
    }

    static func classify(_ error: any Error) -> (HTTPResponse.Status, String) {
        switch error {
        case let refusal as PageRefusal: return (refusal.status, refusal.message)
        case let refusal as FormRefusal: return (refusal.status, refusal.message)
        case let error as StoreError:
            switch error {
            case .forbidden, .actingForbidden: return (.forbidden, error.description)
            case .notFound: return (.notFound, error.description)
            case .conflict: return (.conflict, error.description)
            case .database(let underlying) where underlying.isInsufficientPrivilege:
                return (.forbidden, "Cơ sở dữ liệu từ chối thao tác này với quyền của bạn.")
            case .database: return (.internalServerError, Self.unexpected)
            default: return (.badRequest, error.description)
            }
        case let error as PlanAppError: return (.badRequest, error.message)
        case let error as PostgresError where error.isInsufficientPrivilege:
            return (.forbidden, "Cơ sở dữ liệu từ chối thao tác này với quyền của bạn.")
        case let error as HTTPError:
            switch error.status {
            case .notFound: return (.notFound, "Không có trang này.")
            case .unauthorized: return (.unauthorized, "")
            case .contentTooLarge: return (.contentTooLarge, "Nội dung gửi lên quá lớn.")
            default: return (error.status, error.body ?? Self.heading(error.status))
            }
        default: return (.internalServerError, Self.unexpected)
        }
    }

    static let unexpected =
        "Có lỗi ngoài dự kiến; không có gì được lưu nửa chừng. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên (thời điểm lỗi đã được ghi vào nhật ký máy chủ)."

    static func heading(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "Dữ liệu chưa hợp lệ"
        case 403: "Không có quyền"
        case 404: "Không tìm thấy"
        case 409: "Xung đột dữ liệu"
        case 413: "Tệp quá lớn"
        case 429: "Thử lại sau"
        default: "Lỗi máy chủ"
        }
    }
}
