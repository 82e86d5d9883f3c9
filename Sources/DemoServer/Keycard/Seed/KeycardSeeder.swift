import APICore
import CloudflareAPI
import KeycardAPI

/// Builds the seeded Keycard world: organizations with members, invitations in every status, service accounts with
/// credentials in several states, an SSO connection, and hostile names.
///
/// Ids come from per-concern generators (`SplitMix64(seed:label:)`), so the user count does not change other ids;
/// secrets and tokens are random.
struct KeycardSeeder {
    let seed: UInt64
    let bigOrganizationUsers: Int
    let clock: SeedClock
    /// The demo user (the same person as the Cloudflare demo user).
    let userEmail: String
    let userName: String

    func build() -> KeycardSeedData {
        var userRNG = SplitMix64(seed: seed, label: "keycard:user")
        let userID = userRNG.nanoid()
        var sequence = 0
        var organizations: [KeycardOrganizationRecord] = []
        var login: (account: String, credential: String, clientID: String, secret: String)?
        var labels: Set<String> = []
        let specs = KeycardCatalogue.organizations(bigOrganizationUsers: bigOrganizationUsers)
        for (index, spec) in specs.enumerated() {
            var rng = SplitMix64(seed: seed, label: "keycard:organization:\(index)")
            var label = KeycardCatalogue.label(for: spec.name)
            while labels.contains(label) { label += "-\(index)" }
            labels.insert(label)
            let created = clock.ago(days: 900 - index * 70, hours: index)
            let id = rng.nanoid()
            sequence += 1
            var record = KeycardOrganizationRecord(
                organization: Keycard.Organization(
                    id: id, name: spec.name, label: label, ssoEnabled: spec.sso, zoneID: rng.nanoid(),
                    createdAt: created, updatedAt: clock.ago(days: 30 + index)),
                sequence: sequence)
            var people = KeycardPeopleSeeder(
                spec: spec, organizationIndex: index, seed: seed, clock: clock, userID: userID, userEmail: userEmail,
                userName: userName)
            people.populate(&record, sequence: &sequence)
            if spec.sso { record.sso = ssoConnection(rng: &rng) }
            for accountSpec in spec.serviceAccounts {
                let account = serviceAccount(accountSpec, rng: &rng, sequence: &sequence)
                for (credentialSpec, credential) in zip(accountSpec.credentials, account.credentials)
                where credentialSpec.isLogin {
                    login = (
                        account.account.id, credential.credential.id, credential.credential.clientID, credential.secret
                    )
                }
                record.serviceAccounts.append(account)
            }
            organizations.append(record)
        }
        // Hand-written records after every generated one: people shared with the other providers, risk-lens rows.
        appendCrossProviderPeople(to: &organizations, userID: userID, sequence: &sequence)
        appendRiskLensCredentials(to: &organizations, sequence: &sequence)
        let sso = organizations.first { $0.sso != nil } ?? organizations[0]
        let inviting = organizations.first { $0.user(userID) == nil } ?? organizations[organizations.count - 1]
        return KeycardSeedData(
            organizations: organizations, userID: userID, userEmail: userEmail, userName: userName,
            bigOrganizationID: organizations[0].organization.id, ssoOrganizationID: sso.organization.id,
            invitingOrganizationID: inviting.organization.id, loginServiceAccountID: login?.account ?? "",
            loginCredentialID: login?.credential ?? "", loginClientID: login?.clientID ?? "",
            loginClientSecret: login?.secret ?? "", nextSequence: sequence + 1)
    }

    private func serviceAccount(
        _ spec: KeycardCatalogue.ServiceAccountSpec, rng: inout SplitMix64, sequence: inout Int
    ) -> KeycardServiceAccountRecord {
        sequence += 1
        let oldest = spec.credentials.map(\.createdDaysAgo).max() ?? 30
        let created = clock.ago(days: oldest + 3, hours: rng.int(in: 0...23))
        var record = KeycardServiceAccountRecord(
            account: Keycard.ServiceAccount(
                id: rng.nanoid(), name: spec.name, description: spec.description, createdAt: created,
                updatedAt: created),
            sequence: sequence)
        for credential in spec.credentials {
            sequence += 1
            let lastUsed = credential.lastUsedDaysAgo.map { clock.ago(days: $0, hours: rng.int(in: 1...20)) }
            record.credentials.append(
                KeycardCredentialRecord(
                    credential: Keycard.Credential(
                        id: rng.nanoid(), clientID: rng.nanoid(), name: credential.name,
                        description: credential.description,
                        createdAt: clock.ago(days: credential.createdDaysAgo, hours: rng.int(in: 0...23)),
                        lastUsedAt: lastUsed),
                    secret: KeycardSecrets.clientSecret(), sequence: sequence))
        }
        return record
    }

    private func ssoConnection(rng: inout SplitMix64) -> Keycard.SSOConnection {
        let base = KeycardCatalogue.ssoIssuer.replacingOccurrences(of: "/oauth2/default", with: "")
        return Keycard.SSOConnection(
            id: rng.nanoid(), identifier: KeycardCatalogue.ssoIssuer, clientID: "0oa9globexorgtui7",
            clientSecretSet: true,
            protocols: Keycard.SSOProtocols(
                oauth2: Keycard.OAuth2Protocol(
                    authorizationEndpoint: "\(base)/oauth2/default/v1/authorize",
                    tokenEndpoint: "\(base)/oauth2/default/v1/token", jwksURI: "\(base)/oauth2/default/v1/keys",
                    scopesSupported: ["openid", "profile", "email", "groups"],
                    codeChallengeMethodsSupported: ["S256"]),
                openid: Keycard.OpenIDProtocol(
                    scopes: ["groups"], userIdentifierClaim: "email",
                    userinfoEndpoint: "\(base)/oauth2/default/v1/userinfo")),
            createdAt: clock.ago(days: 120), updatedAt: clock.ago(days: 14))
    }
}
