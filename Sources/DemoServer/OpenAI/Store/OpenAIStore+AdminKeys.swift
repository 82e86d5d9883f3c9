import APICore
import Foundation
import OpenAIAdminAPI

extension OpenAIStore {
    /// A page of the admin keys (CursorPage: the client pages with the last item's id).
    func listAdminKeys(_ query: OpenAIListQuery) throws -> OpenAIEncodedPage { try query.page(of: &adminKeys) }

    /// One admin key, or 404.
    func adminKey(_ id: String) throws -> OpenAIAdmin.AdminAPIKey {
        guard let key = adminKeys.record(id) else { throw OpenAIAPIError.notFound("admin API key", id: id) }
        return key
    }

    /// Creates an admin key owned by the demo user; its secret is in the answer only, and works at once.
    func createAdminKey(_ body: OpenAIAdmin.AdminAPIKeyCreate) throws -> OpenAIAdmin.AdminAPIKeyCreated {
        guard !body.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw OpenAIAPIError.invalid("Invalid 'name': must not be empty.", param: "name")
        }
        if let seconds = body.expiresInSeconds, seconds <= 0 {
            throw OpenAIAPIError.invalid(
                "Invalid 'expires_in_seconds': expected a positive integer, but got \(seconds) instead.",
                param: "expires_in_seconds", code: "integer_below_min_value")
        }
        let now = now()
        let secret = OpenAIKeySecrets.adminKey()
        let owner = users.record(demoUserID)
        let key = OpenAIAdmin.AdminAPIKey(
            id: newID("key_", length: 16), createdAt: now, redactedValue: OpenAIKeySecrets.redacted(secret),
            owner: .init(
                id: demoUserID, name: owner?.name, type: OpenEnum(.user), role: OpenEnum(.owner),
                object: "organization.user", createdAt: owner?.created),
            name: body.name, expiresAt: body.expiresInSeconds.map { now + $0 })
        adminKeys.append(key)
        adminKeySecrets[secret] = key.id
        return OpenAIAdmin.AdminAPIKeyCreated(key: key, value: secret)
    }

    /// Deletes an admin key; its secret stops authenticating at once.
    func deleteAdminKey(_ id: String) throws -> OpenAIAdmin.DeletedObject {
        guard adminKeys.remove(id) != nil else { throw OpenAIAPIError.notFound("admin API key", id: id) }
        adminKeySecrets = adminKeySecrets.filter { $0.value != id }
        return OpenAIAdmin.DeletedObject(id: id, object: "organization.admin_api_key.deleted", deleted: true)
    }
}
