import APICore

extension OpenAIAdmin {
    /// A project of the organization (`organization.project`).
    public struct Project: Codable, Sendable, Hashable {
        public var object: String
        public var id: String
        public var createdAt: Int
        public var name: String?
        public var status: OpenEnum<ProjectStatus>?
        public var archivedAt: Int?
        public var externalKeyID: String?
        public var residency: OpenEnum<Residency>?

        public init(
            object: String = "organization.project", id: String, createdAt: Int, name: String? = nil,
            status: OpenEnum<ProjectStatus>? = nil, archivedAt: Int? = nil, externalKeyID: String? = nil,
            residency: OpenEnum<Residency>? = nil
        ) {
            self.object = object
            self.id = id
            self.createdAt = createdAt
            self.name = name
            self.status = status
            self.archivedAt = archivedAt
            self.externalKeyID = externalKeyID
            self.residency = residency
        }

        enum CodingKeys: String, CodingKey {
            case object, id, name, status, residency
            case createdAt = "created_at"
            case archivedAt = "archived_at"
            case externalKeyID = "external_key_id"
        }
    }

    /// A member of a project (`organization.project.user`).
    public struct ProjectUser: Codable, Sendable, Hashable {
        public var object: String
        public var id: String
        public var addedAt: Int
        /// A free string in the SDK (documented as `owner` or `member`).
        public var role: String
        public var email: String?
        public var name: String?

        public init(
            object: String = "organization.project.user", id: String, addedAt: Int, role: String,
            email: String? = nil, name: String? = nil
        ) {
            self.object = object
            self.id = id
            self.addedAt = addedAt
            self.role = role
            self.email = email
            self.name = name
        }

        enum CodingKeys: String, CodingKey {
            case object, id, role, email, name
            case addedAt = "added_at"
        }
    }

    /// Body of `POST /organization/projects/{id}/users`; the person must already be in the organization.
    public struct ProjectUserCreate: Codable, Sendable, Hashable {
        public var role: OpenEnum<ProjectRole>
        public var userID: String?
        public var email: String?

        public init(role: OpenEnum<ProjectRole>, userID: String? = nil, email: String? = nil) {
            self.role = role
            self.userID = userID
            self.email = email
        }

        enum CodingKeys: String, CodingKey {
            case role, email
            case userID = "user_id"
        }
    }

    /// Body of `POST /organization/projects/{id}/users/{user_id}` (change role).
    public struct ProjectUserUpdate: Codable, Sendable, Hashable {
        public var role: OpenEnum<ProjectRole>

        public init(role: OpenEnum<ProjectRole>) { self.role = role }

        enum CodingKeys: String, CodingKey { case role }
    }
}
