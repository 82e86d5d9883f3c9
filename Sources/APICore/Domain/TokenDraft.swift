import Foundation

/// A permission a new token can be given (a Cloudflare permission group).
public struct PermissionGroup: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var category: String?
    /// What it applies to ("com.cloudflare.api.account", …), when the provider says.
    public var scopes: [String]
    /// What the group applies to, as the provider reads its scope.
    public var appliesTo: PermissionScope

    public init(
        id: String, name: String, category: String? = nil, scopes: [String] = [], appliesTo: PermissionScope = .account
    ) {
        self.appliesTo = appliesTo
        self.id = id
        self.name = name
        self.category = category
        self.scopes = scopes
    }
}

/// Where a new token's permissions apply.
public enum TokenResources: Sendable, Hashable {
    /// The account in scope.
    case scopedAccount
    /// Every account of the signed-in user.
    case allAccounts
    /// One account by id, whatever is in scope (a user token bound to one account keeps that account on edit).
    case account(id: String)
}

/// What a new token is made of.
public struct TokenDraft: Sendable, Hashable {
    public var name: String
    public var permissionGroups: [PermissionGroup]
    public var resources: TokenResources
    public var expiresOn: Date?
    public var notBefore: Date?
    public var allowedIPRanges: [String]
    public var deniedIPRanges: [String]
    /// A free-text description, where the provider keeps one (Keycard).
    public var description: String?
    /// Permission groups the token is denied (deny policies), besides those it is allowed.
    public var deniedGroups: [PermissionGroup]

    public init(
        name: String, permissionGroups: [PermissionGroup], resources: TokenResources, expiresOn: Date? = nil,
        notBefore: Date? = nil, allowedIPRanges: [String] = [], deniedIPRanges: [String] = [],
        description: String? = nil, deniedGroups: [PermissionGroup] = []
    ) {
        self.description = description
        self.deniedGroups = deniedGroups
        self.name = name
        self.permissionGroups = permissionGroups
        self.resources = resources
        self.expiresOn = expiresOn
        self.notBefore = notBefore
        self.allowedIPRanges = allowedIPRanges
        self.deniedIPRanges = deniedIPRanges
    }
}

/// A change to an existing token; nil fields stay as they are.
public struct TokenEdit: Sendable, Hashable {
    public var name: String?
    public var enabled: Bool?
    /// A new expiry, or `.clear` for none.
    public var expiresOn: FieldChange?
    public var allowedIPRanges: [String]?
    public var deniedIPRanges: [String]?
    /// A new description (Keycard).
    public var description: String?
    /// New permissions: the token's policies are rebuilt from them (nil keeps the policies as they are).
    public var grants: TokenGrants?

    public init(
        name: String? = nil, enabled: Bool? = nil, expiresOn: FieldChange? = nil, allowedIPRanges: [String]? = nil,
        deniedIPRanges: [String]? = nil, description: String? = nil, grants: TokenGrants? = nil
    ) {
        self.description = description
        self.grants = grants
        self.name = name
        self.enabled = enabled
        self.expiresOn = expiresOn
        self.allowedIPRanges = allowedIPRanges
        self.deniedIPRanges = deniedIPRanges
    }
}

/// The parts of a token a provider lets a create or edit form set (besides the name, which every token has).
public struct TokenFormFields: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Permission groups to pick, and where they apply.
    public static let permissions = TokenFormFields(rawValue: 1 << 0)
    /// The expiry date.
    public static let expiry = TokenFormFields(rawValue: 1 << 1)
    /// The not-before date.
    public static let notBefore = TokenFormFields(rawValue: 1 << 2)
    /// Allowed and denied IP ranges.
    public static let ipRanges = TokenFormFields(rawValue: 1 << 3)
    /// Enabled or disabled.
    public static let status = TokenFormFields(rawValue: 1 << 4)
    /// A free-text description.
    public static let description = TokenFormFields(rawValue: 1 << 5)
}

/// What a token may and may not do, and where: each group is bound to a resource of its own scope (an account, its
/// zones, the user, its R2 buckets).
public struct TokenGrants: Sendable, Hashable {
    public var allowed: [PermissionGroup]
    public var denied: [PermissionGroup]
    public var resources: TokenResources

    public init(allowed: [PermissionGroup], denied: [PermissionGroup] = [], resources: TokenResources) {
        self.allowed = allowed
        self.denied = denied
        self.resources = resources
    }
}

/// The kind of resource a permission group applies to: each group of a token is bound to a resource of its kind.
public enum PermissionScope: String, Sendable, Hashable {
    case account, zone, user, bucket

    /// How a form names the resources of this kind (`zones`).
    public var plural: String {
        switch self {
        case .account: "accounts"
        case .zone: "zones"
        case .user: "your user"
        case .bucket: "R2 buckets"
        }
    }
}
