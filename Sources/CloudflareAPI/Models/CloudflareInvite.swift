import APICore

extension Cloudflare {
    /// `GET /user/invites` item: an invitation the signed-in user received.
    public struct Invite: Codable, Sendable, Hashable {
        public var id: String?
        /// The id of the account the invite is for (the wire calls it an organization).
        public var organizationID: String
        public var organizationName: String?
        public var invitedMemberID: String?
        public var invitedMemberEmail: String?
        /// The inviter's email.
        public var invitedBy: String?
        public var invitedOn: String?
        public var expiresOn: String?
        public var organizationIsEnforcingTwofactor: Bool?
        /// Role names.
        public var roles: [String]?
        public var status: OpenEnum<InviteStatus>?

        public init(
            id: String?, organizationID: String, organizationName: String? = nil, invitedMemberID: String? = nil,
            invitedMemberEmail: String? = nil, invitedBy: String? = nil, invitedOn: String? = nil,
            expiresOn: String? = nil, organizationIsEnforcingTwofactor: Bool? = nil, roles: [String]? = nil,
            status: OpenEnum<InviteStatus>? = nil
        ) {
            self.id = id
            self.organizationID = organizationID
            self.organizationName = organizationName
            self.invitedMemberID = invitedMemberID
            self.invitedMemberEmail = invitedMemberEmail
            self.invitedBy = invitedBy
            self.invitedOn = invitedOn
            self.expiresOn = expiresOn
            self.organizationIsEnforcingTwofactor = organizationIsEnforcingTwofactor
            self.roles = roles
            self.status = status
        }

        enum CodingKeys: String, CodingKey {
            case id, roles, status
            case organizationID = "organization_id"
            case organizationName = "organization_name"
            case invitedMemberID = "invited_member_id"
            case invitedMemberEmail = "invited_member_email"
            case invitedBy = "invited_by"
            case invitedOn = "invited_on"
            case expiresOn = "expires_on"
            case organizationIsEnforcingTwofactor = "organization_is_enforcing_twofactor"
        }
    }

    /// `PATCH /user/invites/{id}` body.
    public struct InviteResponseBody: Codable, Sendable, Hashable {
        /// "accepted" or "rejected".
        public var status: String
        public init(status: String) { self.status = status }
    }
}
