import Foundation

/// An organization's single sign-on connection to an identity provider (its client secret is never readable).
public struct SSOConnection: Sendable, Hashable, Identifiable {
    public var id: String
    /// The identity provider's issuer URL.
    public var issuer: String
    public var clientID: String?
    /// Whether a client secret is stored (its value is never returned).
    public var clientSecretIsSet: Bool
    public var authorizationEndpoint: String?
    public var tokenEndpoint: String?
    public var userinfoEndpoint: String?
    /// Scopes requested beyond the defaults.
    public var scopes: [String]
    public var createdOn: Date?
    public var updatedOn: Date?

    public init(
        id: String, issuer: String, clientID: String? = nil, clientSecretIsSet: Bool,
        authorizationEndpoint: String? = nil, tokenEndpoint: String? = nil, userinfoEndpoint: String? = nil,
        scopes: [String] = [], createdOn: Date? = nil, updatedOn: Date? = nil
    ) {
        self.id = id
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecretIsSet = clientSecretIsSet
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.userinfoEndpoint = userinfoEndpoint
        self.scopes = scopes
        self.createdOn = createdOn
        self.updatedOn = updatedOn
    }
}

/// The parts of an SSO connection to set; nil leaves a part as it is.
public struct SSOSettings: Sendable {
    /// The identity provider's issuer URL (required to enable).
    public var issuer: String?
    /// The OAuth client id at the identity provider (required to enable).
    public var clientID: String?
    /// The OAuth client secret at the identity provider; sent once, never read back.
    public var clientSecret: Secret?
    /// OAuth 2 endpoints, when they differ from what the issuer's discovery document says.
    public var authorizationEndpoint: String?
    public var tokenEndpoint: String?
    /// The OpenID userinfo endpoint.
    public var userinfoEndpoint: String?
    /// Scopes requested beyond the defaults.
    public var scopes: [String]?

    public init(
        issuer: String? = nil, clientID: String? = nil, clientSecret: Secret? = nil,
        authorizationEndpoint: String? = nil, tokenEndpoint: String? = nil, userinfoEndpoint: String? = nil,
        scopes: [String]? = nil
    ) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.userinfoEndpoint = userinfoEndpoint
        self.scopes = scopes
    }

    /// Whether the settings change any protocol detail (endpoints, scopes).
    public var changesProtocols: Bool {
        authorizationEndpoint != nil || tokenEndpoint != nil || userinfoEndpoint != nil || scopes != nil
    }
}
