import APICore
import Foundation
import KeycardAPI

extension KeycardStore {
    /// The caller of a request with this `Authorization` header: the demo API key or an unexpired access token.
    func authenticate(authorization: String?) throws -> KeycardCaller {
        guard let authorization else { throw KeycardAPIError.unauthorized("Missing bearer token") }
        let parts = authorization.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw KeycardAPIError.unauthorized("The Authorization header must be 'Bearer <token>'")
        }
        let token = String(parts[1])
        if token == apiKey { return .user }
        guard let record = accessTokens[token], record.expiresAt > wallClock.now() else {
            throw KeycardAPIError.unauthorized("Invalid or expired access token")
        }
        return record.caller
    }

    /// The position of an organization the caller may use (404 otherwise, as for an unknown id); `write` also
    /// needs the admin role (403 for members and viewers).
    func accessibleOrganization(_ idOrLabel: String, caller: KeycardCaller, write: Bool = false) throws -> Int {
        guard let index = index(ofOrganization: idOrLabel), canSee(organizations[index], caller: caller) else {
            throw KeycardAPIError.notFound("Organization")
        }
        if write, !canWrite(organizations[index], caller: caller) {
            throw KeycardAPIError.forbidden("Your role in this organization cannot make this change")
        }
        return index
    }

    /// Whether the caller belongs to the organization (an active member, or a machine caller of it).
    func canSee(_ record: KeycardOrganizationRecord, caller: KeycardCaller) -> Bool {
        switch caller {
        case .user: record.user(userID)?.user.status == .known(.active)
        case .serviceAccount(let organizationID, _, _), .organizationToken(let organizationID):
            organizationID == record.organization.id
        }
    }

    /// Whether the caller may change the organization: the user as an admin, a machine caller of it always.
    func canWrite(_ record: KeycardOrganizationRecord, caller: KeycardCaller) -> Bool {
        switch caller {
        case .user: record.user(userID)?.user.role == .known(.admin)
        case .serviceAccount, .organizationToken: canSee(record, caller: caller)
        }
    }

    /// `POST /service-account-token`: an access token for a credential's client id and secret.
    func issueAccessToken(clientID: String, clientSecret: String) throws -> Keycard.AccessToken {
        for (organizationIndex, record) in organizations.enumerated() {
            for (accountIndex, account) in record.serviceAccounts.enumerated() {
                guard
                    let credentialIndex = account.credentials.firstIndex(where: { $0.credential.clientID == clientID })
                else { continue }
                guard account.credentials[credentialIndex].secret == clientSecret else { break }
                organizations[organizationIndex].serviceAccounts[accountIndex].credentials[credentialIndex]
                    .credential.lastUsedAt = nowString()
                let caller = KeycardCaller.serviceAccount(
                    organizationID: record.organization.id, serviceAccountID: account.account.id,
                    credentialID: account.credentials[credentialIndex].credential.id)
                return issue(for: caller)
            }
        }
        throw KeycardAPIError(status: 401, code: "invalid_client", message: "Client authentication failed")
    }

    /// A new access token for `caller`, valid for `tokenLifetime` seconds.
    func issue(for caller: KeycardCaller) -> Keycard.AccessToken {
        let token = KeycardSecrets.accessToken()
        accessTokens[token] = KeycardAccessTokenRecord(
            caller: caller, expiresAt: wallClock.now().addingTimeInterval(TimeInterval(tokenLifetime)))
        return Keycard.AccessToken(accessToken: token, expiresIn: Double(tokenLifetime), tokenType: "Bearer")
    }

    /// Forgets the access tokens of credentials that are gone.
    func dropAccessTokens(where matches: (KeycardCaller) -> Bool) {
        accessTokens = accessTokens.filter { !matches($0.value.caller) }
    }
}
