import APICore
import CloudflareAPI

/// Generates audit log entries: the user's (v1, page-numbered) and each account's (v2, cursor-paginated).
struct CloudflareActivitySeeder {
    let clock: SeedClock
    let user: Cloudflare.User

    private static let ips = ["198.51.100.23", "203.0.113.54", "192.0.2.77", "2001:db8::1f", "198.51.100.120"]
    private static let zones = ["acme.example", "shop.acme.example", "blog.acme.example", "status.acme.example"]
    private static let userAgents = [
        "Cloudflare/Python 5.9.0", "orgtui/0.1", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)", "terraform/1.9.5",
    ]

    /// `count` entries of the user's audit log, newest first, spread over the last 90 days.
    func userAuditLogs(count: Int, accountIDs: [String], rng: inout SplitMix64) -> [Cloudflare.AuditLog] {
        let actions: [(type: String, resource: String)] = [
            ("login", "user"), ("token_create", "api_token"), ("token_roll", "api_token"),
            ("token_update", "api_token"), ("add", "dns_record"), ("rec_set", "dns_record"),
            ("delete", "dns_record"), ("member_invite", "membership"), ("purge", "cache"),
            ("zone_settings_update", "zone"),
        ]
        var minutesAgo = 7
        return (0..<count).map { _ in
            minutesAgo += rng.int(in: 20...(90 * 24 * 60 / max(count, 1)))
            let action = rng.pick(actions)
            let failed = rng.chance(0.04)
            return Cloudflare.AuditLog(
                id: uuid(&rng),
                action: .init(type: action.type, result: !failed),
                actor: .init(id: user.id, email: user.email, ip: rng.pick(Self.ips), type: "user"),
                interface: rng.chance(0.6) ? "API" : "UI",
                metadata: .object(["zone_name": .string(rng.pick(Self.zones))]),
                newValue: action.resource == "dns_record" ? "{\"ttl\":300}" : nil,
                oldValue: action.resource == "dns_record" ? "{\"ttl\":3600}" : nil,
                owner: .init(id: accountIDs.isEmpty ? user.id : rng.pick(accountIDs)),
                resource: .init(id: rng.hexID(), type: action.resource),
                when: clock.ago(minutes: minutesAgo))
        }
    }

    /// `count` entries of an account's audit log, newest first, spread over the last 60 days.
    func accountAuditLogs(
        count: Int, account: Cloudflare.Account, actors: [Cloudflare.Member], tokens: [Cloudflare.Token],
        rng: inout SplitMix64
    ) -> [Cloudflare.AccountAuditLog] {
        let actions: [(type: String, product: String, resource: String, method: String, description: String)] = [
            ("create", "members", "member", "POST", "Invited a member"),
            ("update", "members", "member", "PUT", "Changed a member's roles"),
            ("delete", "members", "member", "DELETE", "Removed a member"),
            ("update", "api_tokens", "token", "PUT", "Rolled an API token"),
            ("create", "api_tokens", "token", "POST", "Created an API token"),
            ("view", "api_tokens", "token", "GET", "Listed API tokens"),
            ("create", "dns_records", "dns_record", "POST", "Created a DNS record"),
            ("update", "workers", "script", "PUT", "Deployed a Worker"),
            ("update", "account", "account", "PUT", "Updated account settings"),
        ]
        var secondsAgo = 30
        return (0..<count).map { _ in
            secondsAgo += rng.int(in: 60...(60 * 24 * 3600 / max(count, 1)))
            let action = rng.pick(actions)
            let failed = rng.chance(0.05)
            let viaToken = rng.chance(0.45) && !tokens.isEmpty
            let token = viaToken ? rng.pick(tokens) : nil
            let actor = actors.isEmpty ? nil : rng.pick(actors)
            let ray = SplitMix64.hex(rng.next())
            return Cloudflare.AccountAuditLog(
                id: uuid(&rng),
                account: .init(id: account.id, name: account.name),
                action: .init(
                    description: action.description, result: failed ? "failure" : "success",
                    time: clock.ago(seconds: secondsAgo), type: action.type),
                actor: .init(
                    id: actor?.user?.id ?? user.id, context: viaToken ? "api_token" : "dash",
                    email: actor?.user?.email ?? user.email, ipAddress: rng.pick(Self.ips), tokenID: token?.id,
                    tokenName: token?.name, type: "user"),
                raw: .init(
                    cfRayID: ray, method: action.method, statusCode: failed ? 403 : 200,
                    uri: "/client/v4/accounts/\(account.id)/\(action.product)", userAgent: rng.pick(Self.userAgents)),
                resource: .init(
                    id: rng.hexID(), product: action.product, type: action.resource,
                    scope: .object(["type": .string("accounts"), "id": .string(account.id)])),
                zone: action.product == "dns_records" ? .init(id: rng.hexID(), name: rng.pick(Self.zones)) : nil)
        }
    }

    /// A UUID-shaped id (audit logs use those, not 32-hex ids).
    private func uuid(_ rng: inout SplitMix64) -> String {
        let hex = rng.hexID()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return parts.joined(separator: "-")
    }
}
