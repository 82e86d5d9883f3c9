import APICore
import CloudflareAPI

/// The token permission groups (`GET …/tokens/permission_groups`).
enum CloudflarePermissionGroupCatalogue {
    private static let account = "com.cloudflare.api.account"
    private static let zone = "com.cloudflare.api.account.zone"
    private static let user = "com.cloudflare.api.user"
    private static let bucket = "com.cloudflare.edge.r2.bucket"

    private static let entries: [(name: String, category: String, scope: String)] = [
        ("Account Settings Read", "account_and_billing", account),
        ("Account Settings Write", "account_and_billing", account),
        ("Account API Tokens Read", "account_and_billing", account),
        ("Account API Tokens Write", "account_and_billing", account),
        ("Memberships Read", "account_and_billing", user),
        ("Memberships Write", "account_and_billing", user),
        ("API Tokens Read", "account_and_billing", user),
        ("API Tokens Write", "account_and_billing", user),
        ("User Details Read", "account_and_billing", user),
        ("User Details Write", "account_and_billing", user),
        ("Billing Read", "account_and_billing", account),
        ("Billing Write", "account_and_billing", account),
        ("Account Analytics Read", "analytics_and_logs", account),
        ("Analytics Read", "analytics_and_logs", zone),
        ("Logs Read", "analytics_and_logs", zone),
        ("Logs Write", "analytics_and_logs", zone),
        ("Zone Read", "dns_and_zones", zone),
        ("Zone Write", "dns_and_zones", zone),
        ("DNS Read", "dns_and_zones", zone),
        ("DNS Write", "dns_and_zones", zone),
        ("Cache Purge", "cache_and_performance", zone),
        ("SSL and Certificates Read", "app_security", zone),
        ("SSL and Certificates Write", "app_security", zone),
        ("Firewall Services Read", "app_security", zone),
        ("Firewall Services Write", "app_security", zone),
        ("Workers Scripts Read", "developer_platform", account),
        ("Workers Scripts Write", "developer_platform", account),
        ("Workers KV Storage Read", "developer_platform", account),
        ("Workers KV Storage Write", "developer_platform", account),
        ("Workers R2 Storage Read", "developer_platform", account),
        ("Workers R2 Storage Write", "developer_platform", account),
        ("Workers R2 Storage Bucket Item Read", "developer_platform", bucket),
        ("Workers R2 Storage Bucket Item Write", "developer_platform", bucket),
        ("Pages Write", "developer_platform", account),
        ("D1 Write", "developer_platform", account),
        ("Workers AI Read", "ai_and_machine_learning", account),
        ("Access: Apps and Policies Write", "cloudflare_one_and_zero_trust", account),
        ("Zero Trust Read", "cloudflare_one_and_zero_trust", account),
        ("Email Routing Rules Write", "email_and_messaging", zone),
        ("Stream Write", "media", account),
        ("Magic Transit Write", "network_services", account),
        ("Load Balancing: Monitors and Pools Write", "rules_and_configuration", account),
    ]

    /// The catalogue, with ids drawn from `rng`.
    static func groups(using rng: inout SplitMix64) -> [Cloudflare.PermissionGroup] {
        entries.map { entry in
            Cloudflare.PermissionGroup(
                id: rng.hexID(), name: entry.name, isSelectable: true, category: entry.category, scopes: [entry.scope])
        }
    }
}
