import APICore

extension Cloudflare {
    /// An account member as a list shows it: who, status and role names, without each role's permission map or
    /// the member's policies (most of a member's bytes, and not needed to show or filter a row).
    public struct MemberSummary: Codable, Sendable, Hashable {
        public var id: String?
        public var email: String?
        public var status: OpenEnum<MemberStatus>?
        public var user: MemberUser?
        public var roles: [RoleSummary]?

        public init(
            id: String?, email: String? = nil, status: OpenEnum<MemberStatus>? = nil, user: MemberUser? = nil,
            roles: [RoleSummary]? = nil
        ) {
            self.id = id
            self.email = email
            self.status = status
            self.user = user
            self.roles = roles
        }

        enum CodingKeys: String, CodingKey { case id, email, status, user, roles }
    }

    /// A role of a member as a list shows it: id, name and description (no permissions).
    public struct RoleSummary: Codable, Sendable, Hashable {
        public var id: String
        public var name: String?
        public var description: String?

        public init(id: String, name: String?, description: String? = nil) {
            self.id = id
            self.name = name
            self.description = description
        }

        enum CodingKeys: String, CodingKey { case id, name, description }
    }
}
