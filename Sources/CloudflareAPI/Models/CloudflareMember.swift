import APICore

extension Cloudflare {
    /// An account member (`types/shared/member`).
    public struct Member: Codable, Sendable, Hashable {
        public var id: String?
        public var email: String?
        public var status: OpenEnum<MemberStatus>?
        public var user: MemberUser?
        public var roles: [Role]?
        public var policies: [MemberPolicy]?

        public init(
            id: String?, email: String? = nil, status: OpenEnum<MemberStatus>? = nil, user: MemberUser? = nil,
            roles: [Role]? = nil, policies: [MemberPolicy]? = nil
        ) {
            self.id = id
            self.email = email
            self.status = status
            self.user = user
            self.roles = roles
            self.policies = policies
        }
    }

    /// The person behind a membership.
    public struct MemberUser: Codable, Sendable, Hashable {
        public var email: String
        public var id: String?
        public var firstName: String?
        public var lastName: String?
        public var twoFactorAuthenticationEnabled: Bool?

        public init(
            email: String, id: String? = nil, firstName: String? = nil, lastName: String? = nil,
            twoFactorAuthenticationEnabled: Bool? = nil
        ) {
            self.email = email
            self.id = id
            self.firstName = firstName
            self.lastName = lastName
            self.twoFactorAuthenticationEnabled = twoFactorAuthenticationEnabled
        }

        enum CodingKeys: String, CodingKey {
            case email, id
            case firstName = "first_name"
            case lastName = "last_name"
            case twoFactorAuthenticationEnabled = "two_factor_authentication_enabled"
        }
    }

    /// A member policy (`access`, where token policies say `effect`).
    public struct MemberPolicy: Codable, Sendable, Hashable {
        public var id: String?
        public var access: OpenEnum<PolicyEffect>?
        public var permissionGroups: [PermissionGroupReference]?
        public var resourceGroups: [ResourceGroup]?

        public init(
            id: String? = nil, access: OpenEnum<PolicyEffect>?, permissionGroups: [PermissionGroupReference]?,
            resourceGroups: [ResourceGroup]?
        ) {
            self.id = id
            self.access = access
            self.permissionGroups = permissionGroups
            self.resourceGroups = resourceGroups
        }

        enum CodingKeys: String, CodingKey {
            case id, access
            case permissionGroups = "permission_groups"
            case resourceGroups = "resource_groups"
        }
    }

    /// A resource group of a member policy.
    public struct ResourceGroup: Codable, Sendable, Hashable {
        public var id: String
        public var name: String?
        public var meta: JSONValue?
        public var scope: JSONValue?

        public init(id: String, name: String? = nil, meta: JSONValue? = nil, scope: JSONValue? = nil) {
            self.id = id
            self.name = name
            self.meta = meta
            self.scope = scope
        }
    }

    /// `{"id": …}` as a role reference in a member update.
    public struct RoleReference: Codable, Sendable, Hashable {
        public var id: String
        public init(id: String) { self.id = id }
    }

    /// `POST /accounts/{id}/members` body with roles: role ids as strings.
    public struct MemberCreate: Codable, Sendable, Hashable {
        public var email: String
        public var roles: [String]?
        public var policies: [MemberPolicy]?
        public var status: String?

        public init(email: String, roles: [String]? = nil, policies: [MemberPolicy]? = nil, status: String? = "pending")
        {
            self.email = email
            self.roles = roles
            self.policies = policies
            self.status = status
        }
    }

    /// `PUT /accounts/{id}/members/{member}` body with roles: role references as objects.
    public struct MemberUpdate: Codable, Sendable, Hashable {
        public var roles: [RoleReference]?
        public var policies: [MemberPolicy]?

        public init(roles: [RoleReference]? = nil, policies: [MemberPolicy]? = nil) {
            self.roles = roles
            self.policies = policies
        }
    }

    /// An account role (deprecated on the wire, still served).
    public struct Role: Codable, Sendable, Hashable {
        public var id: String
        public var name: String?
        public var description: String?
        /// Area ("dns", "billing", …) to `{read, write}`.
        public var permissions: [String: RolePermission]?

        public init(id: String, name: String?, description: String? = nil, permissions: [String: RolePermission]? = nil)
        {
            self.id = id
            self.name = name
            self.description = description
            self.permissions = permissions
        }
    }

    /// Read/write flags of one permission area.
    public struct RolePermission: Codable, Sendable, Hashable {
        public var read: Bool?
        public var write: Bool?
        public init(read: Bool?, write: Bool?) {
            self.read = read
            self.write = write
        }
    }
}
