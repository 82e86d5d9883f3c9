import APICore
import Foundation
import OpenAIAdminAPI

extension OpenAIStore {
    /// A page of a project's API keys; `access` is `active` (the default), `inactive` or `any`.
    func listProjectAPIKeys(projectID: String, query: OpenAIListQuery, access: String?) throws -> OpenAIEncodedPage {
        let wanted: OpenAIAdmin.OwnerProjectAccess?
        switch access ?? "active" {
        case "any": wanted = nil
        case "active": wanted = .active
        case "inactive": wanted = .inactive
        case let other:
            throw OpenAIAPIError.invalid(
                "Invalid 'owner_project_access': expected one of active, inactive, any, but got '\(other)' instead.",
                param: "owner_project_access", code: "invalid_value")
        }
        return try mutateProject(projectID, writing: false) { record in
            guard let wanted else { return try query.page(of: &record.apiKeys) }
            return try query.page(of: &record.apiKeys) { $0.ownerProjectAccess?.value == wanted }
        }
    }

    /// One project API key, or 404.
    func projectAPIKey(projectID: String, keyID: String) throws -> OpenAIAdmin.ProjectAPIKey {
        guard let key = try projectRecord(projectID).apiKeys.record(keyID) else {
            throw OpenAIAPIError.notFound("API key", id: keyID)
        }
        return key
    }

    /// Deletes a project API key.
    func deleteProjectAPIKey(projectID: String, keyID: String) throws -> OpenAIAdmin.DeletedObject {
        try mutateProject(projectID) { record in
            guard record.apiKeys.remove(keyID) != nil else { throw OpenAIAPIError.notFound("API key", id: keyID) }
        }
        return OpenAIAdmin.DeletedObject(id: keyID, object: "organization.project.api_key.deleted", deleted: true)
    }

    // MARK: Service accounts

    /// A page of a project's service accounts.
    func listServiceAccounts(projectID: String, query: OpenAIListQuery) throws -> OpenAIEncodedPage {
        try mutateProject(projectID, writing: false) { try query.page(of: &$0.serviceAccounts) }
    }

    /// One service account, or 404.
    func serviceAccount(projectID: String, id: String) throws -> OpenAIAdmin.ServiceAccount {
        guard let account = try projectRecord(projectID).serviceAccounts.record(id) else {
            throw OpenAIAPIError.notFound("service account", id: id)
        }
        return account
    }

    /// Creates a service account with its first key (whose secret is in the answer only), or without one.
    func createServiceAccount(projectID: String, body: OpenAIAdmin.ServiceAccountCreate) throws
        -> OpenAIAdmin.ServiceAccountCreated
    {
        guard !body.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw OpenAIAPIError.invalid("Invalid 'name': must not be empty.", param: "name")
        }
        let accountOnly = body.createServiceAccountOnly ?? false
        if accountOnly, body.expiresInSeconds != nil {
            throw OpenAIAPIError.invalid(
                "'expires_in_seconds' cannot be used with 'create_service_account_only'.", param: "expires_in_seconds")
        }
        if let seconds = body.expiresInSeconds, seconds <= 0 {
            throw OpenAIAPIError.invalid(
                "Invalid 'expires_in_seconds': expected a positive integer, but got \(seconds) instead.",
                param: "expires_in_seconds", code: "integer_below_min_value")
        }
        let now = now()
        let account = OpenAIAdmin.ServiceAccount(
            id: newID("svc_acct_"), name: body.name, createdAt: now, role: OpenEnum(accountOnly ? .none : .member))
        let keyID = newID("key_", length: 16)
        let secret = OpenAIKeySecrets.serviceAccountKey()
        try mutateProject(projectID) { record in
            record.serviceAccounts.append(account)
            guard !accountOnly else { return }
            record.apiKeys.append(
                OpenAIAdmin.ProjectAPIKey(
                    id: keyID, name: "Secret key", createdAt: now, redactedValue: OpenAIKeySecrets.redacted(secret),
                    ownerProjectAccess: OpenEnum(.active), expiresAt: body.expiresInSeconds.map { now + $0 },
                    owner: .init(
                        type: OpenEnum(.serviceAccount),
                        serviceAccount: .init(
                            id: account.id, name: account.name, role: account.role.rawValue, createdAt: now))))
        }
        return OpenAIAdmin.ServiceAccountCreated(
            id: account.id, name: account.name, createdAt: now, role: account.role,
            apiKey: accountOnly
                ? nil
                : OpenAIAdmin.ServiceAccountKey(
                    id: keyID, name: "Secret key", createdAt: now, value: secret,
                    expiresAt: body.expiresInSeconds.map { now + $0 }))
    }

    /// Deletes a service account and its keys.
    func deleteServiceAccount(projectID: String, id: String) throws -> OpenAIAdmin.DeletedObject {
        try mutateProject(projectID) { record in
            guard record.serviceAccounts.remove(id) != nil else {
                throw OpenAIAPIError.notFound("service account", id: id)
            }
            for keyID in record.apiKeys.records.filter({ $0.owner.serviceAccount?.id == id }).map(\.id) {
                record.apiKeys.remove(keyID)
            }
        }
        return OpenAIAdmin.DeletedObject(id: id, object: "organization.project.service_account.deleted", deleted: true)
    }
}
