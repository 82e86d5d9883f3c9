import Foundation

/// An API token, key or credential that grants access on behalf of a user, account or service.
public struct Token: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var status: TokenStatus
    /// What it is: an API token, an admin key, a project key, a service account or a credential.
    public var kind: TokenKind
    /// Where it lives: the top level (the signed-in user's own), an account, a project or a service account.
    public var owner: Scope
    public var issuedOn: Date?
    public var modifiedOn: Date?
    public var lastUsedOn: Date?
    public var notBefore: Date?
    public var expiresOn: Date?
    public var policies: [TokenPolicy]
    /// IP ranges the token may be used from; empty means any.
    public var allowedIPRanges: [String]
    public var deniedIPRanges: [String]
    /// The visible part of the secret ("sk-admin…abcd"), when the provider shows one.
    public var redactedValue: String?
    /// Who or what owns it ("user ana@example.com", "service account ci"), when the provider says.
    public var ownerLabel: String?
    /// The id of the person who owns it, in the provider's user ids, when the provider says (OpenAI keys).
    public var ownerUserID: String?
    /// Whether Enter opens the credentials it holds (a Keycard service account) rather than the action menu.
    public var holdsCredentials: Bool
    /// A free-text description, where the provider keeps one (Keycard).
    public var description: String?

    public init(
        id: String, name: String, status: TokenStatus, kind: TokenKind = .apiToken, owner: Scope = .top,
        issuedOn: Date? = nil, modifiedOn: Date? = nil, lastUsedOn: Date? = nil, notBefore: Date? = nil,
        expiresOn: Date? = nil, policies: [TokenPolicy] = [], allowedIPRanges: [String] = [],
        deniedIPRanges: [String] = [], redactedValue: String? = nil, ownerLabel: String? = nil,
        holdsCredentials: Bool = false, description: String? = nil, ownerUserID: String? = nil
    ) {
        self.ownerUserID = ownerUserID
        self.description = description
        self.holdsCredentials = holdsCredentials
        self.id = id
        self.name = name
        self.status = status
        self.kind = kind
        self.owner = owner
        self.redactedValue = redactedValue
        self.ownerLabel = ownerLabel
        self.issuedOn = issuedOn
        self.modifiedOn = modifiedOn
        self.lastUsedOn = lastUsedOn
        self.notBefore = notBefore
        self.expiresOn = expiresOn
        self.policies = policies
        self.allowedIPRanges = allowedIPRanges
        self.deniedIPRanges = deniedIPRanges
    }
}

extension Token {
    /// The scope node entering this row pushes (a service account holds credentials); nil for a plain token.
    public var scopeNode: ScopeNode? {
        holdsCredentials ? ScopeNode(kind: .serviceAccount, id: id, name: name) : nil
    }
}

/// What kind of secret-bearing thing a row of the Tokens pane is.
public enum TokenKind: String, Sendable, Hashable {
    case apiToken = "token"
    case adminKey = "admin key"
    case projectKey = "project key"
    case serviceAccount = "service account"
    case credential = "credential"
}

/// Whom a Cloudflare token belongs to: the user or an account (the two token collections of the API).
public enum TokenScope: Sendable, Hashable {
    /// The signed-in user's own tokens.
    case user
    /// Tokens owned by an account.
    case account(id: String)
}

/// Whether a token can be used.
public enum TokenStatus: Sendable, Hashable {
    case active
    case disabled
    case expired
    case unknown(String)

    /// The word shown in the status column.
    public var label: String {
        switch self {
        case .active: "active"
        case .disabled: "disabled"
        case .expired: "expired"
        case .unknown(let raw): raw
        }
    }
}

/// One grant of a token: what it may (or may not) do, on which resources.
public struct TokenPolicy: Sendable, Hashable {
    public var id: String?
    public var allows: Bool
    public var permissionGroups: [String]
    public var resources: [String]

    public init(id: String?, allows: Bool, permissionGroups: [String], resources: [String]) {
        self.id = id
        self.allows = allows
        self.permissionGroups = permissionGroups
        self.resources = resources
    }
}
