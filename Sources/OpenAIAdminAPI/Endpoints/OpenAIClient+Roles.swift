import APICore

extension OpenAIClient {
    static let rolesPath = ["organization", "roles"]

    static func userRolesPath(_ userID: String) -> [String] { usersPath + [userID, "roles"] }

    /// `GET /organization/roles`: the role catalogue.
    public func roles(order: OpenAIAdmin.ListOrder? = nil, limit: Int? = maximumLimit) -> PagedList<OpenAIAdmin.Role> {
        nextCursorList(Self.rolesPath, query: order.map { [("order", $0.rawValue)] } ?? [], limit: limit)
    }

    /// `GET /organization/roles/{id}`.
    public func role(id: String) async throws -> OpenAIAdmin.Role {
        try await send(.get, Self.rolesPath + [id])
    }

    /// `GET /organization/users/{id}/roles`: the roles assigned to a user.
    public func userRoles(userID: String, order: OpenAIAdmin.ListOrder? = nil, limit: Int? = maximumLimit)
        -> PagedList<OpenAIAdmin.AssignedRole>
    {
        nextCursorList(Self.userRolesPath(userID), query: order.map { [("order", $0.rawValue)] } ?? [], limit: limit)
    }

    /// `POST /organization/users/{id}/roles`: assigns a role.
    public func assignRole(userID: String, roleID: String) async throws -> OpenAIAdmin.UserRoleAssignment {
        try await send(.post, Self.userRolesPath(userID), body: OpenAIAdmin.RoleAssignmentCreate(roleID: roleID))
    }

    /// `GET /organization/users/{id}/roles/{role_id}`: one assignment.
    public func userRole(userID: String, roleID: String) async throws -> OpenAIAdmin.AssignedRole {
        try await send(.get, Self.userRolesPath(userID) + [roleID])
    }

    /// `DELETE /organization/users/{id}/roles/{role_id}`: unassigns a role.
    public func unassignRole(userID: String, roleID: String) async throws {
        try await delete(Self.userRolesPath(userID) + [roleID])
    }
}
