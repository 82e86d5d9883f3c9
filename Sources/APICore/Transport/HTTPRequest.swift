import Foundation

/// An HTTP request as the API core builds it; its description never shows headers, query or body.
public struct HTTPRequest: Sendable, CustomStringConvertible {
    public var method: HTTPMethod
    public var url: URL
    /// Header fields in send order. Values may hold credentials: never log them.
    public var headers: [(name: String, value: String)]
    public var body: Data?
    /// Whether the retry policy may send this request again after a failure that happened after sending.
    public var isRetryable: Bool

    public init(
        method: HTTPMethod, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil,
        isRetryable: Bool? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.isRetryable = isRetryable ?? method.isSafeToRetry
    }

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Which attempt this is (1 for the first send); the retry policy counts it up, the transport logs it.
    public var attempt = 1

    /// Text of the path that must never be logged (an invitation token); `requestLine` shows `<redacted>` instead.
    public var redactedPathText: [String] = []

    /// "METHOD /path", safe to log: no query string, no headers, no redacted path text.
    public var requestLine: String {
        var path = url.path
        for text in redactedPathText where !text.isEmpty {
            path = path.replacingOccurrences(of: text, with: "<redacted>")
            path = path.replacingOccurrences(of: QueryEncoding.escape(text), with: "<redacted>")
        }
        return "\(method.rawValue) \(path)"
    }

    public var description: String { requestLine }
}
