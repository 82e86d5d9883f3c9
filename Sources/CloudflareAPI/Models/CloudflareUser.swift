import APICore

extension Cloudflare {
    /// `GET /user`: the signed-in user.
    public struct User: Codable, Sendable, Hashable {
        public var id: String
        public var email: String
        public var firstName: String?
        public var lastName: String?
        public var telephone: String?
        public var country: String?
        public var zipcode: String?
        public var betas: [String]?
        public var hasProZones: Bool?
        public var hasBusinessZones: Bool?
        public var hasEnterpriseZones: Bool?
        public var suspended: Bool?
        public var twoFactorAuthenticationEnabled: Bool?
        public var twoFactorAuthenticationLocked: Bool?
        public var organizations: [UserOrganization]?

        public init(
            id: String, email: String, firstName: String? = nil, lastName: String? = nil, telephone: String? = nil,
            country: String? = nil, zipcode: String? = nil, betas: [String]? = nil, hasProZones: Bool? = nil,
            hasBusinessZones: Bool? = nil, hasEnterpriseZones: Bool? = nil, suspended: Bool? = nil,
            twoFactorAuthenticationEnabled: Bool? = nil, twoFactorAuthenticationLocked: Bool? = nil,
            organizations: [UserOrganization]? = nil
        ) {
            self.id = id
            self.email = email
            self.firstName = firstName
            self.lastName = lastName
            self.telephone = telephone
            self.country = country
            self.zipcode = zipcode
            self.betas = betas
            self.hasProZones = hasProZones
            self.hasBusinessZones = hasBusinessZones
            self.hasEnterpriseZones = hasEnterpriseZones
            self.suspended = suspended
            self.twoFactorAuthenticationEnabled = twoFactorAuthenticationEnabled
            self.twoFactorAuthenticationLocked = twoFactorAuthenticationLocked
            self.organizations = organizations
        }

        enum CodingKeys: String, CodingKey {
            case id, email, telephone, country, zipcode, betas, suspended, organizations
            case firstName = "first_name"
            case lastName = "last_name"
            case hasProZones = "has_pro_zones"
            case hasBusinessZones = "has_business_zones"
            case hasEnterpriseZones = "has_enterprise_zones"
            case twoFactorAuthenticationEnabled = "two_factor_authentication_enabled"
            case twoFactorAuthenticationLocked = "two_factor_authentication_locked"
        }
    }

    /// `PATCH /user` body: every field optional; an absent field is not sent, a cleared one is sent as `null`.
    public struct UserEdit: Codable, Sendable, Hashable {
        public var firstName: FieldEdit?
        public var lastName: FieldEdit?
        public var telephone: FieldEdit?
        public var country: FieldEdit?
        public var zipcode: FieldEdit?

        public init(
            firstName: FieldEdit? = nil, lastName: FieldEdit? = nil, telephone: FieldEdit? = nil,
            country: FieldEdit? = nil, zipcode: FieldEdit? = nil
        ) {
            self.firstName = firstName
            self.lastName = lastName
            self.telephone = telephone
            self.country = country
            self.zipcode = zipcode
        }

        /// Whether nothing would change.
        public var isEmpty: Bool { [firstName, lastName, telephone, country, zipcode].allSatisfy { $0 == nil } }

        enum CodingKeys: String, CodingKey {
            case telephone, country, zipcode
            case firstName = "first_name"
            case lastName = "last_name"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            firstName = try container.decodeEdit(forKey: .firstName)
            lastName = try container.decodeEdit(forKey: .lastName)
            telephone = try container.decodeEdit(forKey: .telephone)
            country = try container.decodeEdit(forKey: .country)
            zipcode = try container.decodeEdit(forKey: .zipcode)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(firstName, forKey: .firstName)
            try container.encode(lastName, forKey: .lastName)
            try container.encode(telephone, forKey: .telephone)
            try container.encode(country, forKey: .country)
            try container.encode(zipcode, forKey: .zipcode)
        }
    }

    /// `GET /user/organizations` item (legacy).
    public struct UserOrganization: Codable, Sendable, Hashable {
        public var id: String?
        public var name: String?
        /// "member" or "invited".
        public var status: String?
        public var roles: [String]?
        public var permissions: [String]?

        public init(
            id: String?, name: String?, status: String?, roles: [String]? = nil, permissions: [String]? = nil
        ) {
            self.id = id
            self.name = name
            self.status = status
            self.roles = roles
            self.permissions = permissions
        }
    }
}
