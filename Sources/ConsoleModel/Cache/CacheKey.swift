import APICore

/// A list the cache holds pages of, named so that writes can invalidate exactly what they change.
public enum CachedResource: Sendable, Hashable {
    case accounts
    case members(Scope)
    case tokens(Scope)
    case receivedInvitations
    case sentInvitations(Scope)
    case userOrganizations
    /// A read-only view's list (`audit`, `billing`, `subscriptions`, `organizations`) in a scope.
    case records(String, Scope)

    /// The members of a Cloudflare-style account.
    public static func members(accountID: String) -> CachedResource { .members(accountScope(accountID)) }

    /// The invitations a scope sent (a provider may list them as its pending members).
    public static func sentInvitations(accountID: String) -> CachedResource {
        .sentInvitations(accountScope(accountID))
    }

    private static func accountScope(_ id: String) -> Scope { Scope([ScopeNode(kind: .account, id: id, name: "")]) }
}

/// Identifies one cached page: profile, list, normalized query (without page or cursor) and cursor.
public struct CacheKey: Sendable, Hashable {
    public var profile: String
    public var resource: CachedResource
    /// The server-side query, normalized so that equal queries make equal keys ("name=acme&status=pending").
    public var query: String
    public var cursor: PageCursor

    public init(profile: String, resource: CachedResource, query: String = "", cursor: PageCursor) {
        self.profile = profile
        self.resource = resource
        self.query = query
        self.cursor = cursor
    }

    /// Normalizes query parameters: empty values dropped, names sorted, values lower-cased where case does not matter.
    public static func normalizedQuery(_ parameters: [String: String?]) -> String {
        parameters.compactMap { name, value in
            guard let value, !value.isEmpty else { return nil }
            return "\(name)=\(value)"
        }.sorted().joined(separator: "&")
    }
}
