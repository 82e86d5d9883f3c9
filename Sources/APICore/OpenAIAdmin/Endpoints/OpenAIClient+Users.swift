extension OpenAIClient {
    static let usersPath = ["organization", "users"]

    /// `GET /organization/users`, optionally only the users with these emails (`emails[]=…`).
    public func users(emails: [String] = [], limit: Int? = maximumLimit) -> PagedList<OpenAIAdmin.OrganizationUser> {
        conversationList(Self.usersPath, query: emails.map { ("emails[]", $0) }, limit: limit)
    }

    /// `GET /organization/users` read as summaries (id, email, name, role) by a scanner: for the member list.
    public func userSummaries(limit: Int? = maximumLimit) -> PagedList<OpenAIAdmin.UserSummary> {
        conversationList(
            Self.usersPath, limit: limit, scan: OpenAIAdmin.ListPage<OpenAIAdmin.UserSummary>.scanningUserSummaries)
    }

    /// `GET /organization/users/{id}`.
    public func user(id: String) async throws -> OpenAIAdmin.OrganizationUser {
        try await send(.get, Self.usersPath + [id])
    }

    /// `POST /organization/users/{id}`: changes the user's role (or other fields set in `body`).
    public func updateUser(id: String, _ body: OpenAIAdmin.UserUpdate) async throws -> OpenAIAdmin.OrganizationUser {
        try await send(.post, Self.usersPath + [id], body: body)
    }

    /// `DELETE /organization/users/{id}`: removes the user from the organization.
    public func deleteUser(id: String) async throws {
        try await delete(Self.usersPath + [id])
    }
}
