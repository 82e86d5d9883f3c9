/// A failure the Keycard fake answers with `{"message", "code", "status"}`.
struct KeycardAPIError: Error, Sendable, Hashable {
    var status: Int
    var code: String
    var message: String
    /// Seconds for `Retry-After`.
    var retryAfter: Int?

    /// 404 of a path no route serves (also the dropped endpoints when they are switched off).
    static let routeNotFound = KeycardAPIError(status: 404, code: "not_found", message: "Not Found")

    /// 404 of an object that does not exist (or that the caller may not see).
    static func notFound(_ what: String) -> KeycardAPIError {
        KeycardAPIError(status: 404, code: "not_found", message: "\(what) not found")
    }

    /// 400 of a request body or parameter that is not acceptable.
    static func invalid(_ message: String) -> KeycardAPIError {
        KeycardAPIError(status: 400, code: "invalid_request", message: message)
    }

    /// 401: no usable credentials.
    static func unauthorized(_ message: String) -> KeycardAPIError {
        KeycardAPIError(status: 401, code: "unauthorized", message: message)
    }

    /// 403: the caller may read but not do this.
    static func forbidden(_ message: String) -> KeycardAPIError {
        KeycardAPIError(status: 403, code: "forbidden", message: message)
    }

    /// 409: the object is not in a state that allows this.
    static func conflict(_ message: String) -> KeycardAPIError {
        KeycardAPIError(status: 409, code: "conflict", message: message)
    }

    /// The answer to an injected fault status.
    static func injected(status: Int, retryAfter: Int?) -> KeycardAPIError {
        let (code, message): (String, String) =
            switch status {
            case 400: ("invalid_request", "Bad request")
            case 401: ("unauthorized", "Invalid or expired access token")
            case 403: ("forbidden", "Forbidden")
            case 404: ("not_found", "Not Found")
            case 408: ("request_timeout", "Request timeout")
            case 409: ("conflict", "Conflict")
            case 429: ("rate_limited", "Too many requests, slow down")
            case 500: ("internal_error", "Internal server error")
            case 502: ("bad_gateway", "Bad gateway")
            case 503: ("service_unavailable", "Service temporarily unavailable")
            case 504: ("gateway_timeout", "Gateway timeout")
            default: ("error", "Injected failure \(status)")
            }
        return KeycardAPIError(status: status, code: code, message: message, retryAfter: retryAfter)
    }
}
