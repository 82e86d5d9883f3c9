import APICore

extension Keycard {
    /// An organization (`GET /organizations`, `GET /organizations/{id}`).
    public struct Organization: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        /// A DNS-segment slug derived from the name; paths accept it in place of the id.
        public var label: String
        public var ssoEnabled: Bool
        /// The zone holding this organization's users, roles and permissions.
        public var zoneID: String
        public var createdAt: String
        public var updatedAt: String
        public var permissions: Permissions?

        public init(
            id: String, name: String, label: String, ssoEnabled: Bool, zoneID: String, createdAt: String,
            updatedAt: String, permissions: Permissions? = nil
        ) {
            self.id = id
            self.name = name
            self.label = label
            self.ssoEnabled = ssoEnabled
            self.zoneID = zoneID
            self.createdAt = createdAt
            self.updatedAt = updatedAt
            self.permissions = permissions
        }

        enum CodingKeys: String, CodingKey {
            case id, name, label, permissions
            case ssoEnabled = "sso_enabled"
            case zoneID = "zone_id"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }
    }

    /// `POST /organizations` and `PATCH /organizations/{id}` body: `{"name"?}`.
    public struct OrganizationBody: Codable, Sendable, Hashable {
        public var name: String?

        public init(name: String? = nil) {
            self.name = name
        }
    }
}
