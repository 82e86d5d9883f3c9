import APICore
import KeycardAPI

/// The endpoints newer servers dropped: organization users, roles, identities and the token exchange. Every one
/// answers 404 (as an unknown route) while `legacyEndpointsEnabled` is off.
extension KeycardStore {
    /// 404 as for an unknown route when the dropped endpoints are switched off.
    func requireLegacyEndpoints() throws {
        guard legacyEndpointsEnabled else { throw KeycardAPIError.routeNotFound }
    }

    /// `GET …/users`, optionally of one role.
    func listUsers(_ organizationID: String, caller: KeycardCaller, page: KeycardPageRequest, query: QueryItems)
        throws -> Keycard.List<Keycard.OrganizationUser>
    {
        try requireLegacyEndpoints()
        let index = try accessibleOrganization(organizationID, caller: caller)
        let role = try Self.role(query["role"])
        let users = organizations[index].users.filter { role == nil || $0.user.role == role }
        let (items, info) = page.slice(users, sequence: \.sequence)
        let write = canWrite(organizations[index], caller: caller)
        let expand = Self.wantsPermissions(query)
        return Keycard.List(
            items: items.map { record in
                var user = record.user
                if expand { user.permissions = Self.permissions("users", write: write) }
                return user
            },
            pageInfo: info, permissions: expand ? Self.permissions("users", write: write, list: true) : nil)
    }

    /// `GET …/users/{user}`.
    func user(_ organizationID: String, id: String, caller: KeycardCaller) throws -> Keycard.OrganizationUser {
        try requireLegacyEndpoints()
        let (index, position) = try userPosition(organizationID, id, caller: caller)
        return organizations[index].users[position].user
    }

    /// `PATCH …/users/{user}`: a new role or status; the last active administrator keeps the role.
    func updateUser(_ organizationID: String, id: String, body: Keycard.OrganizationUserUpdate, caller: KeycardCaller)
        throws -> Keycard.OrganizationUser
    {
        try requireLegacyEndpoints()
        let (index, position) = try userPosition(organizationID, id, caller: caller, write: true)
        if let role = body.role, role.value == nil {
            throw KeycardAPIError.invalid("role must be one of org_admin, org_member, org_viewer")
        }
        if let status = body.status, status.value == nil {
            throw KeycardAPIError.invalid("status must be active or disabled")
        }
        var user = organizations[index].users[position].user
        let stillAdmin = (body.role ?? user.role) == .known(.admin) && (body.status ?? user.status) == .known(.active)
        if !stillAdmin { try requireAnotherAdmin(index, besides: id) }
        if let role = body.role { user.role = role }
        if let status = body.status { user.status = status }
        user.updatedAt = nowString()
        organizations[index].users[position].user = user
        return user
    }

    /// `DELETE …/users/{user}`: removes the member (never the last active administrator).
    func removeUser(_ organizationID: String, id: String, caller: KeycardCaller) throws {
        try requireLegacyEndpoints()
        let (index, _) = try userPosition(organizationID, id, caller: caller, write: true)
        try requireAnotherAdmin(index, besides: id)
        organizations[index].users.removeAll { $0.user.id == id }
    }

    /// `GET …/roles` (not paginated), optionally of one scope.
    func roles(_ organizationID: String, caller: KeycardCaller, query: QueryItems) throws -> Keycard.RoleList {
        try requireLegacyEndpoints()
        _ = try accessibleOrganization(organizationID, caller: caller)
        let scope = query["scope"]
        guard scope == nil || scope == "organization" || scope == "zone" else {
            throw KeycardAPIError.invalid("scope must be organization or zone")
        }
        let roles = Self.roleCatalogue.filter { scope == nil || $0.scope?.rawValue == scope }
        return Keycard.RoleList(
            items: roles,
            permissions: Self.wantsPermissions(query) ? Self.permissions("roles", write: false, list: true) : nil)
    }

    /// `GET …/identities`: members and invitations in one list, filtered by `query[email]` and `role`.
    func identities(_ organizationID: String, caller: KeycardCaller, page: KeycardPageRequest, query: QueryItems)
        throws -> Keycard.IdentityList
    {
        try requireLegacyEndpoints()
        let index = try accessibleOrganization(organizationID, caller: caller)
        let record = organizations[index]
        let role = try Self.role(query["role"])
        let email = query["query[email]"]?.lowercased()
        var entries: [(sequence: Int, identity: Keycard.Identity)] = record.users.map { user in
            (
                user.sequence,
                Keycard.Identity(
                    id: user.user.id, type: OpenEnum(.user), email: user.user.email ?? "", role: user.user.role,
                    status: OpenEnum(rawValue: user.user.status.rawValue), source: user.user.source,
                    createdAt: user.user.createdAt, updatedAt: user.user.updatedAt)
            )
        }
        entries += record.invitations.map { item in
            let invitation = Self.current(item.invitation, now: wallClock.now())
            return (
                item.sequence,
                Keycard.Identity(
                    id: invitation.id, type: OpenEnum(.invitation), email: invitation.email, role: invitation.role,
                    status: OpenEnum(rawValue: invitation.status.rawValue), createdAt: invitation.createdAt,
                    updatedAt: invitation.updatedAt)
            )
        }
        entries = entries.filter { entry in
            let matchesEmail = email.map { entry.identity.email.lowercased().contains($0) } ?? true
            return (role == nil || entry.identity.role == role) && matchesEmail
        }.sorted { $0.sequence < $1.sequence }
        let (items, info) = page.slice(entries, sequence: \.sequence)
        let total = query.keycardExpand.contains("total_count") ? entries.count : nil
        return Keycard.IdentityList(
            items: items.map(\.identity), pageInfo: info,
            pagination: Keycard.Pagination(
                afterCursor: info.endCursor, beforeCursor: info.startCursor, totalCount: total),
            permissions: Self.wantsPermissions(query) ? Self.permissions("identities", write: false, list: true) : nil)
    }

    /// `POST /organizations/{id}/token`: an organization-scoped token for the signed-in user.
    func exchangeToken(_ organizationID: String, caller: KeycardCaller) throws -> Keycard.AccessToken {
        try requireLegacyEndpoints()
        guard caller == .user else { throw KeycardAPIError.forbidden("Only a user token can be exchanged") }
        let index = try accessibleOrganization(organizationID, caller: caller)
        return issue(for: .organizationToken(organizationID: organizations[index].organization.id))
    }

    // MARK: Helpers

    static let roleCatalogue: [Keycard.Role] = [
        Keycard.Role(
            name: "org_admin", label: "Organization Administrator",
            description: "Manages the organization, its members and service accounts", scope: OpenEnum(.organization)),
        Keycard.Role(
            name: "org_member", label: "Organization Member", description: "Uses the organization's zones",
            scope: OpenEnum(.organization)),
        Keycard.Role(
            name: "org_viewer", label: "Organization Viewer", description: "Reads the organization",
            scope: OpenEnum(.organization)),
        Keycard.Role(
            name: "zone_manager", label: "Zone Manager", description: "Manages one zone", scope: OpenEnum(.zone)),
    ]

    private static func role(_ text: String?) throws -> OpenEnum<Keycard.OrganizationRole>? {
        guard let text else { return nil }
        guard let role = Keycard.OrganizationRole(rawValue: text) else {
            throw KeycardAPIError.invalid("role must be one of org_admin, org_member, org_viewer")
        }
        return OpenEnum(role)
    }

    private func userPosition(_ organizationID: String, _ id: String, caller: KeycardCaller, write: Bool = false)
        throws -> (Int, Int)
    {
        let index = try accessibleOrganization(organizationID, caller: caller, write: write)
        guard let position = organizations[index].users.firstIndex(where: { $0.user.id == id }) else {
            throw KeycardAPIError.notFound("User")
        }
        return (index, position)
    }

    private func requireAnotherAdmin(_ index: Int, besides id: String) throws {
        let target = organizations[index].user(id)
        guard target?.user.role == .known(.admin), target?.user.status == .known(.active) else { return }
        let others = organizations[index].users.contains { record in
            record.user.id != id && record.user.role == .known(.admin) && record.user.status == .known(.active)
        }
        guard others else { throw KeycardAPIError.conflict("An organization needs at least one active administrator") }
    }
}
