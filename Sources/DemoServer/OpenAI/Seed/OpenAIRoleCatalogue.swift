import APICore
import OpenAIAdminAPI

/// The organization's role catalogue: the two predefined roles (`owner`, `reader`) first, then custom ones.
enum OpenAIRoleCatalogue {
    /// `resource_type` of organization roles.
    static let resourceType = "api.organization"

    private static let specs: [(name: String, predefined: Bool, description: String, permissions: [String])] = [
        (
            "owner", true, "Full access to the organization: members, billing, keys and projects.",
            [
                "api.organization.read", "api.organization.write", "api.organization.members.write",
                "api.organization.billing.write", "api.organization.admin_keys.write",
                "api.organization.projects.write",
            ]
        ),
        ("reader", true, "Can use the organization's projects and read its settings.", ["api.organization.read"]),
        (
            "Billing Viewer", false, "Reads invoices, usage and spend limits.",
            ["api.organization.read", "api.organization.billing.read", "api.organization.usage.read"]
        ),
        (
            "Usage Analyst", false, "Reads usage and cost exports for every project.",
            ["api.organization.usage.read", "api.organization.costs.read"]
        ),
        (
            "Key Manager", false, "Creates and revokes admin and project API keys.",
            ["api.organization.read", "api.organization.admin_keys.write", "api.organization.projects.keys.write"]
        ),
        (
            "Project Creator", false, "Creates projects and manages their members.",
            ["api.organization.read", "api.organization.projects.write"]
        ),
        (
            "Security Auditor", false, "Reads audit logs, members and key metadata.",
            ["api.organization.read", "api.organization.audit_logs.read"]
        ),
        (
            "\(HostileText.red)Root\(HostileText.reset) \(HostileText.rightToLeftOverride)nimda", false,
            "\(HostileText.clearScreen)A custom role with a hostile name\(HostileText.bell)", ["api.organization.read"]
        ),
    ]

    /// The catalogue with seeded ids.
    static func roles(using rng: inout SplitMix64) -> [OpenAIAdmin.Role] {
        specs.map { spec in
            OpenAIAdmin.Role(
                id: OpenAIIdentifiers.make("role_", using: &rng), name: spec.name, permissions: spec.permissions,
                predefinedRole: spec.predefined, resourceType: resourceType, description: spec.description)
        }
    }
}
