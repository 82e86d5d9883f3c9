/// What the console needs from a provider, in domain terms: the seam between view-models and one client.
///
/// Reads return `PagedList`s so the cache can hold pages; writes are never retried after sending, and an
/// `APIError` of kind `.outcomeUnknown` tells the caller to re-read with the matching read method.
public protocol IdentityDirectory: Sendable {
    /// The provider behind this directory.
    var provider: Provider { get }

    /// The signed-in identity.
    func currentUser() async throws -> UserProfile
    /// The id of the token this directory is signed in with, when the provider can tell.
    func signedInTokenID() async throws -> String?

    /// Accounts (organizations), with an optional server-side name filter.
    func accounts(nameFilter: String?) -> PagedList<Account>
    /// Members of an account, with an optional server-side status filter.
    func members(accountID: String, status: MemberStatus?) -> PagedList<Member>
    /// Tokens of the user or an account.
    func tokens(scope: TokenScope) -> PagedList<Token>
    /// Invitations the signed-in user received.
    func receivedInvitations() -> PagedList<Invitation>
    /// Invitations an account sent that are still open.
    func sentInvitations(accountID: String, accountName: String?) -> PagedList<Invitation>

    /// Re-reads one token (after an ambiguous write).
    func token(scope: TokenScope, id: String) async throws -> Token
    /// Re-reads one received invitation (after an ambiguous write).
    func receivedInvitation(id: String) async throws -> Invitation

    /// Accepts or rejects a received invitation.
    func respond(to invitation: Invitation, with response: InvitationResponse) async throws -> Invitation
    /// Rolls a token and returns the new secret, the only copy there is.
    func rollToken(_ token: Token) async throws -> RolledToken
    /// Enables or disables a token.
    func setTokenEnabled(_ token: Token, enabled: Bool) async throws -> Token
    /// Deletes a token.
    func deleteToken(_ token: Token) async throws
    /// Removes a member from an account.
    func removeMember(_ member: Member) async throws
    /// Revokes an invitation an account sent.
    func revokeInvitation(_ invitation: Invitation) async throws
}

/// The result of a roll: the new secret, and whether the directory now signs in with it.
public struct RolledToken: Sendable {
    /// The only copy of the new secret.
    public let secret: Secret
    /// True when the rolled token was the directory's own credential, which it replaced with the new secret.
    public let replacedOwnCredential: Bool

    public init(secret: Secret, replacedOwnCredential: Bool) {
        self.secret = secret
        self.replacedOwnCredential = replacedOwnCredential
    }
}
