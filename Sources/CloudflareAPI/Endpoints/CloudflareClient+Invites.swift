import APICore

extension CloudflareClient {
    /// `GET /user/invites`: invitations the signed-in user received (one page).
    public func invites() -> PagedList<Cloudflare.Invite> {
        singlePageList(["user", "invites"])
    }

    /// `GET /user/invites/{id}`.
    public func invite(id: String) async throws -> Cloudflare.Invite {
        try await result(.get, ["user", "invites", id])
    }

    /// `PATCH /user/invites/{id}` with `{"status": "accepted" | "rejected"}`. Never retried: the outcome matters.
    public func respondToInvite(id: String, _ response: InvitationResponse) async throws -> Cloudflare.Invite {
        try await result(
            .patch, ["user", "invites", id], body: Cloudflare.InviteResponseBody(status: response.rawValue))
    }
}
