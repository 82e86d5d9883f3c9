import APICore

extension Cloudflare {
    /// `GET /accounts` item.
    public struct Account: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var type: OpenEnum<AccountType>?
        public var createdOn: String?
        public var settings: Settings?
        public var managedBy: ManagedBy?

        /// Account-wide settings.
        public struct Settings: Codable, Sendable, Hashable {
            public var abuseContactEmail: String?
            public var enforceTwofactor: Bool?

            public init(abuseContactEmail: String? = nil, enforceTwofactor: Bool? = nil) {
                self.abuseContactEmail = abuseContactEmail
                self.enforceTwofactor = enforceTwofactor
            }

            enum CodingKeys: String, CodingKey {
                case abuseContactEmail = "abuse_contact_email"
                case enforceTwofactor = "enforce_twofactor"
            }
        }

        /// The parent organization that manages the account, if any.
        public struct ManagedBy: Codable, Sendable, Hashable {
            public var parentOrgID: String?
            public var parentOrgName: String?

            public init(parentOrgID: String? = nil, parentOrgName: String? = nil) {
                self.parentOrgID = parentOrgID
                self.parentOrgName = parentOrgName
            }

            enum CodingKeys: String, CodingKey {
                case parentOrgID = "parent_org_id"
                case parentOrgName = "parent_org_name"
            }
        }

        public init(
            id: String, name: String, type: OpenEnum<AccountType>? = nil, createdOn: String? = nil,
            settings: Settings? = nil, managedBy: ManagedBy? = nil
        ) {
            self.id = id
            self.name = name
            self.type = type
            self.createdOn = createdOn
            self.settings = settings
            self.managedBy = managedBy
        }

        enum CodingKeys: String, CodingKey {
            case id, name, type, settings
            case createdOn = "created_on"
            case managedBy = "managed_by"
        }
    }

    /// `POST /accounts` body: a name, and optionally the type.
    public struct AccountCreate: Codable, Sendable, Hashable {
        public var name: String
        public var type: OpenEnum<AccountType>?

        public init(name: String, type: OpenEnum<AccountType>? = nil) {
            self.name = name
            self.type = type
        }
    }

    /// `PUT /accounts/{id}` body: `id`, `name` and `type` are required.
    public struct AccountUpdate: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var type: OpenEnum<AccountType>
        public var settings: Account.Settings?

        public init(id: String, name: String, type: OpenEnum<AccountType>, settings: Account.Settings? = nil) {
            self.id = id
            self.name = name
            self.type = type
            self.settings = settings
        }
    }
}
