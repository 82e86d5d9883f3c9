import APICore

extension OpenAIAdmin {
    /// An organization admin key (`organization.admin_api_key`); the secret shows only on create.
    public struct AdminAPIKey: Codable, Sendable, Hashable {
        public var object: String
        public var id: String
        public var createdAt: Int
        /// The key with its middle hidden, e.g. `sk-admin...abcd`.
        public var redactedValue: String
        public var owner: Owner
        public var name: String?
        public var expiresAt: Int?
        public var lastUsedAt: Int?

        public init(
            object: String = "organization.admin_api_key", id: String, createdAt: Int, redactedValue: String,
            owner: Owner = Owner(), name: String? = nil, expiresAt: Int? = nil, lastUsedAt: Int? = nil
        ) {
            self.object = object
            self.id = id
            self.createdAt = createdAt
            self.redactedValue = redactedValue
            self.owner = owner
            self.name = name
            self.expiresAt = expiresAt
            self.lastUsedAt = lastUsedAt
        }

        enum CodingKeys: String, CodingKey {
            case object, id, owner, name
            case createdAt = "created_at"
            case redactedValue = "redacted_value"
            case expiresAt = "expires_at"
            case lastUsedAt = "last_used_at"
        }

        /// Who created the key; every field optional.
        public struct Owner: Codable, Sendable, Hashable {
            public var id: String?
            public var name: String?
            public var type: OpenEnum<KeyOwnerType>?
            public var role: OpenEnum<OrganizationRole>?
            public var object: String?
            public var createdAt: Int?

            public init(
                id: String? = nil, name: String? = nil, type: OpenEnum<KeyOwnerType>? = nil,
                role: OpenEnum<OrganizationRole>? = nil, object: String? = nil, createdAt: Int? = nil
            ) {
                self.id = id
                self.name = name
                self.type = type
                self.role = role
                self.object = object
                self.createdAt = createdAt
            }

            enum CodingKeys: String, CodingKey {
                case id, name, type, role, object
                case createdAt = "created_at"
            }
        }
    }

    /// `POST /organization/admin_api_keys` answer: the key's fields plus its secret `value`, shown this once.
    public struct AdminAPIKeyCreated: Codable, Sendable, Hashable {
        public var key: AdminAPIKey
        public var value: String

        public init(key: AdminAPIKey, value: String) {
            self.key = key
            self.value = value
        }

        enum CodingKeys: String, CodingKey { case value }

        public init(from decoder: any Decoder) throws {
            key = try AdminAPIKey(from: decoder)
            value = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .value)
        }

        public func encode(to encoder: any Encoder) throws {
            try key.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .value)
        }
    }

    /// Body of `POST /organization/admin_api_keys`; nil `expiresInSeconds` means it never expires.
    public struct AdminAPIKeyCreate: Codable, Sendable, Hashable {
        public var name: String
        public var expiresInSeconds: Int?

        public init(name: String, expiresInSeconds: Int? = nil) {
            self.name = name
            self.expiresInSeconds = expiresInSeconds
        }

        enum CodingKeys: String, CodingKey {
            case name
            case expiresInSeconds = "expires_in_seconds"
        }
    }
}
