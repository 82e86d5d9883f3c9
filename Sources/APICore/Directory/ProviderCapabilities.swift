/// What a provider can do; keys, menu entries, hints and the help overlay are derived from it.
public struct ProviderCapabilities: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Accept or reject received invitations (`a` / `x`).
    public static let answerInvitations = ProviderCapabilities(rawValue: 1 << 0)
    /// Roll a token in place (`R` → Roll).
    public static let rollTokens = ProviderCapabilities(rawValue: 1 << 1)
    /// Rotate by create-then-delete (`R` → Rotate).
    public static let rotateKeys = ProviderCapabilities(rawValue: 1 << 2)
    /// Enable and disable tokens.
    public static let toggleTokens = ProviderCapabilities(rawValue: 1 << 3)
    /// Delete tokens, keys or credentials.
    public static let deleteTokens = ProviderCapabilities(rawValue: 1 << 4)
    /// Invite members (`n` on Members and Invitations).
    public static let inviteMembers = ProviderCapabilities(rawValue: 1 << 5)
    /// Revoke sent invitations (`x`).
    public static let revokeInvitations = ProviderCapabilities(rawValue: 1 << 6)
    /// Change a member's roles (`e`).
    public static let changeMemberRoles = ProviderCapabilities(rawValue: 1 << 7)
    /// Remove a member (`D`).
    public static let removeMembers = ProviderCapabilities(rawValue: 1 << 8)
    /// Read audit logs (`:audit`).
    public static let readAuditLog = ProviderCapabilities(rawValue: 1 << 9)
    /// Show and edit the signed-in user's profile (`:user`).
    public static let editUserProfile = ProviderCapabilities(rawValue: 1 << 10)
    /// Read billing and subscriptions (`:billing`, `:subs`).
    public static let readBilling = ProviderCapabilities(rawValue: 1 << 11)
    /// List and leave legacy organizations (`:orgs`).
    public static let leaveOrganizations = ProviderCapabilities(rawValue: 1 << 12)
    /// Create tokens (`n` on Tokens).
    public static let createTokens = ProviderCapabilities(rawValue: 1 << 13)
    /// Edit a token's name, status, expiry and IP ranges (`e` on Tokens).
    public static let editTokens = ProviderCapabilities(rawValue: 1 << 14)
    /// Account details, rename, two-factor, create and delete (`e` / `D` on Accounts, `:account new NAME`).
    public static let administerAccounts = ProviderCapabilities(rawValue: 1 << 15)
    /// Accept an invitation by the token from its email (`:accept TOKEN`).
    public static let acceptInvitationTokens = ProviderCapabilities(rawValue: 1 << 16)
    /// Show, enable, change and disable an organization's SSO connection.
    public static let manageSSO = ProviderCapabilities(rawValue: 1 << 17)
    /// Show and edit an account's business profile (`:account profile`, `e` in the account's details).
    public static let editAccountProfiles = ProviderCapabilities(rawValue: 1 << 18)
    /// Show the organizations containing an account and move it to another (`:account move`).
    public static let moveAccounts = ProviderCapabilities(rawValue: 1 << 19)
    /// Assign and unassign the organization's roles (custom ones too) to a member.
    public static let assignMemberRoles = ProviderCapabilities(rawValue: 1 << 20)
    /// Deletes accounts.
    public static let deleteAccounts = ProviderCapabilities(rawValue: 1 << 21)
    /// Disables and enables members.
    public static let toggleMembers = ProviderCapabilities(rawValue: 1 << 22)
    /// Lists members and invitations together.
    public static let listIdentities = ProviderCapabilities(rawValue: 1 << 23)
    /// Exchanges the credential for an organization's access token.
    public static let exchangeTokens = ProviderCapabilities(rawValue: 1 << 24)
    /// Creates, changes and cancels subscriptions.
    public static let manageSubscriptions = ProviderCapabilities(rawValue: 1 << 25)
    /// Lists roles with their permissions.
    public static let readRoles = ProviderCapabilities(rawValue: 1 << 26)

    /// Every token action the `R` menu can hold.
    public static let tokenActions: ProviderCapabilities = [.rollTokens, .rotateKeys, .toggleTokens, .deleteTokens]
}
