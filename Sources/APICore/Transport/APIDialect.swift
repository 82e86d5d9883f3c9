import Foundation

/// The provider-specific part of the one request path: how requests are signed and how error bodies read.
///
/// A provider client is its endpoints and wire models plus one dialect; `JSONAPIClient` does the rest.
public protocol APIDialect: Sendable {
    /// The header fields that carry the credentials (a dialect may fetch a token first).
    func authorization() async throws -> [(name: String, value: String)]
    /// The messages of an error body, or nil when the body is not in the provider's error shape.
    func errorMessages(in body: Data) -> [ProviderMessage]?
    /// Called after a 401 to a signed request: true when fresh credentials were obtained, so the request is
    /// sent once more (a client-credentials token that expired early).
    func renewAfterUnauthorized() async -> Bool
}

extension APIDialect {
    public func renewAfterUnauthorized() async -> Bool { false }
}
