import Hummingbird

/// The request context of the demo server: Hummingbird's core storage, the caller, and a way to drop the
/// connection.
struct DemoRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Set by `CloudflareAuthMiddleware` once the credentials check out.
    var caller: CloudflareCaller?
    /// Closes the connection the request came on (for the "reset" fault).
    let closeConnection: @Sendable () async -> Void

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        let channel = source.channel
        closeConnection = { try? await channel.close() }
    }

    /// A context for a request answered in process: `closeConnection` tells the caller to report a dropped
    /// connection instead of the response.
    init(inProcess source: InProcessContextSource, closeConnection: @escaping @Sendable () async -> Void) {
        coreContext = .init(source: source)
        self.closeConnection = closeConnection
    }
}
