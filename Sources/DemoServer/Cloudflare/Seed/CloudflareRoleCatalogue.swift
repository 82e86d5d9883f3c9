import APICore
import CloudflareAPI

/// The account roles Cloudflare offers, with the permission areas each one grants.
enum CloudflareRoleCatalogue {
    /// Name of the all-powerful role.
    static let superAdministrator = "Super Administrator - All Privileges"
    /// Name of the read-only administrator role.
    static let administratorReadOnly = "Administrator Read Only"
    /// Name of the administrator role.
    static let administrator = "Administrator"

    /// The permission areas the SDK models.
    static let areas = [
        "analytics", "billing", "cache_purge", "dns", "dns_records", "lb", "logs", "organization", "ssl", "waf",
        "zone_settings", "zones",
    ]

    private struct Template {
        let name: String
        let description: String
        let read: Set<String>
        let write: Set<String>
    }

    private static let all = Set(areas)

    private static let templates: [Template] = [
        Template(
            name: superAdministrator,
            description: "Can edit any Cloudflare setting, make purchases, update billing, and manage memberships.",
            read: all, write: all),
        Template(
            name: administrator,
            description: "Can access the full account, except for membership management and billing.",
            read: all, write: all.subtracting(["billing", "organization"])),
        Template(
            name: administratorReadOnly, description: "Can access the full account in read-only mode.",
            read: all, write: []),
        Template(name: "Analytics", description: "Can read Analytics.", read: ["analytics", "zones"], write: []),
        Template(
            name: "Billing", description: "Can edit the account's billing profile and subscriptions.",
            read: ["billing", "organization"], write: ["billing"]),
        Template(
            name: "Cache Purge", description: "Can purge the edge cache.", read: ["zones"], write: ["cache_purge"]),
        Template(
            name: "DNS", description: "Can edit DNS records.", read: ["dns", "dns_records", "zones"],
            write: ["dns", "dns_records"]),
        Template(
            name: "Firewall", description: "Can edit WAF, IP Firewall, and Zone Lockdown settings.",
            read: ["waf", "zones"], write: ["waf"]),
        Template(
            name: "Load Balancer", description: "Can edit Load Balancers, Pools, Origins, and Health Checks.",
            read: ["lb", "zones"], write: ["lb"]),
        Template(name: "Log Share", description: "Can edit Log Share configuration.", read: ["logs"], write: ["logs"]),
        Template(name: "Log Share Reader", description: "Can read Enterprise Log Share.", read: ["logs"], write: []),
        Template(
            name: "SSL/TLS, Caching, Performance, Page Rules, and Customization",
            description: "Can edit most Cloudflare settings except for DNS and Firewall.",
            read: ["ssl", "zone_settings", "zones"], write: ["ssl", "zone_settings"]),
        Template(
            name: "Zone Versioning", description: "Can view and edit Zone Versioning.",
            read: ["zones", "zone_settings"], write: ["zone_settings"]),
    ]

    /// The roles of one account, with ids drawn from `rng`.
    static func roles(using rng: inout SplitMix64) -> [Cloudflare.Role] {
        templates.map { template in
            var permissions: [String: Cloudflare.RolePermission] = [:]
            for area in areas {
                permissions[area] = Cloudflare.RolePermission(
                    read: template.read.contains(area), write: template.write.contains(area))
            }
            return Cloudflare.Role(
                id: rng.hexID(), name: template.name, description: template.description, permissions: permissions)
        }
    }

    /// Legacy permission strings ("#dns_records:edit") of a set of roles, for `/user/organizations`.
    static func permissionStrings(of roles: [Cloudflare.Role]) -> [String] {
        var result = Set<String>()
        for role in roles {
            for (area, permission) in role.permissions ?? [:] {
                if permission.read == true { result.insert("#\(area):read") }
                if permission.write == true { result.insert("#\(area):edit") }
            }
        }
        return result.sorted()
    }
}
