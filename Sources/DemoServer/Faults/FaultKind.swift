/// What an injected fault does to a matching request.
public enum FaultKind: Sendable, Hashable {
    /// Waits this long, then answers normally (combines with one other fault).
    case latency(Duration)
    /// Answers with this status and an error envelope, without running the handler: 429 → code 971,
    /// 5xx → 10001/10002/10003; `retryAfter` (seconds) adds a `Retry-After` header.
    case status(Int, retryAfter: Int? = nil)
    /// Answers with this status and the provider's error shape carrying `message` (Cloudflare: code 1003 unless
    /// given), without running the handler: a refusal the seed cannot produce, e.g. a 403 naming why.
    case refusal(Int, message: String, code: Int = 1003)
    /// HTTP 200 with a body that is not JSON (`{"success": tru…`), without running the handler.
    case malformedJSON
    /// Runs the handler, then sends the first half of its JSON body with a matching `Content-Length`.
    case truncatedJSON
    /// Closes the connection without sending any byte of a response (the client sees the connection closed
    /// before a response). With `afterHandling` (the default) the handler runs first, so a write has happened
    /// although the client never learns its result: the "unknown outcome" case.
    case reset(afterHandling: Bool = true)
    /// Runs the handler (the change happens), then answers with this status as `status` does: a gateway that failed
    /// after the API applied a write.
    case statusAfterHandling(Int)
    /// A gateway's or proxy's own HTML error page with this status (`text/html`), without running the handler: what
    /// a corporate proxy or a load balancer answers instead of the API.
    case htmlPage(Int)

    /// The name used in `/__demo/faults` and in the request log.
    public var name: String {
        switch self {
        case .latency: "latency"
        case .status: "status"
        case .refusal: "refusal"
        case .malformedJSON: "malformed"
        case .truncatedJSON: "truncated"
        case .reset: "reset"
        case .htmlPage: "html"
        case .statusAfterHandling: "status-after"
        }
    }
}
