import APICore

extension OpenAIClient {
    static func serviceAccountsPath(_ projectID: String) -> [String] { projectsPath + [projectID, "service_accounts"] }

    /// `GET /organization/projects/{id}/service_accounts`.
    public func serviceAccounts(projectID: String, limit: Int? = maximumLimit)
        -> PagedList<OpenAIAdmin.ServiceAccount>
    {
        conversationList(Self.serviceAccountsPath(projectID), limit: limit)
    }

    /// `POST /organization/projects/{id}/service_accounts`: the answer carries the first key's secret, this once
    /// (none when created account-only).
    public func createServiceAccount(projectID: String, _ body: OpenAIAdmin.ServiceAccountCreate) async throws -> (
        account: OpenAIAdmin.ServiceAccountCreated, secret: Secret?
    ) {
        var created = try await send(
            .post, Self.serviceAccountsPath(projectID), body: body, as: OpenAIAdmin.ServiceAccountCreated.self)
        let secret = created.apiKey.map { Secret($0.value) }
        // The secret travels as a `Secret` only, so no copy of it stays in a value that may be logged or mirrored.
        created.apiKey?.value = ""
        return (created, secret)
    }

    /// `GET /organization/projects/{id}/service_accounts/{account_id}`.
    public func serviceAccount(projectID: String, id: String) async throws -> OpenAIAdmin.ServiceAccount {
        try await send(.get, Self.serviceAccountsPath(projectID) + [id])
    }

    /// `DELETE /organization/projects/{id}/service_accounts/{account_id}`.
    public func deleteServiceAccount(projectID: String, id: String) async throws {
        try await delete(Self.serviceAccountsPath(projectID) + [id])
    }
}
