/// Role assignments of an organization's members (role-based access beside a member's base role), custom roles of
/// the organization included.
public protocol MemberRoleAssigning: Sendable {
    /// Whether `member`'s assignments can be read and changed here (an organization member, not a project's).
    func canAssignRoles(to member: Member) -> Bool
    /// Every role of the organization that can be assigned, built-in and custom.
    func assignableRoles() async throws -> [Role]
    /// The roles assigned to `member` now.
    func assignedRoles(of member: Member) async throws -> [Role]
    /// Assigns `role` to `member` (one request, never re-sent).
    func assign(_ role: Role, to member: Member) async throws
    /// Takes the assignment of `role` back from `member`.
    func unassign(_ role: Role, from member: Member) async throws
}
