import APICore

extension Keycard {
    /// The SSO connection of an organization (one at most; 404 while SSO is off). The secret is never returned.
    public struct SSOConnection: Codable, Sendable, Hashable {
        public var id: String
        /// The identity provider's issuer URL.
        public var identifier: String
        public var clientID: String?
        public var clientSecretSet: Bool
        public var protocols: SSOProtocols?
        public var createdAt: String
        public var updatedAt: String
        public var permissions: Permissions?

        public init(
            id: String, identifier: String, clientID: String? = nil, clientSecretSet: Bool,
            protocols: SSOProtocols? = nil, createdAt: String, updatedAt: String, permissions: Permissions? = nil
        ) {
            self.id = id
            self.identifier = identifier
            self.clientID = clientID
            self.clientSecretSet = clientSecretSet
            self.protocols = protocols
            self.createdAt = createdAt
            self.updatedAt = updatedAt
            self.permissions = permissions
        }

        enum CodingKeys: String, CodingKey {
            case id, identifier, protocols, permissions
            case clientID = "client_id"
            case clientSecretSet = "client_secret_set"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }
    }

    /// `protocols` of an SSO connection; every leaf may be null.
    public struct SSOProtocols: Codable, Sendable, Hashable {
        public var oauth2: OAuth2Protocol?
        public var openid: OpenIDProtocol?

        public init(oauth2: OAuth2Protocol? = nil, openid: OpenIDProtocol? = nil) {
            self.oauth2 = oauth2
            self.openid = openid
        }
    }

    /// `protocols.oauth2`.
    public struct OAuth2Protocol: Codable, Sendable, Hashable {
        public var authorizationEndpoint: String?
        public var tokenEndpoint: String?
        public var jwksURI: String?
        public var registrationEndpoint: String?
        public var authorizationParameters: [String: String]?
        public var scopesSupported: [String]?
        public var codeChallengeMethodsSupported: [String]?

        public init(
            authorizationEndpoint: String? = nil, tokenEndpoint: String? = nil, jwksURI: String? = nil,
            registrationEndpoint: String? = nil, authorizationParameters: [String: String]? = nil,
            scopesSupported: [String]? = nil, codeChallengeMethodsSupported: [String]? = nil
        ) {
            self.authorizationEndpoint = authorizationEndpoint
            self.tokenEndpoint = tokenEndpoint
            self.jwksURI = jwksURI
            self.registrationEndpoint = registrationEndpoint
            self.authorizationParameters = authorizationParameters
            self.scopesSupported = scopesSupported
            self.codeChallengeMethodsSupported = codeChallengeMethodsSupported
        }

        enum CodingKeys: String, CodingKey {
            case authorizationEndpoint = "authorization_endpoint"
            case tokenEndpoint = "token_endpoint"
            case jwksURI = "jwks_uri"
            case registrationEndpoint = "registration_endpoint"
            case authorizationParameters = "authorization_parameters"
            case scopesSupported = "scopes_supported"
            case codeChallengeMethodsSupported = "code_challenge_methods_supported"
        }
    }

    /// `protocols.openid`.
    public struct OpenIDProtocol: Codable, Sendable, Hashable {
        public var scopes: [String]?
        public var userIdentifierClaim: String?
        public var userinfoEndpoint: String?

        public init(scopes: [String]? = nil, userIdentifierClaim: String? = nil, userinfoEndpoint: String? = nil) {
            self.scopes = scopes
            self.userIdentifierClaim = userIdentifierClaim
            self.userinfoEndpoint = userinfoEndpoint
        }

        enum CodingKeys: String, CodingKey {
            case scopes
            case userIdentifierClaim = "user_identifier_claim"
            case userinfoEndpoint = "userinfo_endpoint"
        }
    }

    /// `POST …/sso-connection` (enable) and `PATCH …/sso-connection` body.
    ///
    /// Enabling requires `client_id` and `identifier`; an update sends only what changes (a protocol left out
    /// stays as it is).
    public struct SSOConnectionBody: Codable, Sendable, Hashable {
        public var clientID: String?
        public var identifier: String?
        public var clientSecret: String?
        public var protocols: SSOProtocols?

        public init(
            clientID: String? = nil, identifier: String? = nil, clientSecret: String? = nil,
            protocols: SSOProtocols? = nil
        ) {
            self.clientID = clientID
            self.identifier = identifier
            self.clientSecret = clientSecret
            self.protocols = protocols
        }

        enum CodingKeys: String, CodingKey {
            case identifier, protocols
            case clientID = "client_id"
            case clientSecret = "client_secret"
        }
    }
}
