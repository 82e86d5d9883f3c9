import APICore
import CloudflareAPI

/// Generates user and account API tokens in every status, with policies, conditions and usage times.
struct CloudflareTokenSeeder {
    let groups: [Cloudflare.PermissionGroup]
    let clock: SeedClock
    let userID: String
    let userEmail: String

    /// Name of the token the demo session signs in with.
    static let loginTokenName = "orgtui demo (this session)"

    /// What one seeded token looks like; days are relative to now (negative `expiresIn` is in the past).
    struct Spec {
        var name: String
        var status: Cloudflare.TokenStatus = .active
        var issuedDaysAgo: Int
        var lastUsedHoursAgo: Int? = nil
        var expiresInDays: Int? = nil
        var ipIn: [String]? = nil
        var ipNotIn: [String]? = nil
        var grants: [(groups: [String], resources: [String: JSONValue])]
    }

    /// Tokens owned by `account`: `count` of them, in every status, with hostile names when asked.
    func accountTokens(
        for accountID: String, count: Int, hostile: Bool, creators: [String], rng: inout SplitMix64
    ) -> [CloudflareTokenRecord] {
        var specs: [Spec] = [
            Spec(
                name: "github-actions deploy", issuedDaysAgo: 120, lastUsedHoursAgo: 1, ipIn: ["192.0.2.0/24"],
                grants: [(["Workers Scripts Write", "Pages Write"], account(accountID))]),
            Spec(
                name: "terraform", issuedDaysAgo: 300, lastUsedHoursAgo: 20,
                grants: [(["Zone Write", "DNS Write"], zones(of: accountID))]),
            Spec(
                name: "log-push", status: .disabled, issuedDaysAgo: 400, lastUsedHoursAgo: 90 * 24,
                grants: [(["Logs Write"], zones(of: accountID))]),
            Spec(
                name: "monitoring (datadog)", issuedDaysAgo: 210, lastUsedHoursAgo: 0,
                grants: [(["Account Analytics Read"], account(accountID))]),
            Spec(
                name: "old-integration", status: .expired, issuedDaysAgo: 700, lastUsedHoursAgo: 400 * 24,
                expiresInDays: -365, grants: [(["Account Settings Read"], account(accountID))]),
            Spec(
                name: "backup-job", issuedDaysAgo: 90, lastUsedHoursAgo: 8, expiresInDays: 30,
                grants: [(["Workers R2 Storage Write"], account(accountID))]),
            Spec(
                name: "api-token-manager", issuedDaysAgo: 15,
                grants: [(["Account API Tokens Write"], account(accountID))]),
        ]
        if hostile {
            specs.append(
                Spec(
                    name: "\(HostileText.clearScreen)deploy\(HostileText.bell)", issuedDaysAgo: 4, lastUsedHoursAgo: 3,
                    grants: [(["Pages Write"], account(accountID))]))
            specs.append(
                Spec(
                    name: "\(HostileText.cjk) bot", status: .disabled, issuedDaysAgo: 40,
                    grants: [(["Zone Read"], zones(of: accountID))]))
        }
        return specs.prefix(max(count, 0)).map { spec in
            let creator = creators.isEmpty ? userEmail : rng.pick(creators)
            return record(
                spec, owner: .account(accountID), creator: creator, secret: SecretGenerator.tokenSecret(), rng: &rng)
        }
    }

    func record(
        _ spec: Spec, owner: CloudflareTokenOwner, creator: String?, secret: String, rng: inout SplitMix64
    ) -> CloudflareTokenRecord {
        let issuedMinutes = spec.issuedDaysAgo * 24 * 60 + rng.int(in: 5...600)
        let modifiedMinutes = max(issuedMinutes - rng.int(in: 0...(spec.issuedDaysAgo * 12 * 60)), 1)
        var condition: Cloudflare.TokenCondition?
        if spec.ipIn != nil || spec.ipNotIn != nil {
            condition = Cloudflare.TokenCondition(requestIP: .init(in: spec.ipIn, notIn: spec.ipNotIn))
        }
        let policies = spec.grants.map { grant in
            Cloudflare.TokenPolicy(
                id: rng.hexID(), effect: OpenEnum(.allow), permissionGroups: references(grant.groups),
                resources: grant.resources)
        }
        let token = Cloudflare.Token(
            id: rng.hexID(), name: spec.name, status: OpenEnum(spec.status),
            issuedOn: clock.ago(minutes: issuedMinutes), modifiedOn: clock.ago(minutes: modifiedMinutes),
            lastUsedOn: spec.lastUsedHoursAgo.map { clock.ago(hours: $0, minutes: rng.int(in: 1...50)) },
            notBefore: nil, expiresOn: spec.expiresInDays.map { clock.ahead(days: $0) }, condition: condition,
            policies: policies, creatorEmailAtCreation: creator)
        return CloudflareTokenRecord(token: token, secret: secret, owner: owner)
    }

    private func references(_ names: [String]) -> [Cloudflare.PermissionGroupReference] {
        names.compactMap { name in
            groups.first { $0.name == name }.flatMap { group in
                group.id.map { Cloudflare.PermissionGroupReference(id: $0, name: group.name) }
            }
        }
    }

    func account(_ id: String) -> [String: JSONValue] {
        ["com.cloudflare.api.account.\(id)": .string("*")]
    }

    func zones(of accountID: String) -> [String: JSONValue] {
        ["com.cloudflare.api.account.\(accountID)": .object(["com.cloudflare.api.account.zone.*": .string("*")])]
    }

    func zone(_ zoneID: String) -> [String: JSONValue] {
        ["com.cloudflare.api.account.zone.\(zoneID)": .string("*")]
    }
}
