import APICore

extension KeycardClient {
    static func credentialsPath(_ organizationID: String, _ serviceAccountID: String) -> [String] {
        serviceAccountsPath(organizationID) + [serviceAccountID, "credentials"]
    }

    /// `GET …/service-accounts/{account}/credentials`: one page (no secrets).
    public func credentials(organizationID: String, serviceAccountID: String, _ query: Keycard.ListQuery = .init())
        async throws -> Keycard.List<Keycard.Credential>
    {
        try await page(Self.credentialsPath(organizationID, serviceAccountID), query)
    }

    /// `GET …/service-accounts/{account}/credentials`, page after page.
    public func credentialPages(
        organizationID: String, serviceAccountID: String, limit: Int? = nil, expand: [Keycard.Expand] = []
    ) -> PagedList<Keycard.Credential> {
        pages(Self.credentialsPath(organizationID, serviceAccountID), limit: limit, expand: expand)
    }

    /// `GET …/credentials/{credential}`.
    public func credential(
        organizationID: String, serviceAccountID: String, id: String, expand: [Keycard.Expand] = []
    ) async throws -> Keycard.Credential {
        try await send(
            .get, Self.credentialsPath(organizationID, serviceAccountID) + [id],
            query: expand.map { ("expand", $0.rawValue) })
    }

    /// `POST …/credentials`: the answer carries the client secret, this once. Never retried after sending.
    public func createCredential(organizationID: String, serviceAccountID: String, _ body: Keycard.NameBody)
        async throws -> (credential: Keycard.Credential, secret: Secret)
    {
        let created: Keycard.CredentialCreated = try await send(
            .post, Self.credentialsPath(organizationID, serviceAccountID), body: body)
        return (created.credential, Secret(created.clientSecret))
    }

    /// `PATCH …/credentials/{credential}`.
    public func updateCredential(
        organizationID: String, serviceAccountID: String, id: String, _ body: Keycard.NameBody
    ) async throws -> Keycard.Credential {
        try await send(.patch, Self.credentialsPath(organizationID, serviceAccountID) + [id], body: body)
    }

    /// `DELETE …/credentials/{credential}`: its client id stops working.
    public func deleteCredential(organizationID: String, serviceAccountID: String, id: String) async throws {
        try await sendExpectingNoContent(.delete, Self.credentialsPath(organizationID, serviceAccountID) + [id])
    }
}
