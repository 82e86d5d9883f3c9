/// Invitations (present in every server) and member administration (through the users endpoint older servers
/// still have; a server without it answers `.unsupported`).
import APICore

extension KeycardDirectory: MemberInviting, InvitationRevoking, MemberRoleEditing, MemberRemoval, MemberToggling {
    /// One organization role per invitation and per member.
    public var allowsSeveralRoles: Bool { false }

    public func canInvite(in scope: Scope) -> Bool { scope.node(.organization) != nil }

    public func invitableRoles(in scope: Scope) async throws -> [Role] {
        guard let organization = scope.node(.organization) else {
            throw APIError(kind: .refused, detail: "Select an organization to invite people into")
        }
        return try await organizationRoles(organization.id)
    }

    public func invite(email: String, roles: [Role], in scope: Scope) async throws -> Invitation {
        guard let organization = scope.node(.organization), !organization.id.isEmpty else {
            throw APIError(kind: .refused, detail: "Select an organization to invite people into: nothing was sent")
        }
        let role = try Self.singleRole(roles)
        let created = try await client.createInvitation(
            organizationID: organization.id, Keycard.InvitationCreate(email: email, role: role))
        return Invitation(keycard: created, organizationName: organization.name)
    }

    public func canRevoke(_ invitation: Invitation) -> Bool {
        invitation.direction == .sent && invitation.status == .pending
    }

    /// Deletes the invitation; it stays listed as `revoked`.
    public func revokeInvitation(_ invitation: Invitation) async throws {
        guard invitation.direction == .sent else {
            throw APIError(kind: .refused, detail: "Only an invitation an organization sent can be revoked")
        }
        try await client.deleteInvitation(
            organizationID: try Self.id(invitation.accountID, of: "organization"),
            id: try Self.id(invitation.id, of: "invitation"))
    }

    public func canEditRoles(of member: Member) -> Bool { member.scope.node(.organization) != nil }

    public func assignableRoles(for member: Member) async throws -> [Role] {
        try await organizationRoles(try Self.organization(of: member).id)
    }

    public func setRoles(of member: Member, to roles: [Role]) async throws -> Member {
        let organization = try Self.organization(of: member)
        let updated = try await client.updateUser(
            organizationID: organization.id, id: try Self.id(member.id, of: "member"),
            Keycard.OrganizationUserUpdate(role: try Self.singleRole(roles)))
        return Member(keycard: updated, organization: organization)
    }

    public func canToggle(_ member: Member) -> Bool {
        member.scope.node(.organization) != nil && (member.status == .active || member.status == .disabled)
    }

    /// PATCHes the membership's `status` (`active` or `disabled`); the member keeps their role.
    public func setMemberEnabled(_ member: Member, enabled: Bool) async throws -> Member {
        let organization = try Self.organization(of: member)
        let updated = try await client.updateUser(
            organizationID: organization.id, id: try Self.id(member.id, of: "member"),
            Keycard.OrganizationUserUpdate(status: .known(enabled ? .active : .disabled)))
        return Member(keycard: updated, organization: organization)
    }

    public func member(_ member: Member) async throws -> Member {
        let organization = try Self.organization(of: member)
        let user = try await client.user(organizationID: organization.id, id: try Self.id(member.id, of: "member"))
        return Member(keycard: user, organization: organization)
    }

    public func canRemove(_ member: Member) -> Bool { member.scope.node(.organization) != nil }

    public func removeMember(_ member: Member) async throws {
        let organization = try Self.organization(of: member)
        try await client.removeUser(organizationID: organization.id, id: try Self.id(member.id, of: "member"))
    }

    // MARK: Helpers

    /// The organization roles: from the server where it still lists them, else the three every server knows.
    private func organizationRoles(_ organizationID: String) async throws -> [Role] {
        do {
            let roles = try await client.roles(organizationID: organizationID, scope: .organization).items
            let organizationRoles = roles.filter { $0.scope == nil || $0.scope == .known(.organization) }
            return organizationRoles.isEmpty
                ? Role.keycardOrganizationRoles : organizationRoles.map(Role.init(keycard:))
        } catch let error as APIError where error.kind == .unsupported {
            return Role.keycardOrganizationRoles
        }
    }

    private static func singleRole(_ roles: [Role]) throws -> OpenEnum<Keycard.OrganizationRole> {
        guard roles.count == 1, let role = roles.first, !role.id.isEmpty else {
            throw APIError(kind: .refused, detail: "Keycard gives exactly one organization role: nothing was sent")
        }
        return OpenEnum(rawValue: role.id)
    }

    private static func organization(of member: Member) throws -> ScopeNode {
        guard let organization = member.scope.node(.organization), !organization.id.isEmpty else {
            throw APIError(kind: .refused, detail: "\(member.email) belongs to no organization: nothing was sent")
        }
        return organization
    }
}
