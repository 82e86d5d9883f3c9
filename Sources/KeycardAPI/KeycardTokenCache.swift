import APICore
import Foundation

/// The OAuth2 client-credentials access token of a Keycard client: fetched on first use, cached per client id,
/// fetched again within 10 s of expiry or after a 401, and shared by concurrent requests (one token request at a
/// time, like the SDK's lock).
actor KeycardTokenCache {
    /// A token this close to its expiry is fetched again (the SDK's margin).
    static let renewalMargin: TimeInterval = 10
    /// The lifetime assumed when the answer has no `expires_in` (the SDK's default).
    static let defaultLifetime: TimeInterval = 3600

    private struct Cached: Sendable {
        let clientID: String
        let token: Secret
        let expiresAt: Date
    }

    private struct Pending {
        let clientID: String
        let task: Task<Cached, any Error>
    }

    let tokenURL: URL
    private let transport: any Transport
    private let headers: [(name: String, value: String)]
    private let now: @Sendable () -> Date
    private var cached: Cached?
    private var pending: Pending?

    init(
        tokenURL: URL, transport: any Transport, headers: [(name: String, value: String)],
        now: @escaping @Sendable () -> Date
    ) {
        self.tokenURL = tokenURL
        self.transport = transport
        self.headers = headers
        self.now = now
    }

    /// A usable access token for this client id: the cached one, or a fresh one from the token endpoint.
    func accessToken(clientID: String, clientSecret: Secret) async throws -> Secret {
        if let cached, cached.clientID == clientID,
            now() < cached.expiresAt.addingTimeInterval(-Self.renewalMargin)
        {
            return cached.token
        }
        if let pending, pending.clientID == clientID {
            return try await pending.task.value.token
        }
        let (tokenURL, transport, headers, now) = (self.tokenURL, self.transport, self.headers, self.now)
        let task = Task {
            try await Self.fetch(
                clientID: clientID, clientSecret: clientSecret, tokenURL: tokenURL, transport: transport,
                headers: headers, now: now)
        }
        pending = Pending(clientID: clientID, task: task)
        do {
            let fresh = try await task.value
            // Invalidated while fetching: this caller still gets the token, the cache does not keep it.
            if pending?.task == task {
                pending = nil
                cached = fresh
            }
            return fresh.token
        } catch {
            if pending?.task == task { pending = nil }
            throw error
        }
    }

    /// Forgets the cached token (after a 401, or when the client switched credentials).
    func invalidate() {
        cached = nil
        pending = nil
    }

    /// `POST <token URL>` with Basic auth and the form body `grant_type=client_credentials`.
    private static func fetch(
        clientID: String, clientSecret: Secret, tokenURL: URL, transport: any Transport,
        headers: [(name: String, value: String)], now: @Sendable () -> Date
    ) async throws -> Cached {
        let basic = Data("\(clientID):\(clientSecret.reveal() ?? "")".utf8).base64EncodedString()
        // Asking for a token has no effect beyond issuing one, so it may be retried like a read.
        let request = HTTPRequest(
            method: .post, url: tokenURL,
            headers: headers + [
                ("Content-Type", "application/x-www-form-urlencoded"), ("Authorization", "Basic \(basic)"),
            ],
            body: Data("grant_type=client_credentials".utf8), isRetryable: true)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw JSONAPIClient.apiError(for: error, request: request)
        }
        guard response.isSuccess else {
            var messages = KeycardDialect.messages(in: response.body) ?? []
            if messages.isEmpty, !response.body.isEmpty { messages = [ProviderMessage.unknownBody(response.body)] }
            throw APIError(
                kind: .http(status: response.status), providerMessages: messages, requestLine: request.requestLine,
                retryAfter: RetryPolicy.retryAfter(response.header("retry-after")).map(\.seconds),
                detail: "the client-credentials token request of \(clientID) was refused")
        }
        let answer = try JSONAPIClient.decode(
            Keycard.AccessToken.self, from: response.body, requestLine: request.requestLine)
        guard !answer.accessToken.isEmpty else {
            throw APIError(kind: .malformedResponse, requestLine: request.requestLine, detail: "empty access_token")
        }
        let lifetime = answer.expiresIn ?? defaultLifetime
        return Cached(
            clientID: clientID, token: Secret(answer.accessToken), expiresAt: now().addingTimeInterval(lifetime))
    }
}
