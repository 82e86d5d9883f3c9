import APICore

extension OpenAIAdmin {
    /// An invitation to the organization (`organization.invite`).
    public struct Invite: Codable, Sendable, Hashable {
        public var object: String
        public var id: String
        public var email: String
        public var role: OpenEnum<OrganizationRole>
        public var status: OpenEnum<InviteStatus>
        public var createdAt: Int
        public var projects: [InviteProject]
        public var expiresAt: Int?
        public var acceptedAt: Int?

        public init(
            object: String = "organization.invite", id: String, email: String, role: OpenEnum<OrganizationRole>,
            status: OpenEnum<InviteStatus>, createdAt: Int, projects: [InviteProject] = [], expiresAt: Int? = nil,
            acceptedAt: Int? = nil
        ) {
            self.object = object
            self.id = id
            self.email = email
            self.role = role
            self.status = status
            self.createdAt = createdAt
            self.projects = projects
            self.expiresAt = expiresAt
            self.acceptedAt = acceptedAt
        }

        enum CodingKeys: String, CodingKey {
            case object, id, email, role, status, projects
            case createdAt = "created_at"
            case expiresAt = "expires_at"
            case acceptedAt = "accepted_at"
        }
    }

    /// A project an invitee joins, with their role there.
    public struct InviteProject: Codable, Sendable, Hashable {
        public var id: String
        public var role: OpenEnum<ProjectRole>

        public init(id: String, role: OpenEnum<ProjectRole>) {
            self.id = id
            self.role = role
        }

        enum CodingKeys: String, CodingKey { case id, role }
    }

    /// Body of `POST /organization/invites`. `projects` nil joins the default project; `[]` joins none.
    public struct InviteCreate: Codable, Sendable, Hashable {
        public var email: String
        public var role: OpenEnum<OrganizationRole>
        public var projects: [InviteProject]?

        public init(email: String, role: OpenEnum<OrganizationRole>, projects: [InviteProject]? = nil) {
            self.email = email
            self.role = role
            self.projects = projects
        }

        enum CodingKeys: String, CodingKey { case email, role, projects }
    }
}
