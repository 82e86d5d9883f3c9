import APICore

extension Keycard {
    /// A member of an organization (`…/users`, dropped from SDK 0.18.0; older servers only).
    public struct OrganizationUser: Codable, Sendable, Hashable {
        public var id: String
        public var email: String?
        public var role: OpenEnum<OrganizationRole>
        public var status: OpenEnum<MembershipStatus>
        /// The issuer URI of the identity provider the user signs in with.
        public var source: String
        public var createdAt: String
        public var updatedAt: String
        public var permissions: Permissions?

        public init(
            id: String, email: String? = nil, role: OpenEnum<OrganizationRole>, status: OpenEnum<MembershipStatus>,
            source: String, createdAt: String, updatedAt: String, permissions: Permissions? = nil
        ) {
            self.id = id
            self.email = email
            self.role = role
            self.status = status
            self.source = source
            self.createdAt = createdAt
            self.updatedAt = updatedAt
            self.permissions = permissions
        }

        enum CodingKeys: String, CodingKey {
            case id, email, role, status, source, permissions
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }
    }

    /// `PATCH …/users/{id}` body (older servers only).
    public struct OrganizationUserUpdate: Codable, Sendable, Hashable {
        public var role: OpenEnum<OrganizationRole>?
        public var status: OpenEnum<MembershipStatus>?

        public init(role: OpenEnum<OrganizationRole>? = nil, status: OpenEnum<MembershipStatus>? = nil) {
            self.role = role
            self.status = status
        }
    }

    /// A role of `GET …/roles` (older servers only; not paginated).
    public struct Role: Codable, Sendable, Hashable {
        /// The role's wire value, e.g. `org_admin`.
        public var name: String
        /// A human name, e.g. "Organization Administrator".
        public var label: String?
        public var description: String?
        public var scope: OpenEnum<RoleScope>?

        public init(name: String, label: String? = nil, description: String? = nil, scope: OpenEnum<RoleScope>? = nil) {
            self.name = name
            self.label = label
            self.description = description
            self.scope = scope
        }
    }

    /// `GET …/roles` answer.
    public struct RoleList: Codable, Sendable, Hashable {
        public var items: [Role]
        public var permissions: Permissions?

        public init(items: [Role], permissions: Permissions? = nil) {
            self.items = items
            self.permissions = permissions
        }
    }

    /// An item of `GET …/identities`: a member or a pending invitation, in one list (older servers only).
    public struct Identity: Codable, Sendable, Hashable {
        public var id: String
        public var type: OpenEnum<IdentityType>
        public var email: String
        public var role: OpenEnum<OrganizationRole>
        public var status: OpenEnum<IdentityStatus>
        public var source: String?
        public var createdAt: String
        public var updatedAt: String
        public var permissions: Permissions?

        public init(
            id: String, type: OpenEnum<IdentityType>, email: String, role: OpenEnum<OrganizationRole>,
            status: OpenEnum<IdentityStatus>, source: String? = nil, createdAt: String, updatedAt: String,
            permissions: Permissions? = nil
        ) {
            self.id = id
            self.type = type
            self.email = email
            self.role = role
            self.status = status
            self.source = source
            self.createdAt = createdAt
            self.updatedAt = updatedAt
            self.permissions = permissions
        }

        enum CodingKeys: String, CodingKey {
            case id, type, email, role, status, source, permissions
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }
    }

    /// `GET …/identities` answer: a cursor list with an extra `pagination` object.
    public struct IdentityList: Codable, Sendable {
        public var items: [Identity]
        public var pageInfo: PageInfo
        public var pagination: Pagination?
        public var permissions: Permissions?

        public init(
            items: [Identity], pageInfo: PageInfo, pagination: Pagination? = nil, permissions: Permissions? = nil
        ) {
            self.items = items
            self.pageInfo = pageInfo
            self.pagination = pagination
            self.permissions = permissions
        }

        enum CodingKeys: String, CodingKey {
            case items, pagination, permissions
            case pageInfo = "page_info"
        }
    }

    /// `pagination` of the identities list; `total_count` only with `expand=total_count`.
    public struct Pagination: Codable, Sendable, Hashable {
        public var afterCursor: String?
        public var beforeCursor: String?
        public var totalCount: Int?

        public init(afterCursor: String? = nil, beforeCursor: String? = nil, totalCount: Int? = nil) {
            self.afterCursor = afterCursor
            self.beforeCursor = beforeCursor
            self.totalCount = totalCount
        }

        enum CodingKeys: String, CodingKey {
            case afterCursor = "after_cursor"
            case beforeCursor = "before_cursor"
            case totalCount = "total_count"
        }
    }
}
