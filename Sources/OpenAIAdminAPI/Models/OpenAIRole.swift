import APICore

extension OpenAIAdmin {
    /// A role of the catalogue (`GET /organization/roles`, `object: "role"`).
    public struct Role: Codable, Sendable, Hashable {
        public var object: String
        public var id: String
        public var name: String
        public var permissions: [String]
        public var predefinedRole: Bool
        public var resourceType: String
        public var description: String?

        public init(
            object: String = "role", id: String, name: String, permissions: [String], predefinedRole: Bool,
            resourceType: String, description: String? = nil
        ) {
            self.object = object
            self.id = id
            self.name = name
            self.permissions = permissions
            self.predefinedRole = predefinedRole
            self.resourceType = resourceType
            self.description = description
        }

        enum CodingKeys: String, CodingKey {
            case object, id, name, permissions, description
            case predefinedRole = "predefined_role"
            case resourceType = "resource_type"
        }
    }

    /// A role assigned to a user (`GET /organization/users/{id}/roles` item; no `object` field).
    public struct AssignedRole: Codable, Sendable, Hashable {
        public var id: String
        public var name: String
        public var permissions: [String]
        public var predefinedRole: Bool
        public var resourceType: String
        public var description: String?
        public var createdAt: Int?
        public var updatedAt: Int?
        public var createdBy: String?
        public var createdByUserObj: [String: JSONValue]?
        public var metadata: [String: JSONValue]?
        public var assignmentSources: [AssignmentSource]?

        public init(
            id: String, name: String, permissions: [String], predefinedRole: Bool, resourceType: String,
            description: String? = nil, createdAt: Int? = nil, updatedAt: Int? = nil, createdBy: String? = nil,
            createdByUserObj: [String: JSONValue]? = nil, metadata: [String: JSONValue]? = nil,
            assignmentSources: [AssignmentSource]? = nil
        ) {
            self.id = id
            self.name = name
            self.permissions = permissions
            self.predefinedRole = predefinedRole
            self.resourceType = resourceType
            self.description = description
            self.createdAt = createdAt
            self.updatedAt = updatedAt
            self.createdBy = createdBy
            self.createdByUserObj = createdByUserObj
            self.metadata = metadata
            self.assignmentSources = assignmentSources
        }

        enum CodingKeys: String, CodingKey {
            case id, name, permissions, description, metadata
            case predefinedRole = "predefined_role"
            case resourceType = "resource_type"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
            case createdBy = "created_by"
            case createdByUserObj = "created_by_user_obj"
            case assignmentSources = "assignment_sources"
        }

        /// Why the user holds the role (directly, or through a group).
        public struct AssignmentSource: Codable, Sendable, Hashable {
            public var principalID: String?
            public var principalType: String?

            public init(principalID: String?, principalType: String?) {
                self.principalID = principalID
                self.principalType = principalType
            }

            enum CodingKeys: String, CodingKey {
                case principalID = "principal_id"
                case principalType = "principal_type"
            }
        }
    }

    /// `POST /organization/users/{id}/roles` answer (`object: "user.role"`).
    public struct UserRoleAssignment: Codable, Sendable, Hashable {
        public var object: String
        public var role: Role
        public var user: OrganizationUser

        public init(object: String = "user.role", role: Role, user: OrganizationUser) {
            self.object = object
            self.role = role
            self.user = user
        }

        enum CodingKeys: String, CodingKey { case object, role, user }
    }

    /// Body of `POST /organization/users/{id}/roles`.
    public struct RoleAssignmentCreate: Codable, Sendable, Hashable {
        public var roleID: String

        public init(roleID: String) { self.roleID = roleID }

        enum CodingKeys: String, CodingKey { case roleID = "role_id" }
    }
}
