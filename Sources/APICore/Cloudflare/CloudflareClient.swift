import Foundation

/// Client of the Cloudflare v4 User and Accounts APIs: one method per endpoint, wire models in and out.
///
/// Every call goes through `send`, which signs the request, unwraps the v4 envelope and turns every failure
/// into an `APIError`. Retries are the transport's job (see `RetryingTransport`).
public struct CloudflareClient: Sendable {
    /// The query of a request, in order; names may repeat.
    public typealias Query = [(String, String)]

    public let baseURL: URL
    /// The credentials in use; replaced after the signed-in token itself was rolled.
    public let credentials: CredentialSlot<CloudflareCredentials>
    let transport: any Transport
    let userAgent: String

    public init(configuration: CloudflareConfiguration, transport: any Transport) {
        baseURL = configuration.baseURL
        credentials = CredentialSlot(configuration.credentials)
        self.transport = transport
        userAgent = configuration.userAgent
    }

    // MARK: - The one request path

    /// Sends a request and returns the decoded envelope, or throws an `APIError`.
    func send<Result: Codable & Sendable>(
        _ method: HTTPMethod, _ path: [String], query: Query = [], body: (any Encodable & Sendable)? = nil,
        as resultType: Result.Type = Result.self
    ) async throws -> Cloudflare.Envelope<Result> {
        let request = try makeRequest(method, path, query: query, body: body)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw Self.apiError(for: error, request: request)
        }
        guard response.isSuccess else { throw Self.httpError(response, request: request) }
        if response.body.isEmpty {
            return Cloudflare.Envelope(success: true, result: nil)
        }
        let envelope: Cloudflare.Envelope<Result>
        do {
            envelope = try JSONDecoder().decode(Cloudflare.Envelope<Result>.self, from: response.body)
        } catch {
            throw APIError(kind: .malformedResponse, requestLine: request.requestLine, detail: Self.describe(error))
        }
        if envelope.success == false {
            throw APIError(
                kind: .http(status: response.status), providerMessages: Self.messages(envelope.errors),
                requestLine: request.requestLine, detail: "success:false with HTTP \(response.status)")
        }
        return envelope
    }

    /// Sends a request whose `result` must be present.
    func result<Result: Codable & Sendable>(
        _ method: HTTPMethod, _ path: [String], query: Query = [], body: (any Encodable & Sendable)? = nil,
        as resultType: Result.Type = Result.self
    ) async throws -> Result {
        let envelope = try await send(method, path, query: query, body: body, as: Result.self)
        guard let result = envelope.result else {
            throw APIError(
                kind: .malformedResponse, requestLine: "\(method.rawValue) /\(path.joined(separator: "/"))",
                detail: "the response has no result")
        }
        return result
    }

    func makeRequest(_ method: HTTPMethod, _ path: [String], query: Query, body: (any Encodable & Sendable)?) throws
        -> HTTPRequest
    {
        guard let url = QueryEncoding.url(base: baseURL, path: path, query: query) else {
            throw APIError(kind: .invalidConfiguration, detail: "Cannot build a URL for /\(path.joined(separator: "/"))")
        }
        var headers: [(name: String, value: String)] = [("Accept", "application/json"), ("User-Agent", userAgent)]
        var data: Data?
        if let body {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            data = try encoder.encode(body)
        } else if method != .get {
            data = nil
        }
        if method != .get { headers.append(("Content-Type", "application/json")) }
        headers.append(contentsOf: credentials.credentials.headers)
        return HTTPRequest(method: method, url: url, headers: headers, body: data)
    }

    // MARK: - Errors

    static func apiError(for error: any Error, request: HTTPRequest) -> APIError {
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

    static func httpError(_ response: HTTPResponse, request: HTTPRequest) -> APIError {
        let envelope = try? JSONDecoder().decode(Cloudflare.Envelope<JSONValue>.self, from: response.body)
        var messages = messages(envelope?.errors)
        if envelope == nil, !response.body.isEmpty {
            let text = String(decoding: response.body.prefix(200), as: UTF8.self)
            messages = [ProviderMessage(code: nil, message: text)]
        }
        let retryAfter = RetryPolicy.retryAfter(response.header("retry-after")).map(\.seconds)
        return APIError(
            kind: .http(status: response.status), providerMessages: messages, requestLine: request.requestLine,
            retryAfter: retryAfter)
    }

    static func messages(_ items: [Cloudflare.ResponseInfo]?) -> [ProviderMessage] {
        // The chain names the actual cause ("per_page must be at most 50"): keep it after its parent.
        (items ?? []).flatMap { item in
            [ProviderMessage(code: item.code.map(String.init), message: item.message)] + messages(item.errorChain)
        }
    }

    static func describe(_ error: any Error) -> String {
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
