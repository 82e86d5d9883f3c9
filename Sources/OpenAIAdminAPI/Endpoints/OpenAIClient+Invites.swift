import APICore

extension OpenAIClient {
    static let invitesPath = ["organization", "invites"]

    /// `GET /organization/invites`.
    public func invites(limit: Int? = maximumLimit) -> PagedList<OpenAIAdmin.Invite> {
        conversationList(Self.invitesPath, limit: limit)
    }

    /// `POST /organization/invites`.
    public func createInvite(_ body: OpenAIAdmin.InviteCreate) async throws -> OpenAIAdmin.Invite {
        try await send(.post, Self.invitesPath, body: body)
    }

    /// `GET /organization/invites/{id}`.
    public func invite(id: String) async throws -> OpenAIAdmin.Invite {
        try await send(.get, Self.invitesPath + [id])
    }

    /// `DELETE /organization/invites/{id}`: withdraws a pending invite (an accepted one cannot be deleted).
    public func deleteInvite(id: String) async throws {
        try await delete(Self.invitesPath + [id])
    }
}
