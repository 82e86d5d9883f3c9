import Foundation

/// An API token, key or credential that grants access on behalf of a user, account or service.
public struct Token: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var status: TokenStatus
    public var scope: TokenScope
    public var issuedOn: Date?
    public var modifiedOn: Date?
    public var lastUsedOn: Date?
    public var notBefore: Date?
    public var expiresOn: Date?
    public var policies: [TokenPolicy]
    /// IP ranges the token may be used from; empty means any.
    public var allowedIPRanges: [String]
    public var deniedIPRanges: [String]

    public init(
        id: String, name: String, status: TokenStatus, scope: TokenScope, issuedOn: Date? = nil,
        modifiedOn: Date? = nil, lastUsedOn: Date? = nil, notBefore: Date? = nil, expiresOn: Date? = nil,
        policies: [TokenPolicy] = [], allowedIPRanges: [String] = [], deniedIPRanges: [String] = []
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.scope = scope
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

/// Whom a token belongs to.
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
