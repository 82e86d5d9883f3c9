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

    /// `PATCH /user` body: every field optional; a nil field is not sent.
    public struct UserEdit: Codable, Sendable, Hashable {
        public var firstName: String?
        public var lastName: String?
        public var telephone: String?
        public var country: String?
        public var zipcode: String?

        public init(
            firstName: String? = nil, lastName: String? = nil, telephone: String? = nil, country: String? = nil,
            zipcode: String? = nil
        ) {
            self.firstName = firstName
            self.lastName = lastName
            self.telephone = telephone
            self.country = country
            self.zipcode = zipcode
        }

        enum CodingKeys: String, CodingKey {
            case telephone, country, zipcode
            case firstName = "first_name"
            case lastName = "last_name"
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
