import Hummingbird

/// On `/accounts/:accountID/…`: the account must exist and be the caller's (404 otherwise, like an unknown id).
struct CloudflareAccountAccessMiddleware: RouterMiddleware {
    typealias Context = DemoRequestContext

    let store: CloudflareStore

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let accountID = context.parameters.get("accountID") else { throw DemoAPIError.notFound }
        try await store.requireAccess(accountID: accountID, caller: context.caller)
        return try await next(request, context)
    }
}
