/// What the console reads from a provider, in domain terms: the seam between view-models and one client.
///
/// Reads return `Listing`s so the cache can hold pages. Writes live in the capability protocols below
/// (`InvitationAnswering`, `TokenRolling`, …): a provider that cannot do something does not have the operation at
/// all, and `capabilities` is derived from which ones it has, so the keys a pane offers can never disagree with it.
/// Writes are never retried after sending; an `APIError` of kind `.outcomeUnknown` tells the caller to re-read.
public protocol IdentityDirectory: Sendable {
    /// The provider behind this directory, with the words its panes use.
    var provider: Provider { get }
    /// Whether a sent invitation is a pending member of the scope (Cloudflare lists both from one collection), so a
    /// write to one changes the other's list too.
    var sentInvitationsAreMembers: Bool { get }

    /// The signed-in identity.
    func currentUser() async throws -> UserProfile
    /// The id of the token or key this directory is signed in with, when the provider can tell.
    func signedInTokenID() async throws -> String?
    /// The id of the token this directory signs in with when it belongs to `scope`'s own collection (an account
    /// token), else nil.
    func signedInTokenID(in scope: Scope) async -> String?

    /// The rows of the Accounts pane in `scope` (accounts, an organization and its projects, organizations).
    func accounts(in scope: Scope, nameFilter: String?) -> Listing<Account>
    /// Members of a scope, with an optional server-side status filter.
    func members(in scope: Scope, status: MemberStatus?) -> Listing<Member>
    /// Tokens, keys, service accounts or credentials of a scope.
    func tokens(in scope: Scope) -> Listing<Token>
    /// Invitations a scope sent.
    func sentInvitations(in scope: Scope) -> Listing<Invitation>
    /// Re-reads one token (after an ambiguous write).
    func token(_ token: Token) async throws -> Token

    /// Answers received invitations, when the provider has them.
    var invitationAnswering: (any InvitationAnswering)? { get }
    /// Rolls a token's secret in place.
    var tokenRolling: (any TokenRolling)? { get }
    /// Rotates keys the guided way (create a new one, then delete the old).
    var keyRotation: (any KeyRotation)? { get }
    /// Enables and disables tokens.
    var tokenToggling: (any TokenToggling)? { get }
    /// Deletes tokens, keys and credentials.
    var tokenDeletion: (any TokenDeletion)? { get }
    /// Invites people into a scope.
    var memberInviting: (any MemberInviting)? { get }
    /// Revokes sent invitations.
    var invitationRevoking: (any InvitationRevoking)? { get }
    /// Changes a member's roles.
    var memberRoleEditing: (any MemberRoleEditing)? { get }
    /// Removes members.
    var memberRemoval: (any MemberRemoval)? { get }
    /// Accepts invitations by the token from their email.
    var invitationTokenAccepting: (any InvitationTokenAccepting)? { get }
    /// Manages organizations' SSO connections.
    var ssoManaging: (any SSOManaging)? { get }
    /// Reads audit logs.
    var auditLogReading: (any AuditLogReading)? { get }
    /// Reads and edits the signed-in user's profile.
    var userProfileEditing: (any UserProfileEditing)? { get }
    /// Reads billing and subscriptions.
    var billingReading: (any BillingReading)? { get }
    /// Lists legacy organizations and leaves them.
    var organizationLeaving: (any OrganizationLeaving)? { get }
    /// Creates tokens.
    var tokenCreating: (any TokenCreating)? { get }
    /// Edits tokens.
    var tokenEditing: (any TokenEditing)? { get }
    /// Administers accounts (details, rename, two-factor, create).
    var accountAdministering: (any AccountAdministering)? { get }
    /// Deletes accounts.
    var accountDeleting: (any AccountDeleting)? { get }
    /// Disables and enables members.
    var memberToggling: (any MemberToggling)? { get }
    /// Lists members and invitations together.
    var identityListing: (any IdentityListing)? { get }
    /// Exchanges the credential for an organization's access token.
    var tokenExchanging: (any OrganizationTokenExchanging)? { get }
    /// Creates, changes and cancels subscriptions.
    var subscriptionManaging: (any SubscriptionManaging)? { get }
    /// Lists an account's roles, each read fresh with its permissions.
    var roleReading: (any RoleReading)? { get }
    /// Reads and edits accounts' business profiles.
    var accountProfileEditing: (any AccountProfileEditing)? { get }
    /// Moves accounts between a tenant's organizations.
    var accountMoving: (any AccountMoving)? { get }
    /// Assigns the organization's roles to members.
    var memberRoleAssigning: (any MemberRoleAssigning)? { get }
}

extension IdentityDirectory {
    public var sentInvitationsAreMembers: Bool { false }
    public func signedInTokenID(in scope: Scope) async -> String? { nil }
    public var invitationAnswering: (any InvitationAnswering)? { nil }
    public var tokenRolling: (any TokenRolling)? { nil }
    public var keyRotation: (any KeyRotation)? { nil }
    public var tokenToggling: (any TokenToggling)? { nil }
    public var tokenDeletion: (any TokenDeletion)? { nil }
    public var memberInviting: (any MemberInviting)? { nil }
    public var invitationRevoking: (any InvitationRevoking)? { nil }
    public var memberRoleEditing: (any MemberRoleEditing)? { nil }
    public var memberRemoval: (any MemberRemoval)? { nil }
    public var invitationTokenAccepting: (any InvitationTokenAccepting)? { nil }
    public var ssoManaging: (any SSOManaging)? { nil }
    public var auditLogReading: (any AuditLogReading)? { nil }
    public var userProfileEditing: (any UserProfileEditing)? { nil }
    public var billingReading: (any BillingReading)? { nil }
    public var organizationLeaving: (any OrganizationLeaving)? { nil }
    public var tokenCreating: (any TokenCreating)? { nil }
    public var tokenEditing: (any TokenEditing)? { nil }
    public var accountAdministering: (any AccountAdministering)? { nil }
    public var accountDeleting: (any AccountDeleting)? { nil }
    public var memberToggling: (any MemberToggling)? { nil }
    public var identityListing: (any IdentityListing)? { nil }
    public var tokenExchanging: (any OrganizationTokenExchanging)? { nil }
    public var subscriptionManaging: (any SubscriptionManaging)? { nil }
    public var roleReading: (any RoleReading)? { nil }
    public var accountProfileEditing: (any AccountProfileEditing)? { nil }
    public var accountMoving: (any AccountMoving)? { nil }
    public var memberRoleAssigning: (any MemberRoleAssigning)? { nil }

    /// What this provider can do, read off the operations it has.
    public var capabilities: ProviderCapabilities {
        var capabilities: ProviderCapabilities = []
        if invitationAnswering != nil { capabilities.insert(.answerInvitations) }
        if tokenRolling != nil { capabilities.insert(.rollTokens) }
        if keyRotation != nil { capabilities.insert(.rotateKeys) }
        if tokenToggling != nil { capabilities.insert(.toggleTokens) }
        if tokenDeletion != nil { capabilities.insert(.deleteTokens) }
        if memberInviting != nil { capabilities.insert(.inviteMembers) }
        if invitationRevoking != nil { capabilities.insert(.revokeInvitations) }
        if memberRoleEditing != nil { capabilities.insert(.changeMemberRoles) }
        if memberRemoval != nil { capabilities.insert(.removeMembers) }
        if invitationTokenAccepting != nil { capabilities.insert(.acceptInvitationTokens) }
        if ssoManaging != nil { capabilities.insert(.manageSSO) }
        if auditLogReading != nil { capabilities.insert(.readAuditLog) }
        if userProfileEditing != nil { capabilities.insert(.editUserProfile) }
        if billingReading != nil { capabilities.insert(.readBilling) }
        if organizationLeaving != nil { capabilities.insert(.leaveOrganizations) }
        if tokenCreating != nil { capabilities.insert(.createTokens) }
        if tokenEditing != nil { capabilities.insert(.editTokens) }
        if accountAdministering != nil { capabilities.insert(.administerAccounts) }
        if accountDeleting != nil { capabilities.insert(.deleteAccounts) }
        if memberToggling != nil { capabilities.insert(.toggleMembers) }
        if identityListing != nil { capabilities.insert(.listIdentities) }
        if tokenExchanging != nil { capabilities.insert(.exchangeTokens) }
        if subscriptionManaging != nil { capabilities.insert(.manageSubscriptions) }
        if roleReading != nil { capabilities.insert(.readRoles) }
        if accountProfileEditing != nil { capabilities.insert(.editAccountProfiles) }
        if accountMoving != nil { capabilities.insert(.moveAccounts) }
        if memberRoleAssigning != nil { capabilities.insert(.assignMemberRoles) }
        return capabilities
    }
}

/// What a pane shows for a scope: a list to load, or why there is none.
public enum Listing<Item: Sendable>: Sendable {
    /// Pages to load; `resource` names the list for the cache (with the scope and query, it makes the key).
    case list(PagedList<Item>, query: String = "")
    /// Nothing to show until something is entered; the text says what ("Select an account … to see its members").
    case needsScope(String)

    /// The list, if there is one.
    public var pagedList: PagedList<Item>? {
        if case .list(let list, _) = self { return list }
        return nil
    }
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
