import APICore

extension Cloudflare {
    /// An API token, user- or account-owned (`types/shared/token`).
    public struct Token: Codable, Sendable, Hashable {
        public var id: String?
        public var name: String?
        public var status: OpenEnum<TokenStatus>?
        public var issuedOn: String?
        public var modifiedOn: String?
        public var lastUsedOn: String?
        public var notBefore: String?
        public var expiresOn: String?
        public var condition: TokenCondition?
        public var policies: [TokenPolicy]?
        /// Account-owned tokens only.
        public var creatorEmailAtCreation: String?
        public var provisionerType: String?
        public var provisionerID: String?

        public init(
            id: String?, name: String?, status: OpenEnum<TokenStatus>? = nil, issuedOn: String? = nil,
            modifiedOn: String? = nil, lastUsedOn: String? = nil, notBefore: String? = nil, expiresOn: String? = nil,
            condition: TokenCondition? = nil, policies: [TokenPolicy]? = nil, creatorEmailAtCreation: String? = nil,
            provisionerType: String? = nil, provisionerID: String? = nil
        ) {
            self.id = id
            self.name = name
            self.status = status
            self.issuedOn = issuedOn
            self.modifiedOn = modifiedOn
            self.lastUsedOn = lastUsedOn
            self.notBefore = notBefore
            self.expiresOn = expiresOn
            self.condition = condition
            self.policies = policies
            self.creatorEmailAtCreation = creatorEmailAtCreation
            self.provisionerType = provisionerType
            self.provisionerID = provisionerID
        }

        enum CodingKeys: String, CodingKey {
            case id, name, status, condition, policies
            case issuedOn = "issued_on"
            case modifiedOn = "modified_on"
            case lastUsedOn = "last_used_on"
            case notBefore = "not_before"
            case expiresOn = "expires_on"
            case creatorEmailAtCreation = "creator_email_at_creation"
            case provisionerType = "provisioner_type"
            case provisionerID = "provisioner_id"
        }
    }

    /// Where a token may be used from.
    public struct TokenCondition: Codable, Sendable, Hashable {
        public var requestIP: RequestIP?

        /// Allowed and denied CIDR ranges.
        public struct RequestIP: Codable, Sendable, Hashable {
            public var `in`: [String]?
            public var notIn: [String]?

            public init(in allowed: [String]? = nil, notIn: [String]? = nil) {
                self.in = allowed
                self.notIn = notIn
            }

            enum CodingKeys: String, CodingKey {
                case `in`
                case notIn = "not_in"
            }
        }

        public init(requestIP: RequestIP?) { self.requestIP = requestIP }

        enum CodingKeys: String, CodingKey { case requestIP = "request_ip" }
    }

    /// One policy of a token.
    public struct TokenPolicy: Codable, Sendable, Hashable {
        /// Present in responses, absent on create.
        public var id: String?
        public var effect: OpenEnum<PolicyEffect>
        public var permissionGroups: [PermissionGroupReference]
        /// Resource keys (`com.cloudflare.api.account.<id>`) to `"*"` or a nested map.
        public var resources: [String: JSONValue]

        public init(
            id: String? = nil, effect: OpenEnum<PolicyEffect>, permissionGroups: [PermissionGroupReference],
            resources: [String: JSONValue]
        ) {
            self.id = id
            self.effect = effect
            self.permissionGroups = permissionGroups
            self.resources = resources
        }

        enum CodingKeys: String, CodingKey {
            case id, effect, resources
            case permissionGroups = "permission_groups"
        }
    }

    /// A permission group as referenced from a policy.
    public struct PermissionGroupReference: Codable, Sendable, Hashable {
        public var id: String
        public var name: String?
        public var meta: PermissionGroupMeta?

        public init(id: String, name: String? = nil, meta: PermissionGroupMeta? = nil) {
            self.id = id
            self.name = name
            self.meta = meta
        }
    }

    /// Optional descriptive fields of a permission group reference.
    public struct PermissionGroupMeta: Codable, Sendable, Hashable {
        public var category: String?
        public var deprecated: String?
        public var description: String?
        public var editable: String?
        public var eolAt: String?
        public var label: String?
        public var scopes: String?
        public var visibility: String?

        public init(label: String? = nil, description: String? = nil) {
            self.label = label
            self.description = description
        }

        enum CodingKeys: String, CodingKey {
            case category, deprecated, description, editable, label, scopes, visibility
            case eolAt = "eol_at"
        }
    }

    /// `POST …/tokens` result: the token plus its secret, shown this once.
    public struct TokenWithValue: Codable, Sendable, Hashable {
        public var token: Token
        public var value: String?

        public init(token: Token, value: String?) {
            self.token = token
            self.value = value
        }

        enum CodingKeys: String, CodingKey { case value }

        public init(from decoder: any Decoder) throws {
            token = try Token(from: decoder)
            value = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .value)
        }

        public func encode(to encoder: any Encoder) throws {
            try token.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(value, forKey: .value)
        }
    }

    /// Body of token create (POST) and update (PUT, a full replacement with optional `status`).
    public struct TokenBody: Codable, Sendable, Hashable {
        public var name: String
        public var policies: [TokenPolicy]
        public var condition: TokenCondition?
        public var expiresOn: String?
        public var notBefore: String?
        /// Update only.
        public var status: OpenEnum<TokenStatus>?

        public init(
            name: String, policies: [TokenPolicy], condition: TokenCondition? = nil, expiresOn: String? = nil,
            notBefore: String? = nil, status: OpenEnum<TokenStatus>? = nil
        ) {
            self.name = name
            self.policies = policies
            self.condition = condition
            self.expiresOn = expiresOn
            self.notBefore = notBefore
            self.status = status
        }

        /// The update body that keeps everything of `token` and changes what the caller sets afterwards.
        ///
        /// A PUT replaces the whole token, so a token read without its name or policies is refused rather than
        /// sent with an empty name or no policies (which would strip its permissions).
        public init(replacing token: Token) throws {
            guard let name = token.name, !name.isEmpty else {
                throw APIError(kind: .refused, detail: "The token was read without a name: nothing was sent")
            }
            guard let policies = token.policies, !policies.isEmpty else {
                throw APIError(
                    kind: .refused,
                    detail: "The token was read without its policies: nothing was sent (it would lose them)")
            }
            self.init(
                name: name, policies: policies, condition: token.condition, expiresOn: token.expiresOn,
                notBefore: token.notBefore, status: token.status)
        }

        enum CodingKeys: String, CodingKey {
            case name, policies, condition, status
            case expiresOn = "expires_on"
            case notBefore = "not_before"
        }
    }

    /// `GET …/tokens/verify` result: the token that made the call.
    public struct TokenVerification: Codable, Sendable, Hashable {
        public var id: String
        public var status: OpenEnum<TokenStatus>
        public var expiresOn: String?
        public var notBefore: String?

        public init(id: String, status: OpenEnum<TokenStatus>, expiresOn: String? = nil, notBefore: String? = nil) {
            self.id = id
            self.status = status
            self.expiresOn = expiresOn
            self.notBefore = notBefore
        }

        enum CodingKeys: String, CodingKey {
            case id, status
            case expiresOn = "expires_on"
            case notBefore = "not_before"
        }
    }

    /// `GET …/tokens/permission_groups` item.
    public struct PermissionGroup: Codable, Sendable, Hashable {
        public var id: String?
        public var name: String?
        public var isSelectable: Bool?
        public var category: String?
        public var scopes: [String]?

        public init(
            id: String?, name: String?, isSelectable: Bool? = nil, category: String? = nil, scopes: [String]? = nil
        ) {
            self.id = id
            self.name = name
            self.isSelectable = isSelectable
            self.category = category
            self.scopes = scopes
        }

        enum CodingKeys: String, CodingKey {
            case id, name, category, scopes
            case isSelectable = "is_selectable"
        }
    }
}
