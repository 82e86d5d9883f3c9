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
    /// Accept an invitation by the token from its email (`:accept TOKEN`).
    public static let acceptInvitationTokens = ProviderCapabilities(rawValue: 1 << 9)
    /// Show, enable, change and disable an organization's SSO connection.
    public static let manageSSO = ProviderCapabilities(rawValue: 1 << 10)

    /// Every token action the `R` menu can hold.
    public static let tokenActions: ProviderCapabilities = [.rollTokens, .rotateKeys, .toggleTokens, .deleteTokens]
}
