import APICore
import CloudflareAPI
import Foundation

/// The Cloudflare fake's state: seeded data and every mutation the v4 API makes (the request log is the
/// server's, `DemoRequestLog`, shared by every provider).
///
/// Handlers go through it for every read and write; tests use its inspection methods.
public actor CloudflareStore {
    /// Id of the big account ("Acme Corp").
    public nonisolated let bigAccountID: String
    /// Id of the user token the demo session signs in with.
    public nonisolated let loginTokenID: String
    /// Id of the demo user.
    public nonisolated let userID: String
    /// Email of the demo user (for `X-Auth-Email`).
    public nonisolated let userEmail: String
    /// The user's global API key (for `X-Auth-Key`).
    public nonisolated let globalAPIKey: String
    /// The login token's current secret, readable without `await`.
    nonisolated let loginSecret: SecretCell

    var user: Cloudflare.User
    var accounts: [String: CloudflareAccountRecord] = [:]
    /// Account ids in creation order.
    var accountOrder: [String] = []
    var tokens: [String: CloudflareTokenRecord] = [:]
    var tokenOrder: [CloudflareTokenOwner: [String]] = [:]
    /// Secret → token id.
    var secretIndex: [String: String] = [:]
    var invites: [Cloudflare.Invite]
    let permissionGroups: [Cloudflare.PermissionGroup]
    var userAuditLogs: [Cloudflare.AuditLog]
    var userSubscriptions: [Cloudflare.Subscription]
    let billingHistory: [Cloudflare.BillingHistory]
    let billingProfile: Cloudflare.BillingProfile
    /// Tenant organizations by id, and their ids with parents before children (the order `/organizations` lists).
    var organizations: [String: Cloudflare.Organization] = [:]
    var organizationOrder: [String] = []
    /// Ids of records created at run time (seeded, so runs are reproducible).
    var idGenerator: SplitMix64
    /// "Now" at run time.
    var wallClock = DemoWallClock()
    /// Plans and prices for subscription writes.
    let billing: CloudflareBillingSeeder

    init(seed data: CloudflareSeedData, configuration: DemoServerConfiguration, clock: SeedClock) {
        wallClock = DemoWallClock(frozen: configuration.frozenNow)
        bigAccountID = data.bigAccountID
        loginTokenID = data.loginTokenID
        userID = data.user.id
        userEmail = data.user.email
        globalAPIKey = data.globalAPIKey
        user = data.user
        invites = data.invites
        permissionGroups = data.permissionGroups
        userAuditLogs = data.userAuditLogs
        userSubscriptions = data.userSubscriptions
        billingHistory = data.billingHistory
        billingProfile = data.billingProfile
        idGenerator = SplitMix64(seed: configuration.seed, label: "runtime")
        billing = CloudflareBillingSeeder(clock: clock, user: data.user)
        var loginSecretValue = ""
        for organization in data.organizations {
            organizations[organization.id] = organization
            organizationOrder.append(organization.id)
        }
        for record in data.accounts {
            accounts[record.id] = record
            accountOrder.append(record.id)
        }
        for record in data.tokens {
            tokens[record.id] = record
            tokenOrder[record.owner, default: []].append(record.id)
            secretIndex[record.secret] = record.id
            if record.id == data.loginTokenID { loginSecretValue = record.secret }
        }
        loginSecret = SecretCell(loginSecretValue)
    }

    /// Seeds a store for `configuration` (the login secret and global key must already be resolved).
    init(configuration: DemoServerConfiguration, loginSecret: String, globalAPIKey: String) {
        let clock = SeedClock(now: configuration.resolvedReferenceDate)
        let seeder = CloudflareSeeder(
            seed: configuration.seed, memberCount: configuration.clampedMembers, clock: clock, loginSecret: loginSecret,
            globalAPIKey: globalAPIKey)
        self.init(seed: seeder.build(), configuration: configuration, clock: clock)
    }

    /// "Now" for records written at run time.
    func nowString() -> String { Timestamp.format(wallClock.now()) }

    /// A fresh 32-hex id.
    func newID() -> String { idGenerator.hexID() }

    /// The account with `id`, or 404.
    func accountRecord(_ id: String) throws -> CloudflareAccountRecord {
        guard let record = accounts[id] else { throw DemoAPIError.notFound }
        return record
    }

    /// Runs `body` on the stored account in place (no copy of its member list), or throws 404.
    @discardableResult
    func mutateAccount<Result>(
        _ id: String, _ body: (inout CloudflareAccountRecord) throws -> Result
    ) throws -> Result {
        guard var record = accounts.removeValue(forKey: id) else { throw DemoAPIError.notFound }
        defer { accounts[id] = record }
        return try body(&record)
    }

    /// Whether the demo user is an accepted member of the account.
    func isVisible(_ record: CloudflareAccountRecord) -> Bool {
        record.userMembership?.status?.value == .accepted
    }
}
