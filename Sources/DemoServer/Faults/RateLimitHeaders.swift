import Hummingbird

/// The rate-limit headers each provider sends, on every answer while a limit is on, and the 429 once it is spent.
enum RateLimitHeaders {
    /// The 429 of a spent budget, in the provider's error shape at `path`, with `Retry-After` and the headers.
    static func limited(_ verdict: RateLimiter.Verdict, path: String) -> Response {
        var response =
            KeycardRoutes.owns(path)
            ? KeycardReply.error(.injected(status: 429, retryAfter: verdict.resetSeconds))
            : FaultResponses.status(429, retryAfter: verdict.resetSeconds, path: path)
        add(verdict, to: &response, path: path)
        return response
    }

    /// Adds the budget's headers: Cloudflare's `Ratelimit` / `Ratelimit-Policy` (IETF draft structured fields), and
    /// the `x-ratelimit-*-requests` family the OpenAI API (and here Keycard's) sends.
    static func add(_ verdict: RateLimiter.Verdict, to response: inout Response, path: String) {
        if OpenAIRoutes.handles(path) || KeycardRoutes.owns(path) {
            set(&response, "x-ratelimit-limit-requests", "\(verdict.limit)")
            set(&response, "x-ratelimit-remaining-requests", "\(verdict.remaining)")
            set(&response, "x-ratelimit-reset-requests", "\(verdict.resetSeconds)s")
        } else {
            set(&response, "ratelimit", "\"default\";r=\(verdict.remaining);t=\(verdict.resetSeconds)")
            set(&response, "ratelimit-policy", "\"default\";q=\(verdict.limit);w=\(verdict.windowSeconds)")
        }
    }

    private static func set(_ response: inout Response, _ name: String, _ value: String) {
        guard let field = HTTPFields.Element.Name(name) else { return }
        response.headers[field] = value
    }
}
