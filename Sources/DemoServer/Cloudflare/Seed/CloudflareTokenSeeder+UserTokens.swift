import APICore
import CloudflareAPI

extension CloudflareTokenSeeder {
    /// The user's tokens, the login token first; returns its id too.
    func userTokens(loginSecret: String, accountIDs: [String], rng: inout SplitMix64) -> (
        records: [CloudflareTokenRecord], loginTokenID: String
    ) {
        let acme = accountIDs.first ?? ""
        let globex = accountIDs.dropFirst().first ?? acme
        let everyAccount: [String: JSONValue] = ["com.cloudflare.api.account.*": .string("*")]
        let user: [String: JSONValue] = ["com.cloudflare.api.user.\(userID)": .string("*")]
        let acmeZones = zones(of: acme)
        let specs: [Spec] = [
            Spec(
                name: Self.loginTokenName, issuedDaysAgo: 0,
                grants: [
                    (["Account Settings Write", "Account API Tokens Write", "Billing Read"], everyAccount),
                    (["API Tokens Write", "Memberships Write", "User Details Write"], user),
                ]),
            Spec(
                name: "ci-deploy", issuedDaysAgo: 210, lastUsedHoursAgo: 2, expiresInDays: 90,
                ipIn: ["192.0.2.0/24"], ipNotIn: ["192.0.2.13/32"],
                grants: [(["Workers Scripts Write", "Pages Write"], account(acme))]),
            Spec(
                name: "terraform-prod", issuedDaysAgo: 400, lastUsedHoursAgo: 26,
                grants: [(["Zone Write", "DNS Write", "Firewall Services Write"], acmeZones)]),
            Spec(
                name: "dns-updater (home lab)", issuedDaysAgo: 30, lastUsedHoursAgo: 0, ipIn: ["198.51.100.7/32"],
                grants: [(["DNS Write"], zone(rng.hexID()))]),
            Spec(name: "grafana-readonly", issuedDaysAgo: 12, grants: [(["Analytics Read"], acmeZones)]),
            Spec(
                name: "old-laptop", status: .disabled, issuedDaysAgo: 800, lastUsedHoursAgo: 300 * 24,
                grants: [(["Zone Read", "DNS Read"], zones(of: globex))]),
            Spec(
                name: "legacy-worker-deploy", status: .expired, issuedDaysAgo: 500, lastUsedHoursAgo: 25 * 24,
                expiresInDays: -20, grants: [(["Workers Scripts Write"], account(acme))]),
            Spec(
                name: "cert-manager (staging)", status: .expired, issuedDaysAgo: 380, lastUsedHoursAgo: 6 * 24,
                expiresInDays: -5, grants: [(["Zone Read", "DNS Write"], zones(of: globex))]),
            Spec(
                name: "\(HostileText.red)red alert\(HostileText.reset) token", issuedDaysAgo: 3,
                grants: [(["Zone Read"], acmeZones)]),
            Spec(
                name: "\(HostileText.osc52)clipboard-helper", status: .disabled, issuedDaysAgo: 45,
                grants: [(["User Details Read"], user)]),
            Spec(
                name: "backup\(HostileText.rightToLeftOverride)txt.exe", issuedDaysAgo: 60, lastUsedHoursAgo: 48,
                grants: [(["Workers R2 Storage Write"], account(acme))]),
            Spec(name: HostileText.longName, issuedDaysAgo: 90, grants: [(["Account Settings Read"], account(acme))]),
            Spec(
                name: "\(HostileText.cjk) deploy", issuedDaysAgo: 20, lastUsedHoursAgo: 5,
                grants: [(["Pages Write"], account(acme))]),
            Spec(
                name: "zero\(HostileText.zeroWidthJoiner)width\(HostileText.bell)", status: .expired,
                issuedDaysAgo: 200, expiresInDays: -100, grants: [(["Zone Read"], acmeZones)]),
            Spec(
                name: "wrangler (laptop)", issuedDaysAgo: 150, lastUsedHoursAgo: 72,
                grants: [(["Workers Scripts Write", "Workers KV Storage Write", "D1 Write"], account(acme))]),
            Spec(
                name: "r2-backup-bucket", issuedDaysAgo: 75, lastUsedHoursAgo: 1,
                grants: [
                    (
                        ["Workers R2 Storage Bucket Item Write"],
                        ["com.cloudflare.edge.r2.bucket.\(acme)_default_nightly-backups": .string("*")]
                    )
                ]),
            Spec(
                name: "pages-preview", status: .disabled, issuedDaysAgo: 33, lastUsedHoursAgo: 30 * 24,
                grants: [(["Pages Write"], account(globex))]),
            Spec(
                name: "analytics-export", issuedDaysAgo: 58, lastUsedHoursAgo: 12, expiresInDays: 7,
                grants: [(["Account Analytics Read"], account(acme)), (["Logs Read"], acmeZones)]),
            Spec(
                name: "incident-2024-bot", status: .expired, issuedDaysAgo: 320, lastUsedHoursAgo: 280 * 24,
                expiresInDays: -270, grants: [(["Firewall Services Write"], acmeZones)]),
            Spec(
                name: "workers-ai-experiments", issuedDaysAgo: 9, lastUsedHoursAgo: 4,
                grants: [(["Workers AI Read"], account(acme))]),
            Spec(
                name: "zero-trust-sync", issuedDaysAgo: 140, lastUsedHoursAgo: 0, ipIn: ["203.0.113.0/24"],
                grants: [(["Zero Trust Read", "Access: Apps and Policies Write"], account(acme))]),
            Spec(
                name: "billing-report", issuedDaysAgo: 66, lastUsedHoursAgo: 24 * 7,
                grants: [(["Billing Read"], everyAccount)]),
        ]
        var records: [CloudflareTokenRecord] = []
        for (index, spec) in specs.enumerated() {
            let secret = index == 0 ? loginSecret : SecretGenerator.tokenSecret()
            records.append(record(spec, owner: .user, creator: nil, secret: secret, rng: &rng))
        }
        return (records, records.first?.id ?? "")
    }
}
