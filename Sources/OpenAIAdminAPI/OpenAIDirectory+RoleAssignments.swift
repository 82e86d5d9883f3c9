import APICore

/// `/organization/roles` and `/organization/users/{id}/roles`: the organization's role catalogue (custom roles
/// included) and each user's assignments.
extension OpenAIDirectory: MemberRoleAssigning {
    public func canAssignRoles(to member: Member) -> Bool { !member.id.isEmpty && member.scope.node(.project) == nil }

    public func assignableRoles() async throws -> [Role] {
        try await client.roles().fetchAll(concurrency: 1).map { role in
            Role(id: role.id, name: role.name, description: role.description, permissions: role.permissions)
        }
    }

    public func assignedRoles(of member: Member) async throws -> [Role] {
        let id = try Self.id(member.id, of: "member")
        return try await client.userRoles(userID: id).fetchAll(concurrency: 1).map { role in
            Role(id: role.id, name: role.name, description: role.description, permissions: role.permissions)
        }
    }

    public func assign(_ role: Role, to member: Member) async throws {
        _ = try await client.assignRole(
            userID: try Self.id(member.id, of: "member"), roleID: try Self.id(role.id, of: "role"))
    }

    public func unassign(_ role: Role, from member: Member) async throws {
        try await client.unassignRole(
            userID: try Self.id(member.id, of: "member"), roleID: try Self.id(role.id, of: "role"))
    }
}
