import Foundation

/// An organization or account: the scope members, tokens and sent invitations belong to.
public struct Account: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Provider-specific kind, e.g. "standard" or "enterprise" on Cloudflare.
    public var kind: String?
    public var createdOn: Date?
    /// Whether the provider enforces two-factor authentication for members of this account.
    public var enforcesTwoFactor: Bool?

    public init(id: String, name: String, kind: String? = nil, createdOn: Date? = nil, enforcesTwoFactor: Bool? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.createdOn = createdOn
        self.enforcesTwoFactor = enforcesTwoFactor
    }
}
