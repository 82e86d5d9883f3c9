import APICore

extension OpenAIClient {
    static let adminKeysPath = ["organization", "admin_api_keys"]

    /// `GET /organization/admin_api_keys` (a CursorPage: the next page starts after the last key's id).
    public func adminKeys(order: OpenAIAdmin.ListOrder? = nil, limit: Int? = maximumLimit)
        -> PagedList<OpenAIAdmin.AdminAPIKey>
    {
        lastItemList(Self.adminKeysPath, query: order.map { [("order", $0.rawValue)] } ?? [], limit: limit) { $0.id }
    }

    /// `POST /organization/admin_api_keys`: the answer carries the secret, this once.
    public func createAdminKey(_ body: OpenAIAdmin.AdminAPIKeyCreate) async throws -> (
        key: OpenAIAdmin.AdminAPIKey, secret: Secret
    ) {
        let created = try await send(.post, Self.adminKeysPath, body: body, as: OpenAIAdmin.AdminAPIKeyCreated.self)
        return (created.key, Secret(created.value))
    }

    /// `GET /organization/admin_api_keys/{id}`.
    public func adminKey(id: String) async throws -> OpenAIAdmin.AdminAPIKey {
        try await send(.get, Self.adminKeysPath + [id])
    }

    /// `DELETE /organization/admin_api_keys/{id}`.
    public func deleteAdminKey(id: String) async throws {
        try await delete(Self.adminKeysPath + [id])
    }
}
