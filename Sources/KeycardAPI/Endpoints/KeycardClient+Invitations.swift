import APICore

extension KeycardClient {
    static func invitationsPath(_ organizationID: String) -> [String] {
        ["organizations", organizationID, "invitations"]
    }

    /// `GET /organizations/{id}/invitations`: one page, every status.
    public func invitations(organizationID: String, _ query: Keycard.ListQuery = .init()) async throws
        -> Keycard.List<Keycard.Invitation>
    {
        try await page(Self.invitationsPath(organizationID), query)
    }

    /// `GET /organizations/{id}/invitations`, page after page.
    public func invitationPages(organizationID: String, limit: Int? = nil, expand: [Keycard.Expand] = [])
        -> PagedList<Keycard.Invitation>
    {
        pages(Self.invitationsPath(organizationID), limit: limit, expand: expand)
    }

    /// `POST /organizations/{id}/invitations`.
    public func createInvitation(organizationID: String, _ body: Keycard.InvitationCreate) async throws
        -> Keycard.Invitation
    {
        try await send(.post, Self.invitationsPath(organizationID), body: body)
    }

    /// `DELETE /organizations/{id}/invitations/{invitation}`: revokes it (it stays listed as `revoked`).
    public func deleteInvitation(organizationID: String, id: String) async throws {
        try await sendExpectingNoContent(.delete, Self.invitationsPath(organizationID) + [id])
    }

    /// `GET /invitations/{token}`, sent without credentials (by design); reading does not use the token up.
    public func invitation(token: Secret) async throws -> Keycard.InvitationPreview {
        let value = try Self.tokenText(token)
        return try await send(.get, ["invitations", value], signed: false, redacting: [value])
    }

    /// `POST /invitations/{token}/accept` with no body, as the signed-in user; this uses the token up.
    public func acceptInvitation(token: Secret) async throws -> Keycard.InvitationAcceptance {
        let value = try Self.tokenText(token)
        return try await send(.post, ["invitations", value, "accept"], redacting: [value])
    }

    private static func tokenText(_ token: Secret) throws -> String {
        guard let value = token.reveal()?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            throw APIError(kind: .refused, detail: "An invitation token is needed: nothing was sent")
        }
        return value
    }
}
