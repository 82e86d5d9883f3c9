import APICore

extension Cloudflare {
    /// A tenant organization: an item of `GET /organizations` and of `GET /accounts/{id}/organizations`.
    ///
    /// `meta` is kept loose (`flags`, `tenant_flags` and `managed_by` differ between the schema and SDK 5.9.0).
    public struct Organization: Codable, Sendable, Hashable {
        public var id: String
        public var name: String?
        public var createTime: String?
        public var meta: Meta?
        public var parent: Parent?
        public var profile: AccountProfile?

        /// What the API says about the organization's place in its tenant.
        public struct Meta: Codable, Sendable, Hashable {
            /// `flags` in the schema of `/accounts/{id}/organizations`.
            public var flags: JSONValue?
            /// `tenant_flags` in SDK 5.9.0's `Organization`.
            public var tenantFlags: JSONValue?
            /// Tags from the root down to this organization.
            public var hierarchyTags: [String]?
            /// A string in SDK 5.9.0; kept as any JSON so another shape does not fail the list.
            public var managedBy: JSONValue?

            public init(
                flags: JSONValue? = nil, tenantFlags: JSONValue? = nil, hierarchyTags: [String]? = nil,
                managedBy: JSONValue? = nil
            ) {
                self.flags = flags
                self.tenantFlags = tenantFlags
                self.hierarchyTags = hierarchyTags
                self.managedBy = managedBy
            }

            enum CodingKeys: String, CodingKey {
                case flags
                case tenantFlags = "tenant_flags"
                case hierarchyTags = "hierarchy_tags"
                case managedBy = "managed_by"
            }
        }

        /// The organization that contains this one.
        public struct Parent: Codable, Sendable, Hashable {
            public var id: String?
            public var name: String?

            public init(id: String?, name: String?) {
                self.id = id
                self.name = name
            }
        }

        public init(
            id: String, name: String?, createTime: String? = nil, meta: Meta? = nil, parent: Parent? = nil,
            profile: AccountProfile? = nil
        ) {
            self.id = id
            self.name = name
            self.createTime = createTime
            self.meta = meta
            self.parent = parent
            self.profile = profile
        }

        enum CodingKeys: String, CodingKey {
            case id, name, meta, parent, profile
            case createTime = "create_time"
        }
    }

    /// `POST /accounts/{id}/move` body.
    public struct AccountMoveRequest: Codable, Sendable, Hashable {
        public var destinationOrganizationID: String

        public init(destinationOrganizationID: String) {
            self.destinationOrganizationID = destinationOrganizationID
        }

        enum CodingKeys: String, CodingKey {
            case destinationOrganizationID = "destination_organization_id"
        }
    }

    /// `POST /accounts/{id}/move` result: where the account came from and went to.
    public struct AccountMoveResult: Codable, Sendable, Hashable {
        public var accountID: String?
        public var destinationOrganizationID: String?
        public var sourceOrganizationID: String?

        public init(accountID: String?, destinationOrganizationID: String?, sourceOrganizationID: String?) {
            self.accountID = accountID
            self.destinationOrganizationID = destinationOrganizationID
            self.sourceOrganizationID = sourceOrganizationID
        }

        enum CodingKeys: String, CodingKey {
            case accountID = "account_id"
            case destinationOrganizationID = "destination_organization_id"
            case sourceOrganizationID = "source_organization_id"
        }
    }
}
