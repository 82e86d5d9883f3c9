import APICore
import OpenAIAdminAPI

extension OpenAIStore {
    /// A page of the projects; archived ones only with `includeArchived`.
    func listProjects(_ query: OpenAIListQuery, includeArchived: Bool) throws -> OpenAIEncodedPage {
        if includeArchived { return try query.page(of: &projectList) }
        return try query.page(of: &projectList) { $0.status?.value != .archived }
    }

    /// One project, or 404.
    func project(_ id: String) throws -> OpenAIAdmin.Project { try projectRecord(id).project }

    // MARK: Project users

    /// A page of a project's members.
    func listProjectUsers(projectID: String, query: OpenAIListQuery) throws -> OpenAIEncodedPage {
        try mutateProject(projectID, writing: false) { try query.page(of: &$0.users) }
    }

    /// One member of a project, or 404.
    func projectUser(projectID: String, userID: String) throws -> OpenAIAdmin.ProjectUser {
        guard let user = try projectRecord(projectID).users.record(userID) else {
            throw OpenAIAPIError.notFound("project user", id: userID)
        }
        return user
    }

    /// Adds an organization user (by `user_id` or `email`) to a project.
    func addProjectUser(projectID: String, body: OpenAIAdmin.ProjectUserCreate) throws -> OpenAIAdmin.ProjectUser {
        let role = try Self.projectRole(body.role)
        let user: OpenAIAdmin.OrganizationUser
        if let userID = body.userID {
            guard let found = users.record(userID) else {
                throw OpenAIAPIError.invalid("User \(userID) is not a member of this organization.", param: "user_id")
            }
            user = found
        } else if let email = body.email?.lowercased() {
            guard let found = users.records.first(where: { $0.email?.lowercased() == email }) else {
                throw OpenAIAPIError.invalid("No member of this organization has the email \(email).", param: "email")
            }
            user = found
        } else {
            throw OpenAIAPIError.invalid("One of 'user_id' or 'email' is required.", param: "user_id")
        }
        let member = OpenAIAdmin.ProjectUser(
            id: user.id, addedAt: now(), role: role.rawValue, email: user.email, name: user.name)
        try mutateProject(projectID) { record in
            guard !record.users.contains(user.id) else {
                throw OpenAIAPIError.invalid("User \(user.id) is already a member of this project.", param: "user_id")
            }
            record.users.append(member)
            for keyID in record.apiKeys.records.filter({ $0.owner.user?.id == user.id }).map(\.id) {
                record.apiKeys.update(keyID) { $0.ownerProjectAccess = OpenEnum(.active) }
            }
        }
        return member
    }

    /// Changes a member's project role.
    func updateProjectUser(projectID: String, userID: String, body: OpenAIAdmin.ProjectUserUpdate) throws
        -> OpenAIAdmin.ProjectUser
    {
        let role = try Self.projectRole(body.role)
        return try mutateProject(projectID) { record in
            let updated = record.users.update(userID) { member -> OpenAIAdmin.ProjectUser in
                member.role = role.rawValue
                return member
            }
            guard let updated else { throw OpenAIAPIError.notFound("project user", id: userID) }
            return updated
        }
    }

    /// Removes a member from a project; keys they own there lose their access.
    func removeProjectUser(projectID: String, userID: String) throws -> OpenAIAdmin.DeletedObject {
        try mutateProject(projectID) { record in
            guard record.users.remove(userID) != nil else { throw OpenAIAPIError.notFound("project user", id: userID) }
            for keyID in record.apiKeys.records.filter({ $0.owner.user?.id == userID }).map(\.id) {
                record.apiKeys.update(keyID) { $0.ownerProjectAccess = OpenEnum(.inactive) }
            }
        }
        return OpenAIAdmin.DeletedObject(id: userID, object: "organization.project.user.deleted", deleted: true)
    }

    private static func projectRole(_ role: OpenEnum<OpenAIAdmin.ProjectRole>) throws -> OpenAIAdmin.ProjectRole {
        guard let known = role.value else {
            throw OpenAIAPIError.invalid(
                "Invalid 'role': expected one of owner, member, but got '\(role.rawValue)' instead.", param: "role",
                code: "invalid_value")
        }
        return known
    }
}
