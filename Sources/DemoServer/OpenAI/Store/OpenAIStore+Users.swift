import APICore
import OpenAIAdminAPI

extension OpenAIStore {
    /// A page of the organization's users, only those with one of `emails` when it is not empty.
    func listUsers(_ query: OpenAIListQuery, emails: [String]) throws -> OpenAIEncodedPage {
        guard !emails.isEmpty else { return try query.page(of: &users) }
        let wanted = Set(emails.map { $0.lowercased() })
        return try query.page(of: &users) { user in wanted.contains(user.email?.lowercased() ?? "") }
    }

    /// One user, or 404.
    func user(_ id: String) throws -> OpenAIAdmin.OrganizationUser {
        guard let user = users.record(id) else { throw OpenAIAPIError.notFound("user", id: id) }
        return user
    }

    /// Applies a modify body: `role` (or a predefined `role_id`) replaces the user's organization role, a custom
    /// `role_id` is assigned on top, and the persona fields are stored as given.
    func modifyUser(_ id: String, body: OpenAIAdmin.UserUpdate) throws -> OpenAIAdmin.OrganizationUser {
        _ = try user(id)
        guard body.role != nil || body.roleID != nil || body.developerPersona != nil || body.technicalLevel != nil
        else {
            throw OpenAIAPIError.invalid(
                "At least one of 'role', 'role_id', 'developer_persona' or 'technical_level' is required.",
                param: "role")
        }
        var newRole: OpenAIAdmin.OrganizationRole?
        if let role = body.role {
            guard let known = role.value else {
                throw OpenAIAPIError.invalid(
                    "Invalid 'role': expected one of owner, reader, but got '\(role.rawValue)' instead.", param: "role",
                    code: "invalid_value")
            }
            newRole = known
        }
        if let roleID = body.roleID {
            let role = try catalogueRole(roleID, param: "role_id")
            if role.predefinedRole {
                newRole = OpenAIAdmin.OrganizationRole(rawValue: role.name)
            } else if assignments[id]?.contains(roleID) != true {
                assignments[id, default: []].append(roleID)
                assignmentDates[Self.assignmentKey(id, roleID)] = now()
            }
        }
        if let newRole { setBaseRole(newRole, of: id) }
        users.update(id) { user in
            if let newRole { user.role = OpenEnum(newRole) }
            if let persona = body.developerPersona { user.developerPersona = persona }
            if let level = body.technicalLevel { user.technicalLevel = level }
        }
        return try user(id)
    }

    /// Removes a user from the organization and from every project; keys they own lose their project access.
    func deleteUser(_ id: String) throws -> OpenAIAdmin.DeletedObject {
        guard users.remove(id) != nil else { throw OpenAIAPIError.notFound("user", id: id) }
        assignments[id] = nil
        for projectID in Array(projects.keys) {
            projects[projectID]?.users.remove(id)
            let owned = projects[projectID]?.apiKeys.records.filter { $0.owner.user?.id == id }.map(\.id) ?? []
            for keyID in owned {
                projects[projectID]?.apiKeys.update(keyID) { $0.ownerProjectAccess = OpenEnum(.inactive) }
            }
        }
        return OpenAIAdmin.DeletedObject(id: id, object: "organization.user.deleted", deleted: true)
    }

    // MARK: Role assignments

    /// A page of the roles assigned to a user (NextCursorPage).
    func listAssignments(userID: String, query: OpenAIListQuery) throws -> OpenAIEncodedPage {
        let user = try user(userID)
        var list = OpenAIRecordList(
            (assignments[userID] ?? []).compactMap { roles.record($0) }.map { assigned($0, to: user) }, id: \.id)
        return try query.page(of: &list)
    }

    /// One role assigned to a user, or 404.
    func assignment(userID: String, roleID: String) throws -> OpenAIAdmin.AssignedRole {
        let user = try user(userID)
        guard assignments[userID]?.contains(roleID) == true, let role = roles.record(roleID) else {
            throw OpenAIAPIError.notFound("role assignment", id: roleID)
        }
        return assigned(role, to: user)
    }

    /// Assigns a role; a predefined one replaces the user's organization role.
    func assign(roleID: String, to userID: String) throws -> OpenAIAdmin.UserRoleAssignment {
        _ = try user(userID)
        let role = try catalogueRole(roleID, param: "role_id")
        if assignments[userID]?.contains(roleID) == true {
            throw OpenAIAPIError.invalid("Role \(roleID) is already assigned to user \(userID).", param: "role_id")
        }
        if role.predefinedRole, let base = OpenAIAdmin.OrganizationRole(rawValue: role.name) {
            setBaseRole(base, of: userID)
            users.update(userID) { $0.role = OpenEnum(base) }
        } else {
            assignments[userID, default: []].append(roleID)
            assignmentDates[Self.assignmentKey(userID, roleID)] = now()
        }
        return OpenAIAdmin.UserRoleAssignment(role: role, user: try user(userID))
    }

    /// Takes a custom role away; the predefined role can only be changed, never removed.
    func unassign(roleID: String, from userID: String) throws -> OpenAIAdmin.DeletedObject {
        _ = try assignment(userID: userID, roleID: roleID)
        if roles.record(roleID)?.predefinedRole == true {
            throw OpenAIAPIError.invalid(
                "The organization role of a user cannot be unassigned; assign another predefined role instead.",
                param: "role_id")
        }
        assignments[userID]?.removeAll { $0 == roleID }
        assignmentDates[Self.assignmentKey(userID, roleID)] = nil
        return OpenAIAdmin.DeletedObject(id: nil, object: "user.role.deleted", deleted: true)
    }

    // MARK: Role catalogue

    /// A page of the role catalogue (NextCursorPage).
    func listRoles(_ query: OpenAIListQuery) throws -> OpenAIEncodedPage { try query.page(of: &roles) }

    /// One role of the catalogue, or 404.
    func catalogueRole(_ id: String, param: String? = nil) throws -> OpenAIAdmin.Role {
        guard let role = roles.record(id) else {
            var error = OpenAIAPIError.notFound("role", id: id)
            error.param = param
            throw error
        }
        return role
    }

    private func setBaseRole(_ role: OpenAIAdmin.OrganizationRole, of userID: String) {
        guard let predefined = roles.records.first(where: { $0.predefinedRole && $0.name == role.rawValue }) else {
            return
        }
        var ids = assignments[userID] ?? []
        ids.removeAll { id in roles.record(id)?.predefinedRole == true }
        ids.insert(predefined.id, at: 0)
        assignments[userID] = ids
        assignmentDates[Self.assignmentKey(userID, predefined.id)] = now()
    }

    private func assigned(_ role: OpenAIAdmin.Role, to user: OpenAIAdmin.OrganizationUser) -> OpenAIAdmin.AssignedRole {
        let date = assignmentDates[Self.assignmentKey(user.id, role.id)] ?? user.addedAt
        return OpenAIAdmin.AssignedRole(
            id: role.id, name: role.name, permissions: role.permissions, predefinedRole: role.predefinedRole,
            resourceType: role.resourceType, description: role.description, createdAt: date, updatedAt: date,
            assignmentSources: [.init(principalID: user.id, principalType: "user")])
    }

    private static func assignmentKey(_ userID: String, _ roleID: String) -> String { userID + "/" + roleID }
}
