/// A failure the server answers with a v4 error envelope.
enum DemoAPIError: Error, Sendable {
    /// 404 with 7003 "Could not route to …" and 7000 "No route for that URI"; the path is filled in on the way out.
    case notFound
    /// Any other error envelope.
    case failure(status: Int, errors: [WireError], retryAfter: Int?)

    /// 400 with a body that parsed but is not acceptable (code 1001, as the token API answers).
    static func invalidBody(_ message: String) -> DemoAPIError {
        .failure(status: 400, errors: [WireError(code: 1001, message: message)], retryAfter: nil)
    }

    /// 400 for a bad query parameter (6008 with the detail in `error_chain`, as observed live).
    static func invalidParameter(_ message: String) -> DemoAPIError {
        .failure(
            status: 400,
            errors: [
                WireError(
                    code: 6008, message: "Invalid request parameters",
                    errorChain: [WireError(code: 11000, message: message)])
            ],
            retryAfter: nil)
    }

    /// 400 6007: the body is not JSON.
    static let malformedJSON = DemoAPIError.failure(
        status: 400, errors: [WireError(code: 6007, message: "Malformed JSON in request body")], retryAfter: nil)

    /// 400 9106: no credentials at all.
    static let missingCredentials = DemoAPIError.failure(
        status: 400,
        errors: [WireError(code: 9106, message: "Missing X-Auth-Key, X-Auth-Email or Authorization headers")],
        retryAfter: nil)

    /// 400 6003 (+6111): an Authorization header that is not `Bearer <token>`.
    static let invalidAuthorizationHeader = DemoAPIError.failure(
        status: 400,
        errors: [
            WireError(
                code: 6003, message: "Invalid request headers",
                errorChain: [WireError(code: 6111, message: "Invalid format for Authorization header")])
        ],
        retryAfter: nil)

    /// 403 9109: unknown, disabled, expired, deleted or rolled-away token.
    static let invalidAccessToken = DemoAPIError.failure(
        status: 403, errors: [WireError(code: 9109, message: "Invalid access token")], retryAfter: nil)

    /// 401 1000: the same, on `…/tokens/verify`.
    static let invalidAPIToken = DemoAPIError.failure(
        status: 401, errors: [WireError(code: 1000, message: "Invalid API Token")], retryAfter: nil)

    /// 403 9103: a global key and email that do not match.
    static let unknownGlobalKey = DemoAPIError.failure(
        status: 403, errors: [WireError(code: 9103, message: "Unknown X-Auth-Key or X-Auth-Email")], retryAfter: nil)

    /// 403 9109: a valid credential used outside its scope (an account token on another account).
    static let unauthorizedResource = DemoAPIError.failure(
        status: 403, errors: [WireError(code: 9109, message: "Unauthorized to access requested resource")],
        retryAfter: nil)

    /// 429 971, with `Retry-After` when given.
    static func rateLimited(retryAfter: Int?) -> DemoAPIError {
        .failure(
            status: 429,
            errors: [WireError(code: 971, message: "Please wait and consider throttling your request speed")],
            retryAfter: retryAfter)
    }
}
