import APICore
import Foundation

/// Client of the Cloudflare v4 User and Accounts APIs: one method per endpoint, wire models in and out.
///
/// Every call goes through the shared `JSONAPIClient`; this type adds the v4 envelope (`success`, `result`,
/// `result_info`) and the Cloudflare dialect (one auth scheme per request, `errors[]` with `error_chain`).
/// Retries are the transport's job (see `RetryingTransport`).
public struct CloudflareClient: Sendable {
    /// The query of a request, in order; names may repeat.
    public typealias Query = JSONAPIClient.Query

    /// The credentials in use; replaced after the signed-in token itself was rolled.
    public let credentials: CredentialSlot<CloudflareCredentials>
    let api: JSONAPIClient

    public init(configuration: CloudflareConfiguration, transport: any Transport) {
        let credentials = CredentialSlot(configuration.credentials)
        self.credentials = credentials
        api = JSONAPIClient(
            baseURL: configuration.baseURL, dialect: CloudflareDialect(credentials: credentials), transport: transport,
            userAgent: configuration.userAgent)
    }

    public var baseURL: URL { api.baseURL }

    /// Sends a request and returns the decoded envelope, or throws an `APIError`.
    ///
    /// `scan` is a faster reader of the body tried first (big list pages); when it returns nil, `JSONDecoder` decodes.
    func send<Result: Codable & Sendable>(
        _ method: HTTPMethod, _ path: [String], query: Query = [], body: (any Encodable & Sendable)? = nil,
        as resultType: Result.Type = Result.self, scan: (@Sendable (Data) -> Cloudflare.Envelope<Result>?)? = nil
    ) async throws -> Cloudflare.Envelope<Result> {
        try await exchange(method, path, query: query, body: body, as: Result.self, scan: scan).envelope
    }

    /// Sends a request and returns the decoded envelope with the raw body (for the few paths that answer outside
    /// `result`), or throws an `APIError`.
    ///
    /// An empty path segment (a row without an id) is refused before anything is sent: it would address the
    /// collection, or another object, instead of the one meant.
    func exchange<Result: Codable & Sendable>(
        _ method: HTTPMethod, _ path: [String], query: Query = [], body: (any Encodable & Sendable)? = nil,
        as resultType: Result.Type = Result.self, scan: (@Sendable (Data) -> Cloudflare.Envelope<Result>?)? = nil
    ) async throws -> (envelope: Cloudflare.Envelope<Result>, body: Data) {
        let response = try await checkedResponse(method, path, query: query, body: body)
        let envelope = try Self.envelope(
            of: response, as: Result.self, requestLine: JSONAPIClient.requestLine(method, path), scan: scan)
        return (envelope, response.body)
    }

    /// The 2xx response to a request; an empty path segment (a row without an id) is refused before anything is
    /// sent: it would address the collection, or another object, instead of the one meant.
    func checkedResponse(
        _ method: HTTPMethod, _ path: [String], query: Query = [], body: (any Encodable & Sendable)? = nil
    ) async throws -> HTTPResponse {
        guard !path.contains(where: \.isEmpty) else {
            throw APIError(
                kind: .refused, requestLine: JSONAPIClient.requestLine(method, path),
                detail: "An id in the path is empty: nothing was sent")
        }
        return try await api.response(method, path, query: query, body: body)
    }

    /// A response's envelope: read by `scan` when it can, else decoded; `success: false` is an error even with a 2xx.
    static func envelope<Result: Codable & Sendable>(
        of response: HTTPResponse, as resultType: Result.Type, requestLine: String,
        scan: (@Sendable (Data) -> Cloudflare.Envelope<Result>?)? = nil
    ) throws -> Cloudflare.Envelope<Result> {
        if response.body.isEmpty { return Cloudflare.Envelope(success: true, result: nil) }
        let envelope =
            try scan?(response.body)
            ?? JSONAPIClient.decode(Cloudflare.Envelope<Result>.self, from: response.body, requestLine: requestLine)
        if envelope.success == false {
            throw APIError(
                kind: .http(status: response.status), providerMessages: CloudflareDialect.messages(envelope.errors),
                requestLine: requestLine, detail: "success:false with HTTP \(response.status)")
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
                kind: .malformedResponse, requestLine: JSONAPIClient.requestLine(method, path),
                detail: "the response has no result")
        }
        return result
    }
}

/// Cloudflare's half of the request path: exactly one auth scheme, and `errors[]` (with `error_chain`) in the envelope.
struct CloudflareDialect: APIDialect {
    let credentials: CredentialSlot<CloudflareCredentials>

    func authorization() async throws -> [(name: String, value: String)] {
        credentials.credentials.headers
    }

    func errorMessages(in body: Data) -> [ProviderMessage]? {
        guard let envelope = try? JSONDecoder().decode(Cloudflare.Envelope<JSONValue>.self, from: body) else {
            return nil
        }
        return Self.messages(envelope.errors)
    }

    static func messages(_ items: [Cloudflare.ResponseInfo]?) -> [ProviderMessage] {
        // The chain names the actual cause ("per_page must be at most 50"): keep it after its parent.
        (items ?? []).flatMap { item in
            [ProviderMessage(code: item.code.map(String.init), message: item.message)] + messages(item.errorChain)
        }
    }
}
