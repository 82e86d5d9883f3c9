import APICore

extension CloudflareClient {
    /// The path of a token collection: `/user/tokens` or `/accounts/{id}/tokens`.
    static func tokensPath(_ scope: TokenScope) -> [String] {
        switch scope {
        case .user: ["user", "tokens"]
        case .account(let id): ["accounts", id, "tokens"]
        }
    }

    /// `GET …/tokens`.
    public func tokens(_ scope: TokenScope, query: Cloudflare.TokenQuery = .init()) -> PagedList<Cloudflare.Token> {
        numberedList(Self.tokensPath(scope), query: query.items, perPage: query.perPage)
    }

    /// `GET …/tokens/{id}`.
    public func token(_ scope: TokenScope, id: String) async throws -> Cloudflare.Token {
        try await result(.get, Self.tokensPath(scope) + [id])
    }

    /// `POST …/tokens`: the response carries the secret, this once.
    public func createToken(_ scope: TokenScope, _ body: Cloudflare.TokenBody) async throws -> (
        token: Cloudflare.Token, secret: Secret?
    ) {
        let created = try await result(.post, Self.tokensPath(scope), body: body, as: Cloudflare.TokenWithValue.self)
        return (created.token, created.value.map(Secret.init))
    }

    /// `PUT …/tokens/{id}`: a full replacement (`name` and `policies` are required).
    public func updateToken(_ scope: TokenScope, id: String, _ body: Cloudflare.TokenBody) async throws
        -> Cloudflare.Token
    {
        try await result(.put, Self.tokensPath(scope) + [id], body: body)
    }

    /// Enables or disables a token by re-sending it with another status.
    public func setTokenStatus(_ scope: TokenScope, id: String, enabled: Bool) async throws -> Cloudflare.Token {
        let current = try await token(scope, id: id)
        var body = try Cloudflare.TokenBody(replacing: current)
        body.status = OpenEnum(enabled ? .active : .disabled)
        return try await updateToken(scope, id: id, body)
    }

    /// `DELETE …/tokens/{id}`.
    public func deleteToken(_ scope: TokenScope, id: String) async throws {
        _ = try await send(.delete, Self.tokensPath(scope) + [id], as: Cloudflare.DeletedID.self)
    }

    /// `GET …/tokens/verify`: the token this client is signed in with.
    public func verifyToken(_ scope: TokenScope = .user) async throws -> Cloudflare.TokenVerification {
        try await result(.get, Self.tokensPath(scope) + ["verify"])
    }

    /// `GET …/tokens/permission_groups`.
    public func tokenPermissionGroups(_ scope: TokenScope, name: String? = nil, scopeFilter: String? = nil)
        -> PagedList<Cloudflare.PermissionGroup>
    {
        var query: Query = []
        if let name { query.append(("name", name)) }
        if let scopeFilter { query.append(("scope", scopeFilter)) }
        return singlePageList(Self.tokensPath(scope) + ["permission_groups"], query: query)
    }

    /// `PUT …/tokens/{id}/value`: rolls the token; the result is the new secret, the only copy there is.
    ///
    /// Sends `{}` (the schema requires a body; the SDK sends none) and is never retried after sending.
    public func rollToken(_ scope: TokenScope, id: String) async throws -> Secret {
        let value = try await result(.put, Self.tokensPath(scope) + [id, "value"], body: EmptyBody(), as: String.self)
        return Secret(value)
    }
}

/// `{}`.
struct EmptyBody: Codable, Sendable {}
