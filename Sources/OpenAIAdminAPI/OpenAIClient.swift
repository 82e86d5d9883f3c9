import APICore
import Foundation

/// Client of the OpenAI Admin API (`/v1/organization/*`): one method per endpoint, wire models in and out.
///
/// Every call goes through the shared `JSONAPIClient` with the `OpenAIDialect` (a Bearer admin key, the
/// `{"error":{…}}` body). Retries are the transport's job (see `RetryingTransport`).
public struct OpenAIClient: Sendable {
    /// The query of a request, in order; names may repeat (`emails[]`).
    public typealias Query = JSONAPIClient.Query

    /// The admin key in use; replaced when a rotation adopts the new key.
    public let adminKey: CredentialSlot<Secret>
    /// Sent as `OpenAI-Organization` when set.
    public let organizationID: String?
    let api: JSONAPIClient

    public init(configuration: OpenAIConfiguration, transport: any Transport) {
        let adminKey = CredentialSlot(configuration.adminKey)
        self.adminKey = adminKey
        organizationID = configuration.organizationID
        api = JSONAPIClient(
            baseURL: configuration.baseURL,
            dialect: OpenAIDialect(adminKey: adminKey, organizationID: configuration.organizationID),
            transport: transport, userAgent: configuration.userAgent)
    }

    public var baseURL: URL { api.baseURL }

    /// Sends a request and decodes its JSON body, or throws an `APIError`.
    ///
    /// `scan` is a faster reader of the body tried first (big list pages); when it returns nil, `JSONDecoder` decodes.
    func send<Result: Decodable>(
        _ method: HTTPMethod, _ path: [String], query: Query = [], body: (any Encodable & Sendable)? = nil,
        as resultType: Result.Type = Result.self, scan: (@Sendable (Data) -> Result?)? = nil
    ) async throws -> Result {
        let response = try await api.response(method, path, query: query, body: body)
        if let scanned = scan?(response.body) { return scanned }
        return try Self.decode(Result.self, from: response, requestLine: JSONAPIClient.requestLine(method, path))
    }

    /// A response's body decoded as `Result`; a malformed one is reported with the request id OpenAI support asks for.
    static func decode<Result: Decodable>(_ type: Result.Type, from response: HTTPResponse, requestLine: String) throws
        -> Result
    {
        do {
            return try JSONAPIClient.decode(Result.self, from: response.body, requestLine: requestLine)
        } catch var error as APIError {
            // OpenAI support asks for the request id; the malformed answer is the one worth reporting.
            if let requestID = response.header("x-request-id") {
                error.detail = [error.detail, "x-request-id \(requestID)"].compactMap { $0 }.joined(separator: "; ")
            }
            throw error
        }
    }

    /// Sends a DELETE; an answer of `deleted: false` is an error, not a success.
    func delete(_ path: [String]) async throws {
        let answer = try await send(.delete, path, as: OpenAIAdmin.DeletedObject.self)
        guard answer.deleted else {
            throw APIError(
                kind: .http(status: 200),
                providerMessages: [ProviderMessage(code: nil, message: "the server answered deleted: false")],
                requestLine: JSONAPIClient.requestLine(.delete, path))
        }
    }
}
