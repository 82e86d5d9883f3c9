/// A person (or service identity) who belongs to an account.
public struct Member: Sendable, Hashable, Identifiable {
    public var id: String
    public var email: String
    public var name: String?
    public var status: MemberStatus
    /// nil when the provider does not say. (Declared next to `status` so that it fills the padding after it: a
    /// big account holds 100,000 of these.)
    public var twoFactorEnabled: Bool?
    public var roles: [Role]
    /// Where the member belongs: an account, an organization (the top level on OpenAI) or a project.
    public var scope: Scope

    public init(
        id: String, email: String, name: String? = nil, status: MemberStatus, roles: [Role],
        twoFactorEnabled: Bool? = nil, scope: Scope
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.status = status
        self.roles = roles
        self.twoFactorEnabled = twoFactorEnabled
        self.scope = scope
    }

    /// The id of the account or project the member belongs to ("" at the top level).
    public var accountID: String { scope.leaf?.id ?? "" }
}

/// Where a member stands in an account.
public enum MemberStatus: Sendable, Hashable {
    case active
    case pending
    case rejected
    case disabled
    case unknown(String)

    /// The word shown in the status column.
    public var label: String {
        switch self {
        case .active: "active"
        case .pending: "pending"
        case .rejected: "rejected"
        case .disabled: "disabled"
        case .unknown(let raw): raw
        }
    }
}
