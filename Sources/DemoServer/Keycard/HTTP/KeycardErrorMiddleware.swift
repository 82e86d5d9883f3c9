import Hummingbird
import Logging

/// On the Keycard paths: turns every error (also a 404 of a path no route serves, and the shared body decoder's
/// errors) into `{"message", "code", "status"}`; other paths pass through to the Cloudflare error envelope.
struct KeycardErrorMiddleware: RouterMiddleware {
    typealias Context = DemoRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard KeycardRoutes.owns(request.uri.path) else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch let error as KeycardAPIError {
            return KeycardReply.error(error)
        } catch let error as DemoAPIError {
            switch error {
            case .notFound:
                return KeycardReply.error(.routeNotFound)
            case .failure(let status, let errors, let retryAfter):
                let code = status == 400 ? "invalid_request" : "error"
                let message = errors.first?.message ?? "Request failed"
                return KeycardReply.error(
                    KeycardAPIError(status: status, code: code, message: message, retryAfter: retryAfter))
            }
        } catch let error as HTTPError {
            let code = error.status == .notFound ? "not_found" : "error"
            return KeycardReply.error(
                KeycardAPIError(status: error.status.code, code: code, message: error.body ?? error.status.reasonPhrase)
            )
        } catch {
            context.logger.error("Unexpected error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return KeycardReply.error(
                KeycardAPIError(status: 500, code: "internal_error", message: "Internal server error"))
        }
    }
}
