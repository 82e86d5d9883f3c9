import APICore

extension OpenAIAdmin {
    /// A project API key (`organization.project.api_key`), owned by a person or a service account.
    public struct ProjectAPIKey: Codable, Sendable, Hashable {
        public var object: String
        public var id: String
        public var name: String
        public var createdAt: Int
        /// The key with its middle hidden, e.g. `sk-...abcd`.
        public var redactedValue: String
        public var ownerProjectAccess: OpenEnum<OwnerProjectAccess>?
        public var lastUsedAt: Int?
        public var expiresAt: Int?
        public var owner: Owner

        public init(
            object: String = "organization.project.api_key", id: String, name: String, createdAt: Int,
            redactedValue: String, ownerProjectAccess: OpenEnum<OwnerProjectAccess>? = nil, lastUsedAt: Int? = nil,
            expiresAt: Int? = nil, owner: Owner
        ) {
            self.object = object
            self.id = id
            self.name = name
            self.createdAt = createdAt
            self.redactedValue = redactedValue
            self.ownerProjectAccess = ownerProjectAccess
            self.lastUsedAt = lastUsedAt
            self.expiresAt = expiresAt
            self.owner = owner
        }

        enum CodingKeys: String, CodingKey {
            case object, id, name, owner
            case createdAt = "created_at"
            case redactedValue = "redacted_value"
            case ownerProjectAccess = "owner_project_access"
            case lastUsedAt = "last_used_at"
            case expiresAt = "expires_at"
        }

        /// The key's owner: `user` or `service_account`, whichever `type` says.
        public struct Owner: Codable, Sendable, Hashable {
            public var type: OpenEnum<KeyOwnerType>?
            public var user: OwnerUser?
            public var serviceAccount: OwnerServiceAccount?

            public init(
                type: OpenEnum<KeyOwnerType>? = nil, user: OwnerUser? = nil, serviceAccount: OwnerServiceAccount? = nil
            ) {
                self.type = type
                self.user = user
                self.serviceAccount = serviceAccount
            }

            enum CodingKeys: String, CodingKey {
                case type, user
                case serviceAccount = "service_account"
            }
        }

        /// A person owning a project key.
        public struct OwnerUser: Codable, Sendable, Hashable {
            public var id: String
            public var email: String?
            public var name: String?
            public var role: String?
            public var createdAt: Int?

            public init(
                id: String, email: String? = nil, name: String? = nil, role: String? = nil, createdAt: Int? = nil
            ) {
                self.id = id
                self.email = email
                self.name = name
                self.role = role
                self.createdAt = createdAt
            }

            enum CodingKeys: String, CodingKey {
                case id, email, name, role
                case createdAt = "created_at"
            }
        }

        /// A service account owning a project key.
        public struct OwnerServiceAccount: Codable, Sendable, Hashable {
            public var id: String
            public var name: String?
            public var role: String?
            public var createdAt: Int?

            public init(id: String, name: String? = nil, role: String? = nil, createdAt: Int? = nil) {
                self.id = id
                self.name = name
                self.role = role
                self.createdAt = createdAt
            }

            enum CodingKeys: String, CodingKey {
                case id, name, role
                case createdAt = "created_at"
            }
        }
    }
}
