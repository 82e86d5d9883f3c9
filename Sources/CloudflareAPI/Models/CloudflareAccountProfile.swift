import APICore

extension Cloudflare {
    /// `GET /accounts/{id}/profile` result (not in SDK 5.9.0; from Cloudflare's OpenAPI schema).
    ///
    /// The schema marks every field required; they are decoded as optional so a missing one is seen as missing,
    /// never as an empty value that a later PUT would write back.
    public struct AccountProfile: Codable, Sendable, Hashable {
        public var businessAddress: String?
        public var businessEmail: String?
        public var businessName: String?
        public var businessPhone: String?
        public var externalMetadata: String?

        public init(
            businessAddress: String? = nil, businessEmail: String? = nil, businessName: String? = nil,
            businessPhone: String? = nil, externalMetadata: String? = nil
        ) {
            self.businessAddress = businessAddress
            self.businessEmail = businessEmail
            self.businessName = businessName
            self.businessPhone = businessPhone
            self.externalMetadata = externalMetadata
        }

        enum CodingKeys: String, CodingKey {
            case businessAddress = "business_address"
            case businessEmail = "business_email"
            case businessName = "business_name"
            case businessPhone = "business_phone"
            case externalMetadata = "external_metadata"
        }
    }

    /// `PUT /accounts/{id}/profile` body: all five fields are required, so an update sends the whole profile.
    public struct AccountProfileUpdate: Codable, Sendable, Hashable {
        public var businessAddress: String
        public var businessEmail: String
        public var businessName: String
        public var businessPhone: String
        public var externalMetadata: String

        public init(
            businessAddress: String, businessEmail: String, businessName: String, businessPhone: String,
            externalMetadata: String
        ) {
            self.businessAddress = businessAddress
            self.businessEmail = businessEmail
            self.businessName = businessName
            self.businessPhone = businessPhone
            self.externalMetadata = externalMetadata
        }

        /// The profile this body writes.
        public var profile: AccountProfile {
            AccountProfile(
                businessAddress: businessAddress, businessEmail: businessEmail, businessName: businessName,
                businessPhone: businessPhone, externalMetadata: externalMetadata)
        }

        typealias CodingKeys = AccountProfile.CodingKeys
    }
}
