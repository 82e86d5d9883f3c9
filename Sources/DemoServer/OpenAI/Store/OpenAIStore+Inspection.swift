import APICore
import OpenAIAdminAPI

extension OpenAIStore {
    /// How many users the organization has.
    public func userCount() -> Int { users.count }

    /// The organization's user ids in list order.
    public func userIDs() -> [String] { users.ids }

    /// One organization user as the API shows it.
    public func organizationUser(id: String) -> OpenAIAdmin.OrganizationUser? { users.record(id) }

    /// A user's organization role (`owner`/`reader`), or nil for an unknown user.
    public func userRole(id: String) -> String? { users.record(id)?.role?.rawValue }

    /// Ids of the roles assigned to a user, the predefined one first.
    public func assignedRoleIDs(userID: String) -> [String] { assignments[userID] ?? [] }

    /// The role catalogue.
    public func catalogueRoles() -> [OpenAIAdmin.Role] { roles.records }

    /// The invites in list order.
    public func allInvites() -> [OpenAIAdmin.Invite] { invites.records }

    /// An invite's status (`pending`, `accepted`, `expired`), or nil when there is no such invite.
    public func inviteStatus(id: String) -> String? { invites.record(id)?.status.rawValue }

    /// The admin key ids in list order.
    public func adminKeyIDs() -> [String] { adminKeys.ids }

    /// One admin key as the API shows it.
    public func adminAPIKey(id: String) -> OpenAIAdmin.AdminAPIKey? { adminKeys.record(id) }

    /// The id of the admin key whose secret this is (deleted keys have none).
    public func adminKeyID(forSecret secret: String) -> String? { adminKeySecrets[secret] }

    /// Project ids in list order, archived ones only when asked.
    public func projectIDs(includeArchived: Bool = true) -> [String] {
        projectList.records.filter { includeArchived || $0.status?.value != .archived }.map(\.id)
    }

    /// The archived projects' ids.
    public func archivedProjectIDs() -> [String] {
        projectList.records.filter { $0.status?.value == .archived }.map(\.id)
    }

    /// How many members a project has (0 for an unknown project).
    public func projectUserCount(projectID: String) -> Int { projects[projectID]?.users.count ?? 0 }

    /// A project's member ids in list order (none for an unknown project).
    public func projectUserIDs(projectID: String) -> [String] { projects[projectID]?.users.ids ?? [] }

    /// A member's project role, or nil when they are not a member.
    public func projectUserRole(projectID: String, userID: String) -> String? {
        projects[projectID]?.users.record(userID)?.role
    }

    /// A project's API key ids, whatever their owner's access.
    public func projectAPIKeyIDs(projectID: String) -> [String] { projects[projectID]?.apiKeys.ids ?? [] }

    /// A project's service account ids.
    public func serviceAccountIDs(projectID: String) -> [String] { projects[projectID]?.serviceAccounts.ids ?? [] }
}
