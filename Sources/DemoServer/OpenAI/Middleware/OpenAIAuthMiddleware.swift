import Hummingbird

/// Checks the admin key on `/v1/…`: `Authorization: Bearer <admin key>`, 401 in the OpenAI shape otherwise.
struct OpenAIAuthMiddleware: RouterMiddleware {
    typealias Context = DemoRequestContext

    let store: OpenAIStore

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard OpenAIRoutes.handles(request.uri.path) else { return try await next(request, context) }
        guard let secret = Self.bearer(in: request) else { throw OpenAIAPIError.missingKey }
        guard await store.authenticate(secret: secret) != nil else {
            throw OpenAIAPIError.invalidKey(OpenAIKeySecrets.redacted(secret))
        }
        return try await next(request, context)
    }

    /// The token of an `Authorization: Bearer <token>` header, if there is one.
    static func bearer(in request: Request) -> String? {
        guard let authorization = request.headers[.authorization] else { return nil }
        let parts = authorization.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1])
    }
}
