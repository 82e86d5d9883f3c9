import Foundation

/// The one request path every provider client composes: builds the request, signs it through the provider's
/// dialect, sends it through the `Transport` (which carries the retry policy), and turns every failure into an
/// `APIError` with a user message and a log description that never holds a secret.
public struct JSONAPIClient: Sendable {
    /// The query of a request, in order; names may repeat.
    public typealias Query = [(String, String)]

    public let baseURL: URL
    public let dialect: any APIDialect
    let transport: any Transport
    let userAgent: String

    public init(baseURL: URL, dialect: any APIDialect, transport: any Transport, userAgent: String = "orgtui") {
        self.baseURL = baseURL
        self.dialect = dialect
        self.transport = transport
        self.userAgent = userAgent
    }

    /// Sends a request and returns its 2xx response, or throws an `APIError`.
    ///
    /// `signed: false` sends no credentials (an invitation read by its emailed token). A header in `headers`
    /// replaces a default of the same name (`Accept: */*` on a DELETE). Path text in `redacting` (a token in the
    /// path) never shows in request lines, logs or errors.
    public func response(
        _ method: HTTPMethod, _ path: [String], query: Query = [], body: (any Encodable & Sendable)? = nil,
        headers extra: [(name: String, value: String)] = [], signed: Bool = true, redacting: [String] = []
    ) async throws -> HTTPResponse {
        var request = try await makeRequest(method, path, query: query, body: body, headers: extra, signed: signed)
        request.redactedPathText = redacting
        var response = try await send(request)
        if response.status == 401, signed, await dialect.renewAfterUnauthorized() {
            request = try await makeRequest(method, path, query: query, body: body, headers: extra, signed: signed)
            request.redactedPathText = redacting
            response = try await send(request)
        }
        guard response.isSuccess else { throw httpError(response, request: request) }
        return response
    }

    /// Sends a request and decodes its JSON body as `Result`.
    public func decoded<Result: Decodable>(
        _ method: HTTPMethod, _ path: [String], query: Query = [], body: (any Encodable & Sendable)? = nil,
        signed: Bool = true, as resultType: Result.Type = Result.self
    ) async throws -> Result {
        let response = try await response(method, path, query: query, body: body, signed: signed)
        return try Self.decode(Result.self, from: response.body, requestLine: Self.requestLine(method, path))
    }

    /// Decodes a response body, reporting a body that is not the expected JSON as a malformed answer.
    public static func decode<Result: Decodable>(_ type: Result.Type, from body: Data, requestLine: String) throws
        -> Result
    {
        do {
            return try JSONDecoder().decode(Result.self, from: body)
        } catch {
            throw APIError(kind: .malformedResponse, requestLine: requestLine, detail: describe(error))
        }
    }

    /// "METHOD /path" of a request that has no URL yet.
    public static func requestLine(_ method: HTTPMethod, _ path: [String]) -> String {
        "\(method.rawValue) /\(path.joined(separator: "/"))"
    }

    func makeRequest(
        _ method: HTTPMethod, _ path: [String], query: Query, body: (any Encodable & Sendable)?,
        headers extra: [(name: String, value: String)], signed: Bool
    ) async throws -> HTTPRequest {
        guard let url = QueryEncoding.url(base: baseURL, path: path, query: query) else {
            throw APIError(
                kind: .invalidConfiguration, detail: "Cannot build a URL for /\(path.joined(separator: "/"))")
        }
        var headers: [(name: String, value: String)] = [("Accept", "application/json"), ("User-Agent", userAgent)]
        var data: Data?
        if let body {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            data = try encoder.encode(body)
        }
        if method != .get { headers.append(("Content-Type", "application/json")) }
        headers.removeAll { header in extra.contains { $0.name.caseInsensitiveCompare(header.name) == .orderedSame } }
        headers.append(contentsOf: extra)
        if signed { headers.append(contentsOf: try await dialect.authorization()) }
        return HTTPRequest(method: method, url: url, headers: headers, body: data)
    }

    private func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            let response = try await transport.send(request)
            RequestIDCapture.current?.record(response)
            return response
        } catch {
            throw Self.apiError(for: error, request: request)
        }
    }

    // MARK: - Errors

    /// The `APIError` of a failure below HTTP.
    public static func apiError(for error: any Error, request: HTTPRequest) -> APIError {
        if let error = error as? APIError { return error }
        if error is CancellationError {
            return APIError(kind: .cancelled, requestLine: request.requestLine)
        }
        guard let failure = error as? TransportError else {
            return APIError(kind: .connectionFailed, requestLine: request.requestLine, detail: describe(error))
        }
        switch failure {
        case .cancelled:
            return APIError(kind: .cancelled, requestLine: request.requestLine)
        case .connectionFailed(let reason):
            return APIError(kind: .connectionFailed, requestLine: request.requestLine, detail: reason)
        case .failedAfterSending, .timedOut:
            // A read can simply be asked again; a write may have happened, so the caller must re-read.
            let kind: APIError.Kind = request.isRetryable ? .timedOut : .outcomeUnknown
            return APIError(kind: kind, requestLine: request.requestLine, detail: failure.description)
        }
    }

    /// The `APIError` of a non-2xx response, with the provider's messages (or the start of a body in no known shape).
    func httpError(_ response: HTTPResponse, request: HTTPRequest) -> APIError {
        var messages = dialect.errorMessages(in: response.body) ?? []
        if messages.isEmpty, !response.body.isEmpty, dialect.errorMessages(in: response.body) == nil {
            // A body in no known shape (a proxy's HTML page): its start is the best explanation there is.
            messages = [ProviderMessage.unknownBody(response.body)]
        }
        let retryAfter = RetryPolicy.retryAfter(response.header("retry-after")).map(\.seconds)
        return APIError(
            kind: .http(status: response.status), providerMessages: messages, requestLine: request.requestLine,
            retryAfter: retryAfter, detail: (300...399).contains(response.status) ? Self.redirectTarget(response) : nil)
    }

    /// Where a redirect points, without its query (which may hold a token).
    static func redirectTarget(_ response: HTTPResponse) -> String? {
        guard let location = response.header("location"), var components = URLComponents(string: location) else {
            return nil
        }
        components.query = nil
        components.fragment = nil
        components.user = nil
        components.password = nil
        return components.string
    }

    /// A decoding error in words, with the path of the offending field.
    public static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            "missing key '\(key.stringValue)' at \(path(context))"
        case DecodingError.typeMismatch(let type, let context):
            "expected \(type) at \(path(context))"
        case DecodingError.valueNotFound(let type, let context):
            "null where \(type) was expected at \(path(context))"
        case DecodingError.dataCorrupted(let context):
            "invalid JSON at \(path(context))"
        default:
            String(describing: type(of: error))
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "the top level" : path
    }
}
