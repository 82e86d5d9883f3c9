import Foundation

/// A permission a new token can be given (a Cloudflare permission group).
public struct PermissionGroup: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var category: String?
    /// What it applies to ("com.cloudflare.api.account", …), when the provider says.
    public var scopes: [String]

    public init(id: String, name: String, category: String? = nil, scopes: [String] = []) {
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

    public init(
        name: String, permissionGroups: [PermissionGroup], resources: TokenResources, expiresOn: Date? = nil,
        notBefore: Date? = nil, allowedIPRanges: [String] = [], deniedIPRanges: [String] = [],
        description: String? = nil
    ) {
        self.description = description
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

    public init(
        name: String? = nil, enabled: Bool? = nil, expiresOn: FieldChange? = nil, allowedIPRanges: [String]? = nil,
        deniedIPRanges: [String]? = nil, description: String? = nil
    ) {
        self.description = description
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
