import APICore

/// What one profile's sweep found in one scope (the top level, an account, a project, an organization, a service
/// account): the rows the people view and the risk lens are computed from.
public struct ScopeInventory: Sendable {
    /// Where the rows live.
    public var scope: Scope
    /// The Accounts row that opened the scope (nil at the top level).
    public var account: Account?
    public var members: [Member] = []
    /// Invitations the scope sent.
    public var invitations: [Invitation] = []
    public var tokens: [Token] = []
    /// Whether the organization's SSO is on, where the provider has SSO and it was read.
    public var ssoEnabled: Bool?
    /// The identity providers its members sign in through (Keycard's `source`), where the provider says.
    public var memberSources: Set<String> = []

    public init(scope: Scope, account: Account? = nil) {
        self.scope = scope
        self.account = account
    }
}

/// Everything one profile's sweep found: its identity and each scope's rows, and what could not be read.
public struct ProfileInventory: Sendable {
    public var profile: String
    public var provider: Provider
    /// The signed-in identity (Cloudflare's tokens at the top level are theirs).
    public var user: UserProfile?
    public var scopes: [ScopeInventory] = []
    /// Lists that could not be read, in words ("members of Acme Corp: HTTP 403 …").
    public var problems: [String] = []
    /// A pending member is the same thing as a sent invitation (Cloudflare): counted once, as the invitation.
    public var pendingMembersAreInvitations = false

    public init(profile: String, provider: Provider, user: UserProfile? = nil) {
        self.profile = profile
        self.provider = provider
        self.user = user
    }

    /// How many lists were read.
    public var scopeCount: Int { scopes.count }
}

/// How far one profile's sweep has come.
public struct SweepProgress: Sendable, Hashable {
    /// Scopes read so far, and how many there are (nil until the accounts are listed).
    public var done: Int
    public var total: Int?

    public init(done: Int = 0, total: Int? = nil) {
        self.done = done
        self.total = total
    }
}
