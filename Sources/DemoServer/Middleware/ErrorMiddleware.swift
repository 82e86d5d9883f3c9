import Hummingbird
import Logging

/// Turns every error into a v4 error envelope (the OpenAI error shape under `/v1`), so no handler failure reaches
/// the client as a bare 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = DemoRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch  where OpenAIRoutes.handles(request.uri.path) {
            let converted = OpenAIAPIError(converting: error, method: request.method.rawValue, path: request.uri.path)
            if converted.status >= 500 {
                context.logger.error(
                    "Unexpected error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            }
            return OpenAIReply.error(converted)
        } catch let error as DemoAPIError {
            return Reply.error(error, path: request.uri.path)
        } catch let error as HTTPError {
            if error.status == .notFound { return Reply.error(.notFound, path: request.uri.path) }
            let message = error.body ?? error.status.reasonPhrase
            return Reply.error(
                .failure(
                    status: error.status.code, errors: [WireError(code: error.status.code, message: message)],
                    retryAfter: nil),
                path: request.uri.path)
        } catch {
            context.logger.error("Unexpected error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            return Reply.error(
                .failure(
                    status: 500, errors: [WireError(code: 10001, message: "Internal server error")], retryAfter: nil),
                path: request.uri.path)
        }
    }
}
