/// Accepts an invitation by the token from its email (`:accept TOKEN`), as the signed-in user.
public protocol InvitationTokenAccepting: Sendable {
    /// What the token would join, read without credentials; reading does not use the token up.
    func invitation(token: Secret) async throws -> InvitationPreview
    /// Reads the invitation (refusing, with nothing sent, one that is no longer pending), then accepts it.
    /// Never retried after sending: an unknown outcome is re-read with `invitation(token:)`.
    func acceptInvitation(token: Secret) async throws -> AcceptedInvitation
}
