import APICore

extension Keycard {
    /// An invitation an organization sent (`GET /organizations/{id}/invitations`).
    public struct Invitation: Codable, Sendable, Hashable {
        public var id: String
        public var organizationID: String
        public var email: String
        public var role: OpenEnum<OrganizationRole>
        public var status: OpenEnum<InvitationStatus>
        /// The id of the user who sent it.
        public var createdBy: String
        public var createdAt: String
        public var updatedAt: String
        public var expiresAt: String
        public var permissions: Permissions?

        public init(
            id: String, organizationID: String, email: String, role: OpenEnum<OrganizationRole>,
            status: OpenEnum<InvitationStatus>, createdBy: String, createdAt: String, updatedAt: String,
            expiresAt: String, permissions: Permissions? = nil
        ) {
            self.id = id
            self.organizationID = organizationID
            self.email = email
            self.role = role
            self.status = status
            self.createdBy = createdBy
            self.createdAt = createdAt
            self.updatedAt = updatedAt
            self.expiresAt = expiresAt
            self.permissions = permissions
        }

        enum CodingKeys: String, CodingKey {
            case id, email, role, status, permissions
            case organizationID = "organization_id"
            case createdBy = "created_by"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
            case expiresAt = "expires_at"
        }
    }

    /// `POST /organizations/{id}/invitations` body: both fields are required.
    public struct InvitationCreate: Codable, Sendable, Hashable {
        public var email: String
        public var role: OpenEnum<OrganizationRole>

        public init(email: String, role: OpenEnum<OrganizationRole>) {
            self.email = email
            self.role = role
        }
    }

    /// `GET /invitations/{token}` (unauthenticated): what accepting the token would join.
    public struct InvitationPreview: Codable, Sendable, Hashable {
        public var email: String
        public var organizationName: String
        public var createdByName: String
        public var role: OpenEnum<OrganizationRole>
        public var status: OpenEnum<InvitationStatus>
        public var expiresAt: String

        public init(
            email: String, organizationName: String, createdByName: String, role: OpenEnum<OrganizationRole>,
            status: OpenEnum<InvitationStatus>, expiresAt: String
        ) {
            self.email = email
            self.organizationName = organizationName
            self.createdByName = createdByName
            self.role = role
            self.status = status
            self.expiresAt = expiresAt
        }

        enum CodingKeys: String, CodingKey {
            case email, role, status
            case organizationName = "organization_name"
            case createdByName = "created_by_name"
            case expiresAt = "expires_at"
        }
    }

    /// `POST /invitations/{token}/accept` answer.
    public struct InvitationAcceptance: Codable, Sendable, Hashable {
        public var success: Bool
        public var organizationID: String
        public var organizationName: String
        public var userID: String?

        public init(success: Bool, organizationID: String, organizationName: String, userID: String? = nil) {
            self.success = success
            self.organizationID = organizationID
            self.organizationName = organizationName
            self.userID = userID
        }

        enum CodingKeys: String, CodingKey {
            case success
            case organizationID = "organization_id"
            case organizationName = "organization_name"
            case userID = "user_id"
        }
    }
}
