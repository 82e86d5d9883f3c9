import APICore
import OpenAIAdminAPI

extension OpenAISeeder {
    /// User ids of the people (hand-written: no seeded generator is drawn for them).
    private static let crossProviderUserIDs = [
        CrossProviderPeople.jordan.key: "user-Uz4zodxFwBqVDkMOQFhIeHLe",
        CrossProviderPeople.priya.key: "user-IAqAboBdiCWV3Rqx7PDDYGEf",
    ]

    /// Key ids by key name.
    private static let crossProviderKeyIDs = [
        "jordan-laptop": "key_fRxPJBGtVUlYSFYH",
        "jordan-notebook": "key_t8xiWouRXFfmN99Q",
    ]

    /// Invite ids by person.
    private static let crossProviderInviteIDs = [CrossProviderPeople.sam.key: "invite-KQiEVzsLTZMWe9WzDIkQ84em"]

    /// Removes the last generated user, with their role assignments, project memberships and project keys.
    private static func removeLastUser(from data: inout OpenAISeedData) {
        let removed = data.users.removeLast().id
        data.assignments[removed] = nil
        for index in data.projects.indices {
            _ = data.projects[index].users.remove(removed)
            for key in data.projects[index].apiKeys.records where key.owner.user?.id == removed {
                _ = data.projects[index].apiKeys.remove(key.id)
            }
        }
    }

    /// Puts the cross-provider people in place of the last generated users; appends their project memberships, keys
    /// and invites.
    func appendCrossProviderPeople(to data: inout OpenAISeedData, now: Int) {
        let day = 86_400
        var added: [String: OpenAIAdmin.OrganizationUser] = [:]
        // In place of the last generated users (and what was theirs): the count stays as configured.
        for _ in CrossProviderPeople.openAIUsers where data.users.count > 1 { Self.removeLastUser(from: &data) }
        for spec in CrossProviderPeople.openAIUsers {
            guard let id = Self.crossProviderUserIDs[spec.person.key] else { continue }
            let addedAt = now - spec.addedDaysAgo * day
            let lastKeyUse = CrossProviderPeople.openAIKeys.filter { $0.person == spec.person }
                .compactMap(\.lastUsedDaysAgo).min().map { now - $0 * day }
            let user = OpenAIAdmin.OrganizationUser(
                id: id, addedAt: addedAt, email: spec.email, name: spec.person.name, role: OpenEnum(spec.role),
                created: addedAt - 30 * day, apiKeyLastUsedAt: lastKeyUse, isDefault: false, isServiceAccount: false,
                isScimManaged: false)
            data.users.append(user)
            data.assignments[id] =
                data.roles.first { $0.predefinedRole && $0.name == spec.role.rawValue }.map { [$0.id] } ?? []
            added[spec.person.key] = user
            if let role = spec.firstProjectRole, !data.projects.isEmpty {
                let projectCreated = data.projects[0].project.createdAt
                data.projects[0].users.append(
                    OpenAIAdmin.ProjectUser(
                        id: id, addedAt: max(addedAt, projectCreated) + day, role: role, email: spec.email,
                        name: spec.person.name))
            }
        }
        for spec in CrossProviderPeople.openAIKeys {
            guard let owner = added[spec.person.key], let keyID = Self.crossProviderKeyIDs[spec.name] else { continue }
            let createdAt = now - spec.createdDaysAgo * day
            let lastUsedAt = spec.lastUsedDaysAgo.map { now - $0 * day }
            if let project = spec.project {
                guard data.projects.indices.contains(project) else { continue }
                let role = data.projects[project].users.record(owner.id)?.role
                let secret = OpenAIKeySecrets.projectKey()
                data.projects[project].apiKeys.append(
                    OpenAIAdmin.ProjectAPIKey(
                        id: keyID, name: spec.name, createdAt: createdAt,
                        redactedValue: OpenAIKeySecrets.redacted(secret), ownerProjectAccess: OpenEnum(.active),
                        lastUsedAt: lastUsedAt,
                        owner: .init(
                            type: OpenEnum(.user),
                            user: .init(
                                id: owner.id, email: owner.email, name: owner.name, role: role,
                                createdAt: owner.created))))
            } else {
                let secret = OpenAIKeySecrets.adminKey()
                let key = OpenAIAdmin.AdminAPIKey(
                    id: keyID, createdAt: createdAt, redactedValue: OpenAIKeySecrets.redacted(secret),
                    owner: .init(
                        id: owner.id, name: owner.name, type: OpenEnum(.user), role: owner.role,
                        object: "organization.user", createdAt: owner.created),
                    name: spec.name, expiresAt: nil, lastUsedAt: lastUsedAt)
                data.adminKeys.append((key, secret))
            }
        }
        for spec in CrossProviderPeople.openAIInvites {
            guard let id = Self.crossProviderInviteIDs[spec.person.key] else { continue }
            let createdAt = now - spec.createdDaysAgo * day
            data.invites.append(
                OpenAIAdmin.Invite(
                    id: id, email: spec.email, role: OpenEnum(spec.role), status: OpenEnum(spec.status),
                    createdAt: createdAt, projects: [], expiresAt: createdAt + OpenAIStore.inviteLifetime,
                    acceptedAt: nil))
        }
    }
}
