import APICore
import Foundation
import KeycardAPI

/// The seeded Keycard organizations, service accounts and credentials.
enum KeycardCatalogue {
    /// One organization to seed.
    struct OrganizationSpec {
        var name: String
        var domain: String
        /// Members besides the demo user.
        var users: Int
        /// The demo user's role; nil when the demo user is only invited.
        var userRole: Keycard.OrganizationRole?
        var serviceAccounts: [ServiceAccountSpec]
        var sso = false
        var hostile = false
    }

    /// One service account and its credentials.
    struct ServiceAccountSpec {
        var name: String
        var description: String?
        var credentials: [CredentialSpec]
    }

    /// One credential: `lastUsedDaysAgo` nil means never used.
    struct CredentialSpec {
        var name: String
        var description: String? = nil
        var lastUsedDaysAgo: Int?
        var createdDaysAgo: Int
        /// The credential whose client id and secret are the demo's client-credentials login.
        var isLogin = false
    }

    /// The issuer of the seeded SSO connection.
    static let ssoIssuer = "https://globex.okta.example/oauth2/default"

    /// The organizations; the first is the big one, the last one only invites the demo user.
    static func organizations(bigOrganizationUsers: Int) -> [OrganizationSpec] {
        [
            OrganizationSpec(
                name: "Acme Robotics", domain: "acme-robotics.example", users: bigOrganizationUsers, userRole: .admin,
                serviceAccounts: [
                    ServiceAccountSpec(
                        name: "ci-deploy", description: "GitHub Actions deploys",
                        credentials: [
                            CredentialSpec(name: "github-actions", lastUsedDaysAgo: 0, createdDaysAgo: 40),
                            CredentialSpec(name: "github-actions-2023", lastUsedDaysAgo: 95, createdDaysAgo: 400),
                            CredentialSpec(
                                name: "spare", description: "break-glass copy", lastUsedDaysAgo: nil, createdDaysAgo: 12
                            ),
                        ]),
                    ServiceAccountSpec(
                        name: "orgtui-demo", description: "The demo's client-credentials login",
                        credentials: [
                            CredentialSpec(name: "demo-login", lastUsedDaysAgo: 1, createdDaysAgo: 30, isLogin: true)
                        ]),
                    ServiceAccountSpec(
                        name: "terraform", description: "Infrastructure as code",
                        credentials: [CredentialSpec(name: "tf-cloud", lastUsedDaysAgo: 3, createdDaysAgo: 200)]),
                    ServiceAccountSpec(name: "backup-bot", description: nil, credentials: []),
                    ServiceAccountSpec(
                        name: "\(HostileText.osc52)clipboard-bot", description: HostileText.accountName,
                        credentials: [
                            CredentialSpec(
                                name: "key \(HostileText.rightToLeftOverride)txt.exe", lastUsedDaysAgo: nil,
                                createdDaysAgo: 5)
                        ]),
                ]),
            OrganizationSpec(
                name: "Globex Research", domain: "globex-research.example", users: 24, userRole: .admin,
                serviceAccounts: [
                    ServiceAccountSpec(
                        name: "scim-sync", description: "Directory sync from Okta",
                        credentials: [CredentialSpec(name: "okta-scim", lastUsedDaysAgo: 0, createdDaysAgo: 90)]),
                    ServiceAccountSpec(
                        name: "analytics", description: "Nightly exports",
                        credentials: [
                            CredentialSpec(name: "airflow", lastUsedDaysAgo: 1, createdDaysAgo: 150),
                            CredentialSpec(name: "airflow-old", lastUsedDaysAgo: 60, createdDaysAgo: 500),
                        ]),
                ],
                sso: true),
            OrganizationSpec(
                name: "Initech", domain: "initech.example", users: 12, userRole: .member,
                serviceAccounts: [
                    ServiceAccountSpec(
                        name: "tps-reports", description: "Report generator",
                        credentials: [CredentialSpec(name: "cron", lastUsedDaysAgo: 7, createdDaysAgo: 300)])
                ]),
            OrganizationSpec(
                name: "Umbrella Health", domain: "umbrella-health.example", users: 8, userRole: .viewer,
                serviceAccounts: [
                    ServiceAccountSpec(
                        name: "ehr-bridge", description: nil,
                        credentials: [CredentialSpec(name: "bridge", lastUsedDaysAgo: nil, createdDaysAgo: 2)])
                ]),
            OrganizationSpec(
                name: HostileText.accountName, domain: "pwned.example", users: 6, userRole: .admin,
                serviceAccounts: [
                    ServiceAccountSpec(
                        name: "\(HostileText.clearScreen)wiper", description: HostileText.zalgo,
                        credentials: [
                            CredentialSpec(
                                name: "\(HostileText.red)red\(HostileText.reset)\(HostileText.bell)",
                                lastUsedDaysAgo: 4, createdDaysAgo: 9)
                        ])
                ],
                hostile: true),
            OrganizationSpec(
                name: HostileText.cjk, domain: "kaihatsu.example", users: 5, userRole: .admin, serviceAccounts: []),
            OrganizationSpec(
                name: HostileText.longName, domain: "redundancy.example", users: 3, userRole: .admin,
                serviceAccounts: []),
            OrganizationSpec(
                name: "Wayne Enterprises", domain: "wayne.example", users: 9, userRole: nil, serviceAccounts: []),
        ]
    }

    /// A DNS-segment label derived from a name: lowercase ASCII letters, digits and single hyphens.
    static func label(for name: String) -> String {
        var label = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                label += String(scalar).lowercased()
            } else if !label.isEmpty, !label.hasSuffix("-") {
                label += "-"
            }
        }
        while label.hasSuffix("-") { label.removeLast() }
        return String((label.isEmpty ? "org" : label).prefix(63))
    }
}
