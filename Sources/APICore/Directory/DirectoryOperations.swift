/// Accepts or rejects invitations the signed-in user received.
public protocol InvitationAnswering: Sendable {
    /// Invitations the signed-in user received.
    func receivedInvitations() -> Listing<Invitation>
    /// Re-reads one received invitation (after an ambiguous write).
    func receivedInvitation(id: String) async throws -> Invitation
    /// Accepts or rejects a received invitation.
    func respond(to invitation: Invitation, with response: InvitationResponse) async throws -> Invitation
}

/// Rolls a token's secret in place: the same token, a new secret, the old one stops working.
public protocol TokenRolling: Sendable {
    /// Whether this token can be rolled.
    func canRoll(_ token: Token) -> Bool
    /// Rolls the token; when it is the directory's own credential, the directory switches to the new secret.
    func rollToken(_ token: Token) async throws -> RolledToken
}

/// Rotates a key without an in-place roll: create a replacement (shown once), then delete the old key.
public protocol KeyRotation: Sendable {
    /// Whether this key can be rotated.
    func canRotate(_ token: Token) -> Bool
    /// Creates the replacement of `token`; the result holds the only copy of its secret.
    func createReplacement(for token: Token) async throws -> IssuedKey
    /// Whether `token` is the key this directory signs in with.
    func isOwnCredential(_ token: Token) async -> Bool
    /// Signs in with `key` from now on (before the old key is deleted).
    func adopt(_ key: IssuedKey)
}

/// Enables and disables tokens.
public protocol TokenToggling: Sendable {
    /// Whether this token can be enabled or disabled.
    func canToggle(_ token: Token) -> Bool
    /// Enables or disables a token.
    func setTokenEnabled(_ token: Token, enabled: Bool) async throws -> Token
}

/// Deletes tokens, keys, service accounts and credentials.
public protocol TokenDeletion: Sendable {
    /// Whether this row can be deleted.
    func canDelete(_ token: Token) -> Bool
    /// Deletes it.
    func deleteToken(_ token: Token) async throws
}

/// Invites people into a scope.
public protocol MemberInviting: Sendable {
    /// Where inviting is possible (an account is in scope, or the organization).
    func canInvite(in scope: Scope) -> Bool
    /// Whether the picker allows several roles (Cloudflare) or exactly one (OpenAI, Keycard).
    var allowsSeveralRoles: Bool { get }
    /// The roles an invitee can be given in `scope`.
    func invitableRoles(in scope: Scope) async throws -> [Role]
    /// Sends an invitation; returns it as the sent-invitations list shows it.
    func invite(email: String, roles: [Role], in scope: Scope) async throws -> Invitation
}

/// Revokes invitations a scope sent.
public protocol InvitationRevoking: Sendable {
    /// Whether this invitation can be revoked (it is still open).
    func canRevoke(_ invitation: Invitation) -> Bool
    /// Revokes it.
    func revokeInvitation(_ invitation: Invitation) async throws
}

/// Changes which roles a member holds.
public protocol MemberRoleEditing: Sendable {
    /// Whether the member's roles can be changed.
    func canEditRoles(of member: Member) -> Bool
    /// Whether a member holds several roles (Cloudflare) or exactly one (OpenAI).
    var allowsSeveralRoles: Bool { get }
    /// The roles the member can be given.
    func assignableRoles(for member: Member) async throws -> [Role]
    /// Gives the member exactly `roles`; returns the member as the server now has it.
    func setRoles(of member: Member, to roles: [Role]) async throws -> Member
    /// Re-reads a member (after an ambiguous write).
    func member(_ member: Member) async throws -> Member
}

/// Removes members from a scope.
public protocol MemberRemoval: Sendable {
    /// Whether this member can be removed.
    func canRemove(_ member: Member) -> Bool
    /// Removes the member.
    func removeMember(_ member: Member) async throws
}

/// A key just created: its row, and the only copy of its secret.
public struct IssuedKey: Sendable {
    /// The new key as the Tokens pane lists it.
    public let token: Token
    /// The secret, shown once; empty when creating issues none (a Keycard service account holds no secret itself).
    public let secret: Secret

    public init(token: Token, secret: Secret) {
        self.token = token
        self.secret = secret
    }
}

/// Creates tokens from permissions; the secret is shown once.
public protocol TokenCreating: Sendable {
    /// Where a token can be created (the user's own at the top level, an account's in one).
    func canCreateToken(in scope: Scope) -> Bool
    /// The permissions a new token in `scope` can be given.
    func permissionGroups(for scope: Scope) async throws -> [PermissionGroup]
    /// Creates the token; the result holds the only copy of its secret. Never retried after sending.
    func createToken(_ draft: TokenDraft, in scope: Scope) async throws -> IssuedKey
    /// What a create form in `scope` offers besides the name.
    func draftFields(in scope: Scope) -> TokenFormFields
}

extension TokenCreating {
    public func draftFields(in scope: Scope) -> TokenFormFields { [.permissions, .expiry, .notBefore, .ipRanges] }
}

/// Edits a token's name, status, expiry and IP ranges without touching its permissions.
public protocol TokenEditing: Sendable {
    /// Whether this token can be edited.
    func canEdit(_ token: Token) -> Bool
    /// Applies `edit` as a read-modify-write of the whole token; returns it as the server now has it.
    func editToken(_ token: Token, _ edit: TokenEdit) async throws -> Token
    /// What an edit form of `token` offers besides the name.
    func editFields(of token: Token) -> TokenFormFields
    /// What `token`'s policies allow and deny, and where, as the groups of `groups` (for an edit form to start from).
    func grants(of token: Token, among groups: [PermissionGroup]) -> TokenGrants?
}

extension TokenEditing {
    public func editFields(of token: Token) -> TokenFormFields { [.status, .expiry, .ipRanges] }
    public func grants(of token: Token, among groups: [PermissionGroup]) -> TokenGrants? { nil }
}
