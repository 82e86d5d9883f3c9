import APICore

extension CloudflareClient {
    /// `GET /accounts`.
    public func accounts(_ query: Cloudflare.AccountQuery = .init()) -> PagedList<Cloudflare.Account> {
        numberedList(["accounts"], query: query.items, perPage: query.perPage)
    }

    /// `GET /accounts/{id}`.
    public func account(id: String) async throws -> Cloudflare.Account {
        try await result(.get, ["accounts", id])
    }

    /// `PUT /accounts/{id}`.
    public func updateAccount(id: String, _ body: Cloudflare.AccountUpdate) async throws -> Cloudflare.Account {
        try await result(.put, ["accounts", id], body: body)
    }

    /// `POST /accounts`: tenant administrators only; others get the API's refusal.
    public func createAccount(_ body: Cloudflare.AccountCreate) async throws -> Cloudflare.Account {
        try await result(.post, ["accounts"], body: body)
    }

    /// `DELETE /accounts/{id}`: tenant administrators only.
    public func deleteAccount(id: String) async throws {
        _ = try await send(.delete, ["accounts", id], as: Cloudflare.DeletedID.self)
    }

    /// `GET /accounts/{id}/roles` (deprecated on the wire, still served).
    public func roles(accountID: String, perPage: Int? = nil) -> PagedList<Cloudflare.Role> {
        numberedList(["accounts", accountID, "roles"], query: [], perPage: perPage)
    }

    /// `GET /accounts/{id}/roles/{role}`.
    public func role(accountID: String, id: String) async throws -> Cloudflare.Role {
        try await result(.get, ["accounts", accountID, "roles", id])
    }

    /// `GET /accounts/{id}/logs/audit`: cursor-paginated.
    public func accountAuditLogs(accountID: String, _ query: Cloudflare.AccountAuditLogQuery)
        -> PagedList<Cloudflare.AccountAuditLog>
    {
        cursorList(["accounts", accountID, "logs", "audit"], query: query.items, limit: query.limit)
    }

    /// `GET /accounts/{id}/subscriptions`.
    public func accountSubscriptions(accountID: String) -> PagedList<Cloudflare.Subscription> {
        singlePageList(["accounts", accountID, "subscriptions"])
    }

    /// `GET /accounts/{id}/subscriptions/{sub}`.
    public func accountSubscription(accountID: String, id: String) async throws -> Cloudflare.Subscription {
        try await result(.get, ["accounts", accountID, "subscriptions", id])
    }

    /// `POST /accounts/{id}/subscriptions`.
    public func createAccountSubscription(accountID: String, _ body: Cloudflare.SubscriptionBody) async throws
        -> Cloudflare.Subscription
    {
        try await result(.post, ["accounts", accountID, "subscriptions"], body: body)
    }

    /// `PUT /accounts/{id}/subscriptions/{sub}`.
    public func updateAccountSubscription(accountID: String, id: String, _ body: Cloudflare.SubscriptionBody)
        async throws -> Cloudflare.Subscription
    {
        try await result(.put, ["accounts", accountID, "subscriptions", id], body: body)
    }

    /// `DELETE /accounts/{id}/subscriptions/{sub}`.
    public func deleteAccountSubscription(accountID: String, id: String) async throws {
        _ = try await send(.delete, ["accounts", accountID, "subscriptions", id], as: JSONValue.self)
    }
}
