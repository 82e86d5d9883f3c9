import APICore
import Foundation
import KeycardAPI

extension KeycardStore {
    /// `GET /organizations/{id}/service-accounts`.
    func listServiceAccounts(
        _ organizationID: String, caller: KeycardCaller, page: KeycardPageRequest, query: QueryItems
    )
        throws -> Keycard.List<Keycard.ServiceAccount>
    {
        let index = try accessibleOrganization(organizationID, caller: caller)
        let write = canWrite(organizations[index], caller: caller)
        let expand = Self.wantsPermissions(query)
        let (items, info) = page.slice(organizations[index].serviceAccounts, sequence: \.sequence)
        return Keycard.List(
            items: items.map {
                Self.expanded($0.account, expand ? Self.permissions("service_accounts", write: write) : nil)
            },
            pageInfo: info, permissions: expand ? Self.permissions("service_accounts", write: write, list: true) : nil)
    }

    /// `GET /organizations/{id}/service-accounts/{account}`.
    func serviceAccount(_ organizationID: String, id: String, caller: KeycardCaller, query: QueryItems) throws
        -> Keycard.ServiceAccount
    {
        let (index, position) = try serviceAccountPosition(organizationID, id, caller: caller)
        let write = canWrite(organizations[index], caller: caller)
        return Self.expanded(
            organizations[index].serviceAccounts[position].account,
            Self.wantsPermissions(query) ? Self.permissions("service_accounts", write: write) : nil)
    }

    /// `POST /organizations/{id}/service-accounts`.
    func createServiceAccount(_ organizationID: String, body: Keycard.NameBody, caller: KeycardCaller) throws
        -> Keycard.ServiceAccount
    {
        let index = try accessibleOrganization(organizationID, caller: caller, write: true)
        guard let name = body.name, !name.isEmpty else { throw KeycardAPIError.invalid("name is required") }
        let now = nowString()
        let account = Keycard.ServiceAccount(
            id: newID(), name: name, description: body.description, createdAt: now, updatedAt: now)
        organizations[index].serviceAccounts.append(
            KeycardServiceAccountRecord(account: account, sequence: takeSequence()))
        return account
    }

    /// `PATCH /organizations/{id}/service-accounts/{account}`.
    func updateServiceAccount(_ organizationID: String, id: String, body: Keycard.NameBody, caller: KeycardCaller)
        throws -> Keycard.ServiceAccount
    {
        let (index, position) = try serviceAccountPosition(organizationID, id, caller: caller, write: true)
        if let name = body.name {
            guard !name.isEmpty else { throw KeycardAPIError.invalid("name must not be empty") }
            organizations[index].serviceAccounts[position].account.name = name
        }
        if let description = body.description {
            organizations[index].serviceAccounts[position].account.description = description
        }
        organizations[index].serviceAccounts[position].account.updatedAt = nowString()
        return organizations[index].serviceAccounts[position].account
    }

    /// `DELETE /organizations/{id}/service-accounts/{account}`: with its credentials and their access tokens.
    func deleteServiceAccount(_ organizationID: String, id: String, caller: KeycardCaller) throws {
        let (index, position) = try serviceAccountPosition(organizationID, id, caller: caller, write: true)
        organizations[index].serviceAccounts.remove(at: position)
        dropAccessTokens { caller in
            if case .serviceAccount(_, let account, _) = caller { return account == id }
            return false
        }
    }

    /// `GET …/credentials`.
    func listCredentials(
        _ organizationID: String, serviceAccountID: String, caller: KeycardCaller, page: KeycardPageRequest,
        query: QueryItems
    ) throws -> Keycard.List<Keycard.Credential> {
        let (index, position) = try serviceAccountPosition(organizationID, serviceAccountID, caller: caller)
        let write = canWrite(organizations[index], caller: caller)
        let expand = Self.wantsPermissions(query)
        let (items, info) = page.slice(organizations[index].serviceAccounts[position].credentials, sequence: \.sequence)
        return Keycard.List(
            items: items.map { record in
                var credential = record.credential
                if expand { credential.permissions = Self.permissions("credentials", write: write) }
                return credential
            },
            pageInfo: info, permissions: expand ? Self.permissions("credentials", write: write, list: true) : nil)
    }

    /// `GET …/credentials/{credential}`.
    func credential(
        _ organizationID: String, serviceAccountID: String, id: String, caller: KeycardCaller, query: QueryItems
    ) throws -> Keycard.Credential {
        let (index, position, slot) = try credentialPosition(organizationID, serviceAccountID, id, caller: caller)
        var credential = organizations[index].serviceAccounts[position].credentials[slot].credential
        if Self.wantsPermissions(query) {
            credential.permissions = Self.permissions(
                "credentials", write: canWrite(organizations[index], caller: caller))
        }
        return credential
    }

    /// `POST …/credentials`: the one answer that carries the client secret.
    func createCredential(
        _ organizationID: String, serviceAccountID: String, body: Keycard.NameBody, caller: KeycardCaller
    )
        throws -> Keycard.CredentialCreated
    {
        let (index, position) = try serviceAccountPosition(
            organizationID, serviceAccountID, caller: caller, write: true)
        guard let name = body.name, !name.isEmpty else { throw KeycardAPIError.invalid("name is required") }
        let created = Keycard.CredentialCreated(
            id: newID(), clientID: newID(), clientSecret: KeycardSecrets.clientSecret(), name: name,
            description: body.description, createdAt: nowString())
        organizations[index].serviceAccounts[position].credentials.append(
            KeycardCredentialRecord(
                credential: created.credential, secret: created.clientSecret, sequence: takeSequence()))
        return created
    }

    /// `PATCH …/credentials/{credential}`.
    func updateCredential(
        _ organizationID: String, serviceAccountID: String, id: String, body: Keycard.NameBody, caller: KeycardCaller
    ) throws -> Keycard.Credential {
        let (index, position, slot) = try credentialPosition(
            organizationID, serviceAccountID, id, caller: caller, write: true)
        if let name = body.name {
            guard !name.isEmpty else { throw KeycardAPIError.invalid("name must not be empty") }
            organizations[index].serviceAccounts[position].credentials[slot].credential.name = name
        }
        if let description = body.description {
            organizations[index].serviceAccounts[position].credentials[slot].credential.description = description
        }
        return organizations[index].serviceAccounts[position].credentials[slot].credential
    }

    /// `DELETE …/credentials/{credential}`: its client id and access tokens stop working.
    func deleteCredential(_ organizationID: String, serviceAccountID: String, id: String, caller: KeycardCaller) throws
    {
        let (index, position, slot) = try credentialPosition(
            organizationID, serviceAccountID, id, caller: caller, write: true)
        organizations[index].serviceAccounts[position].credentials.remove(at: slot)
        dropAccessTokens { caller in
            if case .serviceAccount(_, _, let credential) = caller { return credential == id }
            return false
        }
    }

    // MARK: Helpers

    private static func expanded(_ account: Keycard.ServiceAccount, _ permissions: Keycard.Permissions?)
        -> Keycard.ServiceAccount
    {
        var account = account
        account.permissions = permissions
        return account
    }

    private func serviceAccountPosition(
        _ organizationID: String, _ id: String, caller: KeycardCaller, write: Bool = false
    ) throws -> (Int, Int) {
        let index = try accessibleOrganization(organizationID, caller: caller, write: write)
        guard let position = organizations[index].serviceAccounts.firstIndex(where: { $0.account.id == id }) else {
            throw KeycardAPIError.notFound("Service account")
        }
        return (index, position)
    }

    private func credentialPosition(
        _ organizationID: String, _ serviceAccountID: String, _ id: String, caller: KeycardCaller, write: Bool = false
    ) throws -> (Int, Int, Int) {
        let (index, position) = try serviceAccountPosition(
            organizationID, serviceAccountID, caller: caller, write: write)
        let credentials = organizations[index].serviceAccounts[position].credentials
        guard let slot = credentials.firstIndex(where: { $0.credential.id == id }) else {
            throw KeycardAPIError.notFound("Credential")
        }
        return (index, position, slot)
    }
}
