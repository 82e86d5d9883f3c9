import APICore
import OpenAIAdminAPI

/// Generates projects (a big one, an archived one, a hostile one) with members, service accounts and keys.
struct OpenAIProjectSeeder {
    let now: Int

    private struct Spec {
        var name: String
        var createdDaysAgo: Int
        /// Members are every `stride`-th user, at most `members` of them.
        var stride: Int
        var members: Int
        var serviceAccounts: [String]
        var archivedDaysAgo: Int? = nil
        var residency: OpenAIAdmin.Residency? = nil
    }

    private static let specs: [Spec] = [
        Spec(name: "Default Project", createdDaysAgo: 1_000, stride: 1, members: 60, serviceAccounts: []),
        Spec(
            name: "Production API", createdDaysAgo: 700, stride: 2, members: 450,
            serviceAccounts: ["ci-deploy", "batch-inference", "\(HostileText.osc52)exfil-bot"],
            residency: .usStorageProcessing),
        Spec(name: "Staging", createdDaysAgo: 500, stride: 7, members: 40, serviceAccounts: ["staging-smoke-tests"]),
        Spec(
            name: "Research Sandbox (2023)", createdDaysAgo: 900, stride: 11, members: 12,
            serviceAccounts: ["legacy-etl"], archivedDaysAgo: 200),
        Spec(
            name: "\(HostileText.cjk) \(HostileText.clearScreen)実験\(HostileText.bell)", createdDaysAgo: 60, stride: 13,
            members: 6, serviceAccounts: [], residency: .jpStorageProcessing),
    ]

    private static let keyNames = ["laptop", "notebook", "eval-harness", "prod-backend", "cron", "jupyter", "ci"]

    /// The projects, the default one first; `users` are the organization's users in list order.
    func projects(users: [OpenAIAdmin.OrganizationUser], rng: inout SplitMix64) -> [OpenAIProjectRecord] {
        Self.specs.map { spec in
            let createdAt = now - spec.createdDaysAgo * 86_400
            var record = OpenAIProjectRecord(
                project: OpenAIAdmin.Project(
                    id: OpenAIIdentifiers.make("proj_", using: &rng), createdAt: createdAt, name: spec.name,
                    status: OpenEnum(spec.archivedDaysAgo == nil ? .active : .archived),
                    archivedAt: spec.archivedDaysAgo.map { now - $0 * 86_400 },
                    residency: spec.residency.map(OpenEnum.init)))
            let members = stride(from: 0, to: users.count, by: spec.stride).prefix(spec.members).map { users[$0] }
            for (offset, user) in members.enumerated() {
                let role = offset == 0 || rng.int(in: 0...99) < 8 ? "owner" : "member"
                let projectUser = OpenAIAdmin.ProjectUser(
                    id: user.id, addedAt: max(user.addedAt, createdAt) + rng.int(in: 0...86_400), role: role,
                    email: user.email, name: user.name)
                record.users.append(projectUser)
                if offset % 8 == 0, record.apiKeys.count < 40 {
                    record.apiKeys.append(userKey(for: projectUser, user: user, rng: &rng))
                }
            }
            for (offset, name) in spec.serviceAccounts.enumerated() {
                let account = OpenAIAdmin.ServiceAccount(
                    id: OpenAIIdentifiers.make("svc_acct_", using: &rng), name: name,
                    createdAt: createdAt + rng.int(in: 86_400...(30 * 86_400)),
                    role: OpenEnum(offset == 0 ? .owner : .member))
                record.serviceAccounts.append(account)
                record.apiKeys.append(serviceAccountKey(for: account, rng: &rng))
            }
            return record
        }
    }

    private func userKey(
        for member: OpenAIAdmin.ProjectUser, user: OpenAIAdmin.OrganizationUser, rng: inout SplitMix64
    ) -> OpenAIAdmin.ProjectAPIKey {
        let createdAt = member.addedAt + rng.int(in: 0...(20 * 86_400))
        return OpenAIAdmin.ProjectAPIKey(
            id: OpenAIIdentifiers.make("key_", length: 16, using: &rng), name: rng.pick(Self.keyNames),
            createdAt: createdAt, redactedValue: OpenAIKeySecrets.redacted(OpenAIKeySecrets.projectKey()),
            ownerProjectAccess: OpenEnum(.active),
            lastUsedAt: rng.chance(0.7) ? now - rng.int(in: 60...(30 * 86_400)) : nil,
            expiresAt: rng.chance(0.2) ? now + rng.int(in: 1...90) * 86_400 : nil,
            owner: .init(
                type: OpenEnum(.user),
                user: .init(
                    id: user.id, email: user.email ?? "", name: user.name ?? "", role: member.role,
                    createdAt: user.created ?? user.addedAt)))
    }

    private func serviceAccountKey(for account: OpenAIAdmin.ServiceAccount, rng: inout SplitMix64)
        -> OpenAIAdmin.ProjectAPIKey
    {
        OpenAIAdmin.ProjectAPIKey(
            id: OpenAIIdentifiers.make("key_", length: 16, using: &rng), name: "Secret key",
            createdAt: account.createdAt,
            redactedValue: OpenAIKeySecrets.redacted(OpenAIKeySecrets.serviceAccountKey()),
            ownerProjectAccess: OpenEnum(.active), lastUsedAt: now - rng.int(in: 60...(7 * 86_400)),
            owner: .init(
                type: OpenEnum(.serviceAccount),
                serviceAccount: .init(
                    id: account.id, name: account.name, role: account.role.rawValue, createdAt: account.createdAt)))
    }
}
