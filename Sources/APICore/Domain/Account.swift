import Foundation

/// An organization, account or project: a row of the Accounts pane that Enter puts in scope.
public struct Account: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Provider-specific kind, e.g. "standard" or "enterprise" on Cloudflare, "organization" or "project" on OpenAI.
    public var kind: String?
    public var createdOn: Date?
    /// Whether the provider enforces two-factor authentication for members of this account.
    public var enforcesTwoFactor: Bool?
    /// What entering the row puts in scope; nil when the row is the scope already shown (an OpenAI organization).
    public var scopeKind: ScopeKind?
    /// A short status ("active", "archived"), when the provider has one.
    public var status: String?

    public init(
        id: String, name: String, kind: String? = nil, createdOn: Date? = nil, enforcesTwoFactor: Bool? = nil,
        scopeKind: ScopeKind? = .account, status: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.createdOn = createdOn
        self.enforcesTwoFactor = enforcesTwoFactor
        self.scopeKind = scopeKind
        self.status = status
    }

    /// The scope node entering this row pushes.
    public var scopeNode: ScopeNode? { scopeKind.map { ScopeNode(kind: $0, id: id, name: name) } }
}
