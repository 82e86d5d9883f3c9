import Foundation
import HTTPTypes
import Hummingbird

/// The outermost layer of the API: base latency (jittered ±10 %, as a real network's is), the rate limit, injected
/// faults, and the request log.
struct TrafficMiddleware: RouterMiddleware {
    typealias Context = DemoRequestContext

    let log: DemoRequestLog
    let faults: FaultInjector
    let latency: Duration

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard !path.hasPrefix(DemoRoutes.controlPrefix) else { return try await next(request, context) }
        let arrived = Date()
        let method = request.method.rawValue
        if latency > .zero { try await Task.sleep(for: latency * Double.random(in: 0.9...1.1)) }
        var budget: RateLimiter.Verdict?
        if let limiter = faults.rateLimiter {
            let verdict = limiter.take(credential: Self.credential(of: request))
            guard verdict.allowed else {
                await log(
                    method, path, request.uri.query, status: 429, plan: FaultInjector.Plan(names: ["rate-limit"]),
                    arrived: arrived)
                return RateLimitHeaders.limited(verdict, path: path)
            }
            budget = verdict
        }
        let plan = faults.take(method: method, path: path)
        if plan.delay > .zero { try await Task.sleep(for: plan.delay) }

        var response: Response
        do {
            switch plan.fault {
            case nil: response = try await next(request, context)
            case .latency: response = try await next(request, context)
            case .status(let status, let retryAfter) where KeycardRoutes.owns(path):
                response = KeycardReply.error(.injected(status: status, retryAfter: retryAfter))
            case .status(let status, let retryAfter):
                response = FaultResponses.status(status, retryAfter: retryAfter, path: path)
            case .statusAfterHandling(let status):
                _ = try await next(request, context)
                response =
                    KeycardRoutes.owns(path)
                    ? KeycardReply.error(.injected(status: status, retryAfter: nil))
                    : FaultResponses.status(status, retryAfter: nil, path: path)
            case .refusal(let status, let message, let code):
                response = FaultResponses.refusal(status, message: message, code: code, path: path)
            case .malformedJSON: response = FaultResponses.malformed(path: path)
            case .htmlPage(let status): response = FaultResponses.htmlPage(status)
            case .truncatedJSON: response = try await FaultResponses.truncated(next(request, context))
            case .reset(let afterHandling):
                if afterHandling { _ = try await next(request, context) }
                // Logged before the close, so a client that sees the dropped connection also finds it in the log.
                await log(method, path, request.uri.query, status: 0, plan: plan, arrived: arrived)
                await context.closeConnection()
                // Nothing of this response reaches the client: the connection is already closed.
                return Response(status: .ok)
            }
        } catch {
            await log(method, path, request.uri.query, status: 500, plan: plan, arrived: arrived)
            throw error
        }
        if let budget { RateLimitHeaders.add(budget, to: &response, path: path) }
        let requestID = Self.requestID(path: path)
        if let field = requestID.field { response.headers[field] = requestID.value }
        await log(
            method, path, request.uri.query, status: response.status.code, plan: plan, arrived: arrived,
            requestID: requestID.value)
        return response
    }

    /// Whose budget a request spends: its credential (a bearer token, a global key), as the providers count per
    /// user or key.
    private static func credential(of request: Request) -> String {
        for name in ["authorization", "x-auth-key", "x-api-key"] {
            if let value = request.headers.value(named: name) { return value }
        }
        return "anonymous"
    }

    /// A fresh request id in the provider's header: Cloudflare answers with `cf-ray`, OpenAI and Keycard with
    /// `x-request-id`.
    private static func requestID(path: String) -> (field: HTTPField.Name?, value: String) {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        if path.hasPrefix("/client/v4") { return (HTTPField.Name("cf-ray"), "\(random)-DEMO") }
        return (HTTPField.Name("x-request-id"), "req_\(random)")
    }

    private func log(
        _ method: String, _ path: String, _ query: String?, status: Int, plan: FaultInjector.Plan, arrived: Date,
        requestID: String? = nil
    ) async {
        let fault = plan.names.isEmpty ? nil : plan.names.joined(separator: "+")
        await log.record(
            DemoRequestRecord(
                method: method, path: path, query: query, status: status, fault: fault, date: arrived,
                requestID: requestID))
    }
}
