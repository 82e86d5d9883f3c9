import Foundation

/// A failed API call, with a message for the user and a description for the log (never a secret in either).
public struct APIError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, in the terms a caller acts on.
    public enum Kind: Sendable, Hashable {
        /// The server answered with an error status (or `success:false`).
        case http(status: Int)
        /// The response could not be decoded.
        case malformedResponse
        /// No connection could be made; nothing was sent.
        case connectionFailed
        /// The request timed out or the connection dropped before an answer came.
        case timedOut
        /// A write was sent but no answer came: it may or may not have happened. Re-read, never re-send.
        case outcomeUnknown
        /// The configuration cannot be used (missing credentials, an insecure base URL).
        case invalidConfiguration
        /// The call was refused locally, e.g. a write in read-only mode.
        case refused
        /// The server does not offer this endpoint.
        case unsupported
        /// The call was cancelled.
        case cancelled
    }

    public var kind: Kind
    /// What the provider said, item by item.
    public var providerMessages: [ProviderMessage]
    /// The request this error belongs to, as "METHOD /path" (no query, no headers).
    public var requestLine: String?
    /// Seconds the server asked to wait, from `Retry-After`.
    public var retryAfter: Double?
    /// Extra detail for the log.
    public var detail: String?

    public init(
        kind: Kind, providerMessages: [ProviderMessage] = [], requestLine: String? = nil, retryAfter: Double? = nil,
        detail: String? = nil
    ) {
        self.kind = kind
        self.providerMessages = providerMessages
        self.requestLine = requestLine
        self.retryAfter = retryAfter
        self.detail = detail
    }

    /// The HTTP status, when the server answered.
    public var status: Int? {
        if case .http(let status) = kind { return status }
        return nil
    }

    /// Whether trying the same read again may succeed.
    public var isRetryable: Bool {
        switch kind {
        case .http(let status): status == 408 || status == 429 || status >= 500
        case .connectionFailed, .timedOut: true
        case .malformedResponse, .outcomeUnknown, .invalidConfiguration, .refused, .unsupported, .cancelled: false
        }
    }

    /// One line for the status bar.
    public var userMessage: String {
        let said =
            providerMessages.isEmpty ? "" : ": " + providerMessages.prefix(2).map(\.message).joined(separator: " — ")
        switch kind {
        case .http(let status):
            switch status {
            case 400: return "The server rejected the request\(said)"
            case 401:
                return "Not signed in: the credentials were not accepted (revoked or expired? set a valid one in its "
                    + "environment variable or the profile's token_command, then start orgtui again)\(said)"
            case 403: return "Access denied\(said)"
            case 404: return "Not found\(said)"
            case 409: return "Conflict\(said)"
            case 422: return "The server could not process the request\(said)"
            case 429:
                let wait = retryAfter.map { " (retry in \(Int($0.rounded(.up))) s)" } ?? ""
                return "Rate limited\(wait)\(said)"
            case 300...399:
                // Never followed: a redirect could carry the credentials to another host.
                let target = detail.map { " to \($0)" } ?? ""
                return
                    "The server redirected (HTTP \(status))\(target): orgtui does not follow redirects for API calls; check the base URL"
            case 500...: return "The server failed (HTTP \(status))\(said)"
            default: return "HTTP \(status)\(said)"
            }
        case .malformedResponse: return "The server sent a response orgtui could not read"
        case .connectionFailed: return "Could not connect to the server" + (detail.map { ": \($0)" } ?? "")
        case .timedOut: return "The server did not answer in time"
        case .outcomeUnknown:
            return "No answer after the request was sent: it may or may not have taken effect; re-reading"
        case .invalidConfiguration: return detail ?? "The configuration cannot be used"
        case .refused: return detail ?? "Refused"
        case .unsupported: return detail ?? "Not supported by this server"
        case .cancelled: return "Cancelled"
        }
    }

    public var description: String { userMessage }

    public var debugDescription: String {
        var parts = ["APIError(\(kind))"]
        if let requestLine { parts.append(requestLine) }
        if !providerMessages.isEmpty { parts.append(providerMessages.map(\.description).joined(separator: "; ")) }
        if let retryAfter { parts.append("retry-after \(retryAfter)s") }
        if let detail { parts.append(detail) }
        return parts.joined(separator: " — ")
    }
}
