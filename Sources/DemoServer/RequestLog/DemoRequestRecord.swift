import Foundation

/// One request the server answered, for tests that count calls (e.g. "a roll is never retried").
public struct DemoRequestRecord: Sendable, Hashable {
    /// HTTP method, e.g. "PUT".
    public var method: String
    /// Path with the `/client/v4` prefix, e.g. "/client/v4/user/tokens/abc/value".
    public var path: String
    /// Raw query string without "?", or nil.
    public var query: String?
    /// Status of the response that was sent; 0 when the connection was dropped without one (the "reset" fault).
    public var status: Int
    /// The injected fault that shaped the answer, if any ("latency", "status", "malformed", "truncated", "reset").
    public var fault: String?
    /// When the request arrived.
    public var date: Date
    /// The request id the answer carried (`cf-ray` on Cloudflare's paths, `x-request-id` elsewhere), as the real APIs
    /// send one.
    public var requestID: String?

    /// Creates a record.
    public init(
        method: String, path: String, query: String?, status: Int, fault: String? = nil, date: Date = Date(),
        requestID: String? = nil
    ) {
        self.requestID = requestID
        self.method = method
        self.path = path
        self.query = query
        self.status = status
        self.fault = fault
        self.date = date
    }
}
