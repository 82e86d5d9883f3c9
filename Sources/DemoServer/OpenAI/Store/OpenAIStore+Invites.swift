import APICore
import Foundation
import OpenAIAdminAPI

extension OpenAIStore {
    /// How long a new invite stays pending.
    static let inviteLifetime = 7 * 86_400

    /// A page of the invites, oldest first.
    func listInvites(_ query: OpenAIListQuery) throws -> OpenAIEncodedPage { try query.page(of: &invites) }

    /// One invite, or 404.
    func invite(_ id: String) throws -> OpenAIAdmin.Invite {
        guard let invite = invites.record(id) else { throw OpenAIAPIError.notFound("invite", id: id) }
        return invite
    }

    /// Invites a person: `projects` nil joins the default project as a member, `[]` joins none.
    func createInvite(_ body: OpenAIAdmin.InviteCreate) throws -> OpenAIAdmin.Invite {
        let email = body.email.trimmingCharacters(in: .whitespaces)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw OpenAIAPIError.invalid("Invalid 'email': '\(body.email)' is not an email address.", param: "email")
        }
        guard body.role.value != nil else {
            throw OpenAIAPIError.invalid(
                "Invalid 'role': expected one of reader, owner, but got '\(body.role.rawValue)' instead.",
                param: "role", code: "invalid_value")
        }
        let lowered = email.lowercased()
        if users.records.contains(where: { $0.email?.lowercased() == lowered }) {
            throw OpenAIAPIError.invalid("\(email) is already a member of this organization.", param: "email")
        }
        if invites.records.contains(where: { $0.email.lowercased() == lowered && $0.status.value == .pending }) {
            throw OpenAIAPIError.invalid("\(email) already has a pending invite.", param: "email")
        }
        let projects =
            try body.projects.map(validatedInviteProjects)
            ?? [OpenAIAdmin.InviteProject(id: defaultProjectID, role: OpenEnum(.member))]
        let now = now()
        let invite = OpenAIAdmin.Invite(
            id: newID("invite-"), email: email, role: body.role, status: OpenEnum(.pending), createdAt: now,
            projects: projects, expiresAt: now + Self.inviteLifetime)
        invites.append(invite)
        return invite
    }

    /// Withdraws an invite that has not been accepted.
    func deleteInvite(_ id: String) throws -> OpenAIAdmin.DeletedObject {
        let invite = try invite(id)
        guard invite.status.value != .accepted else {
            throw OpenAIAPIError.invalid("Invite \(id) has already been accepted and cannot be deleted.")
        }
        invites.remove(id)
        return OpenAIAdmin.DeletedObject(id: id, object: "organization.invite.deleted", deleted: true)
    }

    private func validatedInviteProjects(_ projects: [OpenAIAdmin.InviteProject]) throws -> [OpenAIAdmin.InviteProject]
    {
        try projects.enumerated().map { index, project in
            guard let record = self.projects[project.id] else {
                var error = OpenAIAPIError.notFound("project", id: project.id)
                error.param = "projects[\(index)].id"
                throw error
            }
            guard !record.isArchived else {
                throw OpenAIAPIError.invalid("Project \(project.id) is archived.", param: "projects[\(index)].id")
            }
            guard project.role.value != nil else {
                throw OpenAIAPIError.invalid(
                    "Invalid 'projects[\(index)].role': expected one of member, owner, but got "
                        + "'\(project.role.rawValue)' instead.", param: "projects[\(index)].role", code: "invalid_value"
                )
            }
            return project
        }
    }
}
