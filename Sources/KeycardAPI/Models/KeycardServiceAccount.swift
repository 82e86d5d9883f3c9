import APICore

extension Keycard {
    /// A service account of an organization: it holds credentials.
    public struct ServiceAccount: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var description: String?
        public var createdAt: String
        public var updatedAt: String
        public var permissions: Permissions?

        public init(
            id: String, name: String, description: String? = nil, createdAt: String, updatedAt: String,
            permissions: Permissions? = nil
        ) {
            self.id = id
            self.name = name
            self.description = description
            self.createdAt = createdAt
            self.updatedAt = updatedAt
            self.permissions = permissions
        }

        enum CodingKeys: String, CodingKey {
            case id, name, description, permissions
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }
    }

    /// Body of the create and update calls of service accounts and credentials: `{"name", "description"?}`.
    ///
    /// Creating requires `name`; updating sends only what changes.
    public struct NameBody: Codable, Sendable, Hashable {
        public var name: String?
        public var description: String?

        public init(name: String? = nil, description: String? = nil) {
            self.name = name
            self.description = description
        }
    }

    /// A credential of a service account (never with its secret).
    public struct Credential: Codable, Sendable, Hashable {
        public var id: String
        /// The OAuth2 client id this credential signs in with.
        public var clientID: String
        public var name: String
        public var description: String?
        public var createdAt: String
        public var lastUsedAt: String?
        public var permissions: Permissions?

        public init(
            id: String, clientID: String, name: String, description: String? = nil, createdAt: String,
            lastUsedAt: String? = nil, permissions: Permissions? = nil
        ) {
            self.id = id
            self.clientID = clientID
            self.name = name
            self.description = description
            self.createdAt = createdAt
            self.lastUsedAt = lastUsedAt
            self.permissions = permissions
        }

        enum CodingKeys: String, CodingKey {
            case id, name, description, permissions
            case clientID = "client_id"
            case createdAt = "created_at"
            case lastUsedAt = "last_used_at"
        }
    }

    /// `POST …/credentials` answer: the only time the plaintext `client_secret` is returned.
    public struct CredentialCreated: Codable, Sendable, Hashable {
        public var id: String
        public var clientID: String
        public var clientSecret: String
        public var name: String
        public var description: String?
        public var createdAt: String

        public init(
            id: String, clientID: String, clientSecret: String, name: String, description: String? = nil,
            createdAt: String
        ) {
            self.id = id
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.name = name
            self.description = description
            self.createdAt = createdAt
        }

        /// The credential as the list shows it (without the secret).
        public var credential: Credential {
            Credential(id: id, clientID: clientID, name: name, description: description, createdAt: createdAt)
        }

        enum CodingKeys: String, CodingKey {
            case id, name, description
            case clientID = "client_id"
            case clientSecret = "client_secret"
            case createdAt = "created_at"
        }
    }

    /// `POST /service-account-token` answer (OAuth2 client credentials).
    public struct AccessToken: Codable, Sendable, Hashable {
        public var accessToken: String
        /// Seconds; the SDK assumes 3600 when it is missing.
        public var expiresIn: Double?
        public var tokenType: String?

        public init(accessToken: String, expiresIn: Double? = nil, tokenType: String? = nil) {
            self.accessToken = accessToken
            self.expiresIn = expiresIn
            self.tokenType = tokenType
        }

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case expiresIn = "expires_in"
            case tokenType = "token_type"
        }
    }
}
