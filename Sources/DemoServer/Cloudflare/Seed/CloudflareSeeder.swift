import APICore
import CloudflareAPI

/// Builds the seeded demo world: the user, accounts with members and roles, tokens, invites and history.
///
/// Every concern draws from its own generator (`SplitMix64(seed:label:)`), so changing the member count does
/// not change the ids of anything else.
struct CloudflareSeeder {
    let seed: UInt64
    let memberCount: Int
    let clock: SeedClock
    let loginSecret: String
    let globalAPIKey: String

    func build() -> CloudflareSeedData {
        var userRNG = SplitMix64(seed: seed, label: "user")
        let user = Cloudflare.User(
            id: userRNG.hexID(), email: "alex.morgan@example.com", firstName: "Alex", lastName: "Morgan",
            telephone: "+1 (555) 010-4477", country: "US", zipcode: "94107", betas: ["workers_ai", "r2_sippy"],
            hasProZones: true, hasBusinessZones: true, hasEnterpriseZones: true, suspended: false,
            twoFactorAuthenticationEnabled: true, twoFactorAuthenticationLocked: false)

        var groupRNG = SplitMix64(seed: seed, label: "permission-groups")
        let groups = CloudflarePermissionGroupCatalogue.groups(using: &groupRNG)
        let tokenSeeder = CloudflareTokenSeeder(groups: groups, clock: clock, userID: user.id, userEmail: user.email)
        let activity = CloudflareActivitySeeder(clock: clock, user: user)
        let billing = CloudflareBillingSeeder(clock: clock, user: user)

        let organizations = CloudflareOrganizationCatalogue.organizations(seed: seed, clock: clock)
        var accounts: [CloudflareAccountRecord] = []
        var tokens: [CloudflareTokenRecord] = []
        for (index, spec) in CloudflareAccountCatalogue.memberAccounts(bigAccountMembers: memberCount).enumerated() {
            var record = makeAccount(spec, index: index, user: user, organizations: organizations)
            var tokenRNG = SplitMix64(seed: seed, label: "account:\(index):tokens")
            let creators = record.members.prefix(40).filter { member in
                member.status?.value == .accepted
                    && member.roles?.contains { $0.name == CloudflareRoleCatalogue.superAdministrator } == true
            }.compactMap(\.email)
            let accountTokens = tokenSeeder.accountTokens(
                for: record.id, count: spec.tokens, hostile: spec.hostile, creators: [user.email] + creators,
                rng: &tokenRNG)
            tokens += accountTokens
            var activityRNG = SplitMix64(seed: seed, label: "account:\(index):activity")
            record.auditLogs = activity.accountAuditLogs(
                count: spec.auditEntries, account: record.account, actors: Array(record.members.prefix(60)),
                tokens: accountTokens.map(\.token), rng: &activityRNG)
            record.subscriptions = billing.accountSubscriptions(enterprise: spec.type == .enterprise, rng: &activityRNG)
            accounts.append(record)
        }

        var invites: [Cloudflare.Invite] = []
        var inviteRNG = SplitMix64(seed: seed, label: "invites")
        let acceptedInviteAccount = accounts.count > 1 ? accounts[1] : accounts[0]
        invites.append(
            Cloudflare.Invite(
                id: inviteRNG.hexID(), organizationID: acceptedInviteAccount.id,
                organizationName: acceptedInviteAccount.account.name,
                invitedMemberID: acceptedInviteAccount.userMemberID, invitedMemberEmail: user.email,
                invitedBy: "dana.whitfield@globex.example", invitedOn: clock.ago(days: 200, hours: 4),
                expiresOn: clock.ago(days: 193, hours: 4), organizationIsEnforcingTwofactor: false,
                roles: acceptedInviteAccount.userMembership?.roles?.compactMap(\.name), status: OpenEnum(.accepted)))
        for (offset, spec) in CloudflareAccountCatalogue.invitations.enumerated() {
            let index = CloudflareAccountCatalogue.memberAccountCount + offset
            var record = makeAccount(spec.account, index: index, user: nil, organizations: organizations)
            var memberRNG = SplitMix64(seed: seed, label: "account:\(index):invitee")
            var memberID: String? = memberRNG.hexID()
            if spec.status == .pending {
                let member = Cloudflare.Member(
                    id: memberID, email: user.email, status: OpenEnum(.pending),
                    user: .init(email: user.email, twoFactorAuthenticationEnabled: false),
                    roles: record.roles(named: spec.roles))
                record.append(member)
                record.userMemberID = member.id
            } else {
                memberID = nil
            }
            invites.append(
                Cloudflare.Invite(
                    id: inviteRNG.hexID(), organizationID: record.id, organizationName: record.account.name,
                    invitedMemberID: memberID, invitedMemberEmail: user.email, invitedBy: spec.invitedBy,
                    invitedOn: clock.ago(days: spec.invitedDaysAgo, hours: offset + 1),
                    expiresOn: clock.ahead(days: spec.expiresInDays - spec.invitedDaysAgo),
                    organizationIsEnforcingTwofactor: spec.enforcesTwoFactor, roles: spec.roles,
                    status: OpenEnum(spec.status)))
            accounts.append(record)
        }

        // Hand-written people shared with the other providers, after every generated member.
        appendCrossProviderPeople(to: &accounts)

        var userTokenRNG = SplitMix64(seed: seed, label: "user-tokens")
        let userTokens = tokenSeeder.userTokens(
            loginSecret: loginSecret, accountIDs: accounts.map(\.id), rng: &userTokenRNG)

        var historyRNG = SplitMix64(seed: seed, label: "user-activity")
        return CloudflareSeedData(
            user: user, globalAPIKey: globalAPIKey, accounts: accounts, bigAccountID: accounts[0].id,
            tokens: userTokens.records + tokens, loginTokenID: userTokens.loginTokenID, invites: invites,
            permissionGroups: groups,
            userAuditLogs: activity.userAuditLogs(
                count: 140, accountIDs: accounts.prefix(CloudflareAccountCatalogue.memberAccountCount).map(\.id),
                rng: &historyRNG),
            userSubscriptions: billing.userSubscriptions(rng: &historyRNG),
            billingHistory: billing.history(months: 24, rng: &historyRNG),
            billingProfile: billing.profile(rng: &historyRNG), organizations: organizations)
    }

    private func makeAccount(
        _ spec: CloudflareAccountCatalogue.AccountSpec, index: Int, user: Cloudflare.User?,
        organizations: [Cloudflare.Organization]
    ) -> CloudflareAccountRecord {
        var idRNG = SplitMix64(seed: seed, label: "account:\(index)")
        let id = idRNG.hexID()
        var roleRNG = SplitMix64(seed: seed, label: "account:\(index):roles")
        let organization = spec.managedBy.flatMap { name in organizations.first { $0.name == name } }
        let account = Cloudflare.Account(
            id: id, name: spec.name, type: OpenEnum(spec.type),
            createdOn: clock.ago(days: 400 + index * 97, hours: index * 5),
            settings: .init(abuseContactEmail: "abuse@\(spec.domain)", enforceTwofactor: spec.type == .enterprise),
            managedBy: organization.map { .init(parentOrgID: $0.id, parentOrgName: $0.name) })
        var record = CloudflareAccountRecord(account: account, roles: CloudflareRoleCatalogue.roles(using: &roleRNG))
        if organization != nil { record.profile = spec.profile ?? CloudflareStore.emptyProfile }
        var memberRNG = SplitMix64(seed: seed, label: "account:\(index):members")
        var userMember: Cloudflare.Member?
        if let user, let role = spec.userRole {
            userMember = Cloudflare.Member(
                id: memberRNG.hexID(), email: user.email, status: OpenEnum(.accepted),
                user: .init(
                    email: user.email, id: user.id, firstName: user.firstName, lastName: user.lastName,
                    twoFactorAuthenticationEnabled: user.twoFactorAuthenticationEnabled),
                roles: record.roles(named: [role]))
        }
        CloudflareMemberSeeder(domain: spec.domain, hostile: spec.hostile)
            .populate(&record, count: spec.members, userMember: userMember, rng: &memberRNG)
        return record
    }
}
