import APICore
import CloudflareAPI

/// The seeded accounts (the user is a member of the first nine) and the invitations the user received.
enum CloudflareAccountCatalogue {
    /// One account to seed.
    struct AccountSpec {
        var name: String
        var type: Cloudflare.AccountType
        var domain: String
        var members: Int
        var userRole: String?
        var tokens: Int
        var auditEntries: Int
        var hostile = false
        /// The name of the tenant organization holding the account (see `CloudflareOrganizationCatalogue`).
        var managedBy: String? = nil
        /// The business profile of an account in an organization (an empty one when nil).
        var profile: Cloudflare.AccountProfile? = nil
    }

    /// One invitation the user received.
    struct InviteSpec {
        var account: AccountSpec
        var status: Cloudflare.InviteStatus
        var invitedBy: String
        var roles: [String]
        var invitedDaysAgo: Int
        var expiresInDays: Int
        var enforcesTwoFactor = false
    }

    /// Accounts the user is an accepted member of; the first one is the big account.
    static func memberAccounts(bigAccountMembers memberCount: Int) -> [AccountSpec] {
        [
            AccountSpec(
                name: "Acme Corp", type: .enterprise, domain: "acme-corp.example", members: memberCount,
                userRole: CloudflareRoleCatalogue.superAdministrator, tokens: 9, auditEntries: 250, hostile: true,
                managedBy: CloudflareOrganizationCatalogue.europe,
                profile: CloudflareOrganizationCatalogue.acmeProfile),
            AccountSpec(
                name: "Globex Staging", type: .standard, domain: "globex.example", members: 37,
                userRole: CloudflareRoleCatalogue.administrator, tokens: 5, auditEntries: 40),
            AccountSpec(
                name: "Initech Labs", type: .enterprise, domain: "initech.example", members: 12,
                userRole: CloudflareRoleCatalogue.superAdministrator, tokens: 3, auditEntries: 25),
            AccountSpec(
                name: "Umbrella Research", type: .standard, domain: "umbrella.example", members: 24,
                userRole: CloudflareRoleCatalogue.administratorReadOnly, tokens: 2, auditEntries: 15),
            AccountSpec(
                name: "Stark Industries Sandbox", type: .standard, domain: "stark.example", members: 7,
                userRole: CloudflareRoleCatalogue.superAdministrator, tokens: 4, auditEntries: 10),
            AccountSpec(
                name: "Wayne Enterprises DR", type: .enterprise, domain: "wayne.example", members: 18,
                userRole: "DNS", tokens: 2, auditEntries: 12, managedBy: CloudflareOrganizationCatalogue.wayne),
            AccountSpec(
                name: HostileText.cjk, type: .standard, domain: "kaihatsu.example", members: 6,
                userRole: CloudflareRoleCatalogue.administrator, tokens: 2, auditEntries: 8),
            AccountSpec(
                name: HostileText.accountName, type: .standard, domain: "evil.example", members: 5,
                userRole: CloudflareRoleCatalogue.administrator, tokens: 3, auditEntries: 6),
            AccountSpec(
                name: HostileText.osc52AccountName, type: .standard, domain: "evil-corp.example", members: 4,
                userRole: CloudflareRoleCatalogue.administratorReadOnly, tokens: 1, auditEntries: 4),
        ]
    }

    /// Invitations to accounts the user is not (yet) a member of.
    static let invitations: [InviteSpec] = {
        [
            InviteSpec(
                account: AccountSpec(
                    name: "Hooli XYZ", type: .enterprise, domain: "hooli.example", members: 28, tokens: 2,
                    auditEntries: 10),
                status: .pending, invitedBy: "gavin.belson@hooli.example",
                roles: [CloudflareRoleCatalogue.administrator],
                invitedDaysAgo: 1, expiresInDays: 7, enforcesTwoFactor: true),
            InviteSpec(
                account: AccountSpec(
                    name: "Pied Piper", type: .standard, domain: "piedpiper.example", members: 9, tokens: 2,
                    auditEntries: 10),
                status: .pending, invitedBy: "richard.hendricks@piedpiper.example",
                roles: [CloudflareRoleCatalogue.administratorReadOnly], invitedDaysAgo: 3, expiresInDays: 7),
            InviteSpec(
                account: AccountSpec(
                    name: "Vandelay\(HostileText.backspace)\(HostileText.backspace)\(HostileText.clearScreen) "
                        + "Industries\(HostileText.zeroWidthJoiner)\(HostileText.osc52)",
                    type: .standard, domain: "vandelay.example", members: 5, tokens: 1, auditEntries: 4),
                status: .pending, invitedBy: "art.vandelay@vandelay.example", roles: ["DNS", "Analytics"],
                invitedDaysAgo: 2, expiresInDays: 7),
            InviteSpec(
                account: AccountSpec(
                    name: "Soylent Labs", type: .standard, domain: "soylent.example", members: 11, tokens: 1,
                    auditEntries: 4),
                status: .expired, invitedBy: "sol.roth@soylent.example", roles: ["Billing"], invitedDaysAgo: 10,
                expiresInDays: 7),
        ]
    }()

    /// How many accounts the user is an accepted member of.
    static let memberAccountCount = memberAccounts(bigAccountMembers: 1).count
}
