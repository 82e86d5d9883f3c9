import APICore

extension KeycardClient {
    static func serviceAccountsPath(_ organizationID: String) -> [String] {
        ["organizations", organizationID, "service-accounts"]
    }

    /// `GET /organizations/{id}/service-accounts`: one page.
    public func serviceAccounts(organizationID: String, _ query: Keycard.ListQuery = .init()) async throws
        -> Keycard.List<Keycard.ServiceAccount>
    {
        try await page(Self.serviceAccountsPath(organizationID), query)
    }

    /// `GET /organizations/{id}/service-accounts`, page after page.
    public func serviceAccountPages(organizationID: String, limit: Int? = nil, expand: [Keycard.Expand] = [])
        -> PagedList<Keycard.ServiceAccount>
    {
        pages(Self.serviceAccountsPath(organizationID), limit: limit, expand: expand)
    }

    /// `GET /organizations/{id}/service-accounts/{account}`.
    public func serviceAccount(organizationID: String, id: String, expand: [Keycard.Expand] = []) async throws
        -> Keycard.ServiceAccount
    {
        try await send(
            .get, Self.serviceAccountsPath(organizationID) + [id], query: expand.map { ("expand", $0.rawValue) })
    }

    /// `POST /organizations/{id}/service-accounts` (`name` is required).
    public func createServiceAccount(organizationID: String, _ body: Keycard.NameBody) async throws
        -> Keycard.ServiceAccount
    {
        try await send(.post, Self.serviceAccountsPath(organizationID), body: body)
    }

    /// `PATCH /organizations/{id}/service-accounts/{account}`.
    public func updateServiceAccount(organizationID: String, id: String, _ body: Keycard.NameBody) async throws
        -> Keycard.ServiceAccount
    {
        try await send(.patch, Self.serviceAccountsPath(organizationID) + [id], body: body)
    }

    /// `DELETE /organizations/{id}/service-accounts/{account}` (with its credentials).
    public func deleteServiceAccount(organizationID: String, id: String) async throws {
        try await sendExpectingNoContent(.delete, Self.serviceAccountsPath(organizationID) + [id])
    }
}
