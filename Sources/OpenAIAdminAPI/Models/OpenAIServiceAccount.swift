import APICore

extension OpenAIAdmin {
    /// A project service account (`organization.project.service_account`).
    public struct ServiceAccount: Codable, Sendable, Hashable {
        public var object: String
        public var id: String
        public var name: String
        public var createdAt: Int
        public var role: OpenEnum<ServiceAccountRole>

        public init(
            object: String = "organization.project.service_account", id: String, name: String, createdAt: Int,
            role: OpenEnum<ServiceAccountRole>
        ) {
            self.object = object
            self.id = id
            self.name = name
            self.createdAt = createdAt
            self.role = role
        }

        enum CodingKeys: String, CodingKey {
            case object, id, name, role
            case createdAt = "created_at"
        }
    }

    /// `POST …/service_accounts` answer: the account plus, unless created account-only, its first key.
    public struct ServiceAccountCreated: Codable, Sendable, Hashable {
        public var object: String
        public var id: String
        public var name: String
        public var createdAt: Int
        public var role: OpenEnum<ServiceAccountRole>
        public var apiKey: ServiceAccountKey?

        public init(
            object: String = "organization.project.service_account", id: String, name: String, createdAt: Int,
            role: OpenEnum<ServiceAccountRole>, apiKey: ServiceAccountKey? = nil
        ) {
            self.object = object
            self.id = id
            self.name = name
            self.createdAt = createdAt
            self.role = role
            self.apiKey = apiKey
        }

        enum CodingKeys: String, CodingKey {
            case object, id, name, role
            case createdAt = "created_at"
            case apiKey = "api_key"
        }
    }

    /// Body of `POST …/service_accounts`; `expiresInSeconds` cannot go with `createServiceAccountOnly: true`.
    public struct ServiceAccountCreate: Codable, Sendable, Hashable {
        public var name: String
        public var createServiceAccountOnly: Bool?
        public var expiresInSeconds: Int?

        public init(name: String, createServiceAccountOnly: Bool? = nil, expiresInSeconds: Int? = nil) {
            self.name = name
            self.createServiceAccountOnly = createServiceAccountOnly
            self.expiresInSeconds = expiresInSeconds
        }

        enum CodingKeys: String, CodingKey {
            case name
            case createServiceAccountOnly = "create_service_account_only"
            case expiresInSeconds = "expires_in_seconds"
        }
    }

    /// A service account's new key (NewKey): the only answer that shows a project key's secret.
    public struct ServiceAccountKey: Codable, Sendable, Hashable {
        public var object: String
        public var id: String
        public var name: String?
        public var createdAt: Int
        public var value: String
        public var expiresAt: Int?

        public init(
            object: String = "organization.project.service_account.api_key", id: String, name: String?,
            createdAt: Int, value: String, expiresAt: Int? = nil
        ) {
            self.object = object
            self.id = id
            self.name = name
            self.createdAt = createdAt
            self.value = value
            self.expiresAt = expiresAt
        }

        enum CodingKeys: String, CodingKey {
            case object, id, name, value
            case createdAt = "created_at"
            case expiresAt = "expires_at"
        }
    }
}
