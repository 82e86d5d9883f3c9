import APICore

extension OpenAIAdmin {
    /// A member of the organization (`organization.user`).
    public struct OrganizationUser: Codable, Sendable, Hashable {
        public var object: String
        public var id: String
        public var addedAt: Int
        public var email: String?
        public var name: String?
        public var role: OpenEnum<OrganizationRole>?
        public var created: Int?
        public var apiKeyLastUsedAt: Int?
        public var isDefault: Bool?
        public var isServiceAccount: Bool?
        public var isScimManaged: Bool?
        public var isScaleTierAuthorizedPurchaser: Bool?
        public var developerPersona: String?
        public var technicalLevel: String?
        public var projects: ProjectList?
        public var user: UserAccount?

        public init(
            object: String = "organization.user", id: String, addedAt: Int, email: String? = nil,
            name: String? = nil, role: OpenEnum<OrganizationRole>? = nil, created: Int? = nil,
            apiKeyLastUsedAt: Int? = nil, isDefault: Bool? = nil, isServiceAccount: Bool? = nil,
            isScimManaged: Bool? = nil, isScaleTierAuthorizedPurchaser: Bool? = nil, developerPersona: String? = nil,
            technicalLevel: String? = nil, projects: ProjectList? = nil, user: UserAccount? = nil
        ) {
            self.object = object
            self.id = id
            self.addedAt = addedAt
            self.email = email
            self.name = name
            self.role = role
            self.created = created
            self.apiKeyLastUsedAt = apiKeyLastUsedAt
            self.isDefault = isDefault
            self.isServiceAccount = isServiceAccount
            self.isScimManaged = isScimManaged
            self.isScaleTierAuthorizedPurchaser = isScaleTierAuthorizedPurchaser
            self.developerPersona = developerPersona
            self.technicalLevel = technicalLevel
            self.projects = projects
            self.user = user
        }

        enum CodingKeys: String, CodingKey {
            case object, id, email, name, role, created, projects, user
            case addedAt = "added_at"
            case apiKeyLastUsedAt = "api_key_last_used_at"
            case isDefault = "is_default"
            case isServiceAccount = "is_service_account"
            case isScimManaged = "is_scim_managed"
            case isScaleTierAuthorizedPurchaser = "is_scale_tier_authorized_purchaser"
            case developerPersona = "developer_persona"
            case technicalLevel = "technical_level"
        }

        /// The user's `projects` list.
        public struct ProjectList: Codable, Sendable, Hashable {
            public var object: String?
            public var data: [ProjectMembership]

            public init(object: String? = "list", data: [ProjectMembership]) {
                self.object = object
                self.data = data
            }

            enum CodingKeys: String, CodingKey { case object, data }
        }

        /// One project the user belongs to, with the user's role there (a free string).
        public struct ProjectMembership: Codable, Sendable, Hashable {
            public var id: String?
            public var name: String?
            public var role: String?

            public init(id: String?, name: String? = nil, role: String? = nil) {
                self.id = id
                self.name = name
                self.role = role
            }

            enum CodingKeys: String, CodingKey { case id, name, role }
        }

        /// The nested `user` object (the person's account).
        public struct UserAccount: Codable, Sendable, Hashable {
            public var object: String?
            public var id: String
            public var email: String?
            public var name: String?
            public var picture: String?
            public var enabled: Bool?
            public var banned: Bool?
            public var bannedAt: Int?

            public init(
                object: String? = "user", id: String, email: String? = nil, name: String? = nil,
                picture: String? = nil, enabled: Bool? = nil, banned: Bool? = nil, bannedAt: Int? = nil
            ) {
                self.object = object
                self.id = id
                self.email = email
                self.name = name
                self.picture = picture
                self.enabled = enabled
                self.banned = banned
                self.bannedAt = bannedAt
            }

            enum CodingKeys: String, CodingKey {
                case object, id, email, name, picture, enabled, banned
                case bannedAt = "banned_at"
            }
        }
    }

    /// Body of `POST /organization/users/{id}` (modify); every field optional.
    public struct UserUpdate: Codable, Sendable, Hashable {
        public var role: OpenEnum<OrganizationRole>?
        public var roleID: String?
        public var developerPersona: String?
        public var technicalLevel: String?

        public init(
            role: OpenEnum<OrganizationRole>? = nil, roleID: String? = nil, developerPersona: String? = nil,
            technicalLevel: String? = nil
        ) {
            self.role = role
            self.roleID = roleID
            self.developerPersona = developerPersona
            self.technicalLevel = technicalLevel
        }

        enum CodingKeys: String, CodingKey {
            case role
            case roleID = "role_id"
            case developerPersona = "developer_persona"
            case technicalLevel = "technical_level"
        }
    }
}
