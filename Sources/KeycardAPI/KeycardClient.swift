import APICore
import Foundation

/// Client of the Keycard Management API: one method per endpoint, wire models in and out.
///
/// Every call goes through the shared `JSONAPIClient`; this type adds the Keycard dialect (an API key, or an
/// OAuth2 client-credentials token fetched and renewed by `KeycardTokenCache`; errors `{"message","code","status"}`),
/// `items` + `page_info` cursor lists, and DELETE's `Accept: */*` with its empty 204. Retries are the transport's job.
public struct KeycardClient: Sendable {
    /// The query of a request, in order; names may repeat.
    public typealias Query = JSONAPIClient.Query

    /// The credentials in use; replaced when the credential this client signs in with was rotated.
    public let credentials: CredentialSlot<KeycardCredentials>
    let api: JSONAPIClient
    let tokens: KeycardTokenCache
    /// Sent on every request (`KEYCARD_API_CUSTOM_HEADERS`).
    let customHeaders: [(name: String, value: String)]

    /// A client; `now` is the clock that ages the access token (injected by tests).
    public init(
        configuration: KeycardConfiguration, transport: any Transport,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        let credentials = CredentialSlot(configuration.credentials)
        let tokens = KeycardTokenCache(
            tokenURL: configuration.tokenURL, transport: transport,
            headers: [("Accept", "application/json"), ("User-Agent", configuration.userAgent)]
                + configuration.customHeaders,
            now: now)
        self.credentials = credentials
        self.tokens = tokens
        customHeaders = configuration.customHeaders
        api = JSONAPIClient(
            baseURL: configuration.baseURL, dialect: KeycardDialect(credentials: credentials, tokens: tokens),
            transport: transport, userAgent: configuration.userAgent)
    }

    public var baseURL: URL { api.baseURL }

    /// The OAuth2 token endpoint client credentials are exchanged at.
    public var tokenURL: URL { tokens.tokenURL }

    /// Signs in with `credentials` from now on; a cached access token of other client credentials is not used again.
    public func replaceCredentials(with credentials: KeycardCredentials) async {
        self.credentials.replace(with: credentials)
        await tokens.invalidate()
    }

    /// Sends a request and decodes its JSON body, or throws an `APIError`.
    func send<Result: Decodable>(
        _ method: HTTPMethod, _ path: [String], query: Query = [], body: (any Encodable & Sendable)? = nil,
        signed: Bool = true, redacting: [String] = [], as resultType: Result.Type = Result.self
    ) async throws -> Result {
        let response = try await api.response(
            method, path, query: query, body: body, headers: customHeaders, signed: signed, redacting: redacting)
        return try JSONAPIClient.decode(
            Result.self, from: response.body, requestLine: Self.requestLine(method, path, redacting: redacting))
    }

    /// Sends a request answered with no body (a DELETE: 204), with `Accept: */*` as the SDK sends it.
    func sendExpectingNoContent(_ method: HTTPMethod, _ path: [String]) async throws {
        _ = try await api.response(method, path, headers: customHeaders + [("Accept", "*/*")])
    }

    /// "METHOD /path" with redacted path text replaced.
    static func requestLine(_ method: HTTPMethod, _ path: [String], redacting: [String] = []) -> String {
        let redacted = path.map { segment in redacting.contains(segment) ? "<redacted>" : segment }
        return JSONAPIClient.requestLine(method, redacted)
    }
}

/// Keycard's half of the request path: a Bearer API key or client-credentials access token, and
/// `{"message","code","status"}` error bodies.
struct KeycardDialect: APIDialect {
    let credentials: CredentialSlot<KeycardCredentials>
    let tokens: KeycardTokenCache

    func authorization() async throws -> [(name: String, value: String)] {
        switch credentials.credentials {
        case .apiKey(let key):
            return [("Authorization", "Bearer \(key.reveal() ?? "")")]
        case .clientCredentials(let clientID, let secret):
            let token = try await tokens.accessToken(clientID: clientID, clientSecret: secret)
            return [("Authorization", "Bearer \(token.reveal() ?? "")")]
        }
    }

    func errorMessages(in body: Data) -> [ProviderMessage]? {
        Self.messages(in: body)
    }

    /// A 401 with client credentials: the access token may have been revoked or expired early, so fetch a new one.
    func renewAfterUnauthorized() async -> Bool {
        guard case .clientCredentials(let clientID, let secret) = credentials.credentials else { return false }
        await tokens.invalidate()
        return (try? await tokens.accessToken(clientID: clientID, clientSecret: secret)) != nil
    }

    /// The message of a Keycard error body (or of an OAuth2 `{"error","error_description"}` one), or nil.
    static func messages(in body: Data) -> [ProviderMessage]? {
        if let error = try? JSONDecoder().decode(Keycard.ErrorBody.self, from: body) {
            return [ProviderMessage(code: error.code, message: error.message)]
        }
        if let error = try? JSONDecoder().decode(OAuthErrorBody.self, from: body) {
            return [ProviderMessage(code: error.error, message: error.errorDescription ?? error.error)]
        }
        return nil
    }

    /// RFC 6749 §5.2 error body, which a token endpoint may send instead of the Keycard shape.
    private struct OAuthErrorBody: Decodable {
        var error: String
        var errorDescription: String?

        enum CodingKeys: String, CodingKey {
            case error
            case errorDescription = "error_description"
        }
    }
}
