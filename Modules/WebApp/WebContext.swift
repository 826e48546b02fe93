import Hummingbird
import NIOCore
import PlanStore

/// The request context of every route: who is signed in (read from the session cookie by
/// `SessionMiddleware`) and where the request came from.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person's live session, if any.
    public var session: WebSession?
    /// The peer's address (the proxy's, when behind one: see `WebConfiguration.behindProxy`).
    public var peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Forms are read by `FormReader` (URL-encoded and multipart, with the CSRF check); nothing is JSON.
    public var maxUploadSize: Int { 64 * 1024 * 1024 }

    /// The signed-in person, or a redirect to the sign-in page.
    public func requireSession() throws -> WebSession {
        guard let session else { throw HTTPError(.unauthorized) }
        return session
    }
}
