/// A failure the `/v1` routes answer with the OpenAI error shape `{"error": {message, type, param, code}}`.
struct OpenAIAPIError: Error, Sendable, Hashable {
    var status: Int
    var message: String
    var type: String
    var param: String?
    var code: String?
    /// Seconds for a `Retry-After` header.
    var retryAfter: Int?

    init(
        status: Int, message: String, type: String = "invalid_request_error", param: String? = nil,
        code: String? = nil, retryAfter: Int? = nil
    ) {
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code
        self.retryAfter = retryAfter
    }

    /// 400 for a body or query value that is not acceptable.
    static func invalid(_ message: String, param: String? = nil, code: String? = nil) -> OpenAIAPIError {
        OpenAIAPIError(status: 400, message: message, param: param, code: code)
    }

    /// 404 for an id that names nothing (`kind` is e.g. "user", "invite").
    static func notFound(_ kind: String, id: String) -> OpenAIAPIError {
        OpenAIAPIError(status: 404, message: "No \(kind) found with id '\(id)'.", code: "not_found")
    }

    /// 404 for a path under `/v1` that has no route, worded as the real API words it.
    static func invalidURL(method: String, path: String) -> OpenAIAPIError {
        OpenAIAPIError(status: 404, message: "Invalid URL (\(method) \(path))")
    }

    /// 401 without an `Authorization: Bearer` header.
    static let missingKey = OpenAIAPIError(
        status: 401,
        message: "You didn't provide an API key. You need to provide your API key in an Authorization header "
            + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).")

    /// 401 for a key that is unknown, deleted or expired; only the key's redaction is echoed.
    static func invalidKey(_ redacted: String) -> OpenAIAPIError {
        OpenAIAPIError(
            status: 401,
            message: "Incorrect API key provided: \(redacted). You can find your API key at "
                + "https://platform.openai.com/account/api-keys.",
            code: "invalid_api_key")
    }

    /// 400 for a request body that is not JSON.
    static let malformedJSON = OpenAIAPIError.invalid(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP "
            + "library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)")

    /// The error an injected fault answers with for `status` (429 `rate_limit_exceeded`, 5xx `server_error`).
    static func injected(status: Int, retryAfter: Int?) -> OpenAIAPIError {
        switch status {
        case 429:
            return OpenAIAPIError(
                status: 429, message: "Rate limit reached for requests to the Admin API. Please try again later.",
                type: "requests", code: "rate_limit_exceeded", retryAfter: retryAfter)
        case 401: return .invalidKey("sk-admin-…")
        case 404: return OpenAIAPIError(status: 404, message: "Not found.", code: "not_found")
        case 500...:
            return OpenAIAPIError(
                status: status, message: "The server had an error while processing your request. Sorry about that!",
                type: "server_error", retryAfter: retryAfter)
        default:
            return OpenAIAPIError(status: status, message: "Injected failure \(status)", retryAfter: retryAfter)
        }
    }
}
