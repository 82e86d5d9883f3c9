import Hummingbird

/// Checks credentials on `/client/v4/…` and `/__demo/…`: a Bearer token of the demo user (or of an account, on
/// that account's routes) or the global key with the user's email. Errors follow api/cloudflare.md §2.1.
/// `/__demo` also takes an OpenAI admin key, so OpenAI-only tests can inject faults; `/v1` is
/// `OpenAIAuthMiddleware`'s.
struct CloudflareAuthMiddleware: RouterMiddleware {
    typealias Context = DemoRequestContext

    let store: CloudflareStore
    let openAI: OpenAIStore

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        let isControl = path.hasPrefix(DemoRoutes.controlPrefix)
        guard path.hasPrefix(CloudflareRoutes.prefix) || isControl else { return try await next(request, context) }
        if isControl, let secret = OpenAIAuthMiddleware.bearer(in: request),
            await openAI.authenticate(secret: secret) != nil
        {
            return try await next(request, context)
        }
        let isVerify = request.method == .get && path.hasSuffix("/tokens/verify")
        let caller = try await authenticate(request, isVerify: isVerify)
        try checkScope(of: caller, path: path, isControl: isControl, isVerify: isVerify)
        var context = context
        context.caller = caller
        return try await next(request, context)
    }

    private func authenticate(_ request: Request, isVerify: Bool) async throws -> CloudflareCaller {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw DemoAPIError.invalidAuthorizationHeader
            }
            guard let caller = await store.authenticate(bearer: String(parts[1])) else {
                throw isVerify ? DemoAPIError.invalidAPIToken : DemoAPIError.invalidAccessToken
            }
            return caller
        }
        let key = request.headers.value(named: "x-auth-key")
        let email = request.headers.value(named: "x-auth-email")
        guard key != nil || email != nil else { throw DemoAPIError.missingCredentials }
        guard let key, let email else { throw DemoAPIError.missingCredentials }
        guard await store.authenticate(key: key, email: email) else { throw DemoAPIError.unknownGlobalKey }
        return .globalKey
    }

    /// Account tokens work only under their own account; `/__demo` wants a user credential.
    private func checkScope(of caller: CloudflareCaller, path: String, isControl: Bool, isVerify: Bool) throws {
        guard case .accountToken(let accountID, _) = caller else { return }
        let own = "\(CloudflareRoutes.prefix)/accounts/\(accountID)"
        guard !isControl, path == own || path.hasPrefix(own + "/") else {
            throw isVerify ? DemoAPIError.invalidAPIToken : DemoAPIError.unauthorizedResource
        }
    }
}
