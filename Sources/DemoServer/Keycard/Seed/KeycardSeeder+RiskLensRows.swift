import APICore
import KeycardAPI

extension KeycardSeeder {
    /// A hand-written credential appended after a service account's generated ones (no seeded generator is drawn).
    private struct AppendedCredential {
        /// Position of the organization in the seeded list.
        var organization: Int
        var serviceAccount: String
        var id: String
        var clientID: String
        var name: String
        var description: String?
        var createdDaysAgo: Int
    }

    /// A credential issued half a year ago and never used, for the risk lens (the generated never-used ones are
    /// all younger than its 90 days).
    private static let riskLensCredentials = [
        AppendedCredential(
            organization: 1, serviceAccount: "analytics", id: "85o4jy5xk2jai3g5immi67ib58",
            clientID: "y78t1doshdj85994sr82r5vxqx", name: "airflow-backfill",
            description: "one-off backfill, never run", createdDaysAgo: 180)
    ]

    /// Appends the risk lens's credentials, numbered from `sequence` on.
    func appendRiskLensCredentials(to organizations: inout [KeycardOrganizationRecord], sequence: inout Int) {
        for spec in Self.riskLensCredentials {
            guard organizations.indices.contains(spec.organization),
                let account = organizations[spec.organization].serviceAccounts.firstIndex(where: {
                    $0.account.name == spec.serviceAccount
                })
            else { continue }
            sequence += 1
            organizations[spec.organization].serviceAccounts[account].credentials.append(
                KeycardCredentialRecord(
                    credential: Keycard.Credential(
                        id: spec.id, clientID: spec.clientID, name: spec.name, description: spec.description,
                        createdAt: clock.ago(days: spec.createdDaysAgo), lastUsedAt: nil),
                    secret: KeycardSecrets.clientSecret(), sequence: sequence))
        }
    }
}
