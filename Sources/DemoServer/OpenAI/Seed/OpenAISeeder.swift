import APICore
import OpenAIAdminAPI

/// Builds the seeded OpenAI organization: users, roles, projects, admin keys and invites in every state.
///
/// Each concern draws from its own generator (`SplitMix64(seed:label:)`), so the user count does not change
/// the ids of projects, keys or invites (only which users they point at).
struct OpenAISeeder {
    let seed: UInt64
    let userCount: Int
    let clock: SeedClock
    /// The login key's secret.
    let loginSecret: String

    /// Name of the admin key the demo session signs in with.
    static let loginKeyName = "orgtui demo (this session)"

    func build() -> OpenAISeedData {
        let now = Int(clock.now.timeIntervalSince1970)
        var organizationRNG = SplitMix64(seed: seed, label: "openai:organization")
        let organizationID = OpenAIIdentifiers.make("org-", using: &organizationRNG)
        var roleRNG = SplitMix64(seed: seed, label: "openai:roles")
        let roles = OpenAIRoleCatalogue.roles(using: &roleRNG)
        var userRNG = SplitMix64(seed: seed, label: "openai:users")
        let (users, assignments) = OpenAIUserSeeder(now: now, roles: roles).users(count: userCount, rng: &userRNG)
        var projectRNG = SplitMix64(seed: seed, label: "openai:projects")
        let projects = OpenAIProjectSeeder(now: now).projects(users: users, rng: &projectRNG)
        var keyRNG = SplitMix64(seed: seed, label: "openai:admin-keys")
        let adminKeys = adminKeys(owner: users[0], now: now, rng: &keyRNG)
        var inviteRNG = SplitMix64(seed: seed, label: "openai:invites")
        var data = OpenAISeedData(
            organizationID: organizationID, demoUserID: users[0].id, users: users, roles: roles,
            assignments: assignments,
            invites: invites(projects: projects.map(\.project), now: now, rng: &inviteRNG),
            adminKeys: adminKeys, loginKeyID: adminKeys[0].key.id, projects: projects)
        // Hand-written people shared with the other providers, after every generated record.
        appendCrossProviderPeople(to: &data, now: now)
        return data
    }

    private func adminKeys(owner: OpenAIAdmin.OrganizationUser, now: Int, rng: inout SplitMix64)
        -> [(key: OpenAIAdmin.AdminAPIKey, secret: String)]
    {
        let specs: [(name: String, createdDaysAgo: Int, lastUsedHoursAgo: Int?, expiresInDays: Int?)] = [
            (Self.loginKeyName, 0, nil, nil),
            ("terraform-admin", 320, 5, 45),
            ("billing-export", 200, 30, nil),
            ("scim-sync (okta)", 410, 0, nil),
            ("\(HostileText.red)rotate-me\(HostileText.reset)\(HostileText.bell)", 15, nil, nil),
            ("audit-log-shipper", 90, 2, 365),
            ("old-admin-script", 800, 24 * 200, -30),
        ]
        let ownerInfo = OpenAIAdmin.AdminAPIKey.Owner(
            id: owner.id, name: owner.name, type: OpenEnum(.user), role: OpenEnum(.owner),
            object: "organization.user", createdAt: owner.created)
        return specs.enumerated().map { index, spec in
            let secret = index == 0 ? loginSecret : OpenAIKeySecrets.adminKey()
            let key = OpenAIAdmin.AdminAPIKey(
                id: OpenAIIdentifiers.make("key_", length: 16, using: &rng),
                createdAt: now - spec.createdDaysAgo * 86_400 - rng.int(in: 0...3_600),
                redactedValue: OpenAIKeySecrets.redacted(secret), owner: ownerInfo, name: spec.name,
                expiresAt: spec.expiresInDays.map { now + $0 * 86_400 },
                lastUsedAt: spec.lastUsedHoursAgo.map { now - $0 * 3_600 - rng.int(in: 0...3_000) })
            return (key, secret)
        }
    }

    private func invites(projects: [OpenAIAdmin.Project], now: Int, rng: inout SplitMix64) -> [OpenAIAdmin.Invite] {
        let active = projects.filter { $0.status?.value != .archived }
        typealias Spec = (
            email: String, role: OpenAIAdmin.OrganizationRole, status: OpenAIAdmin.InviteStatus, daysAgo: Int
        )
        let specs: [Spec] = [
            ("new.hire@acme-ai.example", .reader, .pending, 1),
            ("contractor@partner.example", .reader, .pending, 3),
            ("cfo@acme-ai.example", .owner, .pending, 5),
            ("\(HostileText.clearScreen)phish\(HostileText.bell)@evil.example", .reader, .pending, 2),
            ("intern.2024@acme-ai.example", .reader, .expired, 40),
            ("old.vendor@vendor.example", .reader, .expired, 120),
            ("priya.patel@\(OpenAIUserSeeder.domain)", .reader, .accepted, 300),
            ("kenji.tanaka@\(OpenAIUserSeeder.domain)", .owner, .accepted, 500),
            ("jordan.smith@\(OpenAIUserSeeder.domain)", .reader, .accepted, 650),
        ]
        return specs.enumerated().map { index, spec in
            let createdAt = now - spec.daysAgo * 86_400 - rng.int(in: 0...3_600)
            let projects: [OpenAIAdmin.InviteProject] =
                index % 3 == 2 || active.isEmpty
                ? [] : [OpenAIAdmin.InviteProject(id: active[index % active.count].id, role: OpenEnum(.member))]
            return OpenAIAdmin.Invite(
                id: OpenAIIdentifiers.make("invite-", using: &rng), email: spec.email, role: OpenEnum(spec.role),
                status: OpenEnum(spec.status), createdAt: createdAt, projects: projects,
                expiresAt: createdAt + 7 * 86_400,
                acceptedAt: spec.status == .accepted ? createdAt + rng.int(in: 600...(3 * 86_400)) : nil)
        }
    }
}
