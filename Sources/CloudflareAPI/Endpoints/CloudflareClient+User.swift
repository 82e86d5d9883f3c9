import APICore
import Foundation

extension CloudflareClient {
    /// `GET /user`: the signed-in user.
    public func user() async throws -> Cloudflare.User {
        try await result(.get, ["user"])
    }

    /// `PATCH /user`: edits the profile fields that are set.
    public func editUser(_ edit: Cloudflare.UserEdit) async throws -> Cloudflare.User {
        try await result(.patch, ["user"], body: edit)
    }

    /// `GET /user/organizations` (legacy): the accounts the user belongs to or is invited to.
    public func userOrganizations(_ query: Cloudflare.UserOrganizationQuery = .init())
        -> PagedList<Cloudflare.UserOrganization>
    {
        numberedList(["user", "organizations"], query: query.items, perPage: query.perPage)
    }

    /// `GET /user/organizations/{id}` (legacy): an untyped object.
    public func userOrganization(id: String) async throws -> JSONValue {
        try await result(.get, ["user", "organizations", id])
    }

    /// `DELETE /user/organizations/{id}` (legacy): leaves the organization; returns the id the server echoed.
    public func leaveOrganization(id: String) async throws -> String? {
        try await deletedID(["user", "organizations", id], topLevelKey: "id")
    }

    /// `GET /user/tenants`: organizations of the newer Organizations API.
    public func tenants() -> PagedList<JSONValue> {
        singlePageList(["user", "tenants"])
    }

    /// `GET /user/audit_logs`.
    public func userAuditLogs(_ query: Cloudflare.UserAuditLogQuery = .init()) -> PagedList<Cloudflare.AuditLog> {
        numberedList(["user", "audit_logs"], query: query.items, perPage: query.perPage)
    }

    /// `GET /user/billing/history` (deprecated on the wire, still served).
    public func billingHistory(_ query: Cloudflare.BillingHistoryQuery = .init()) -> PagedList<
        Cloudflare.BillingHistory
    > {
        numberedList(["user", "billing", "history"], query: query.items, perPage: query.perPage)
    }

    /// `GET /user/billing/profile` (deprecated on the wire, still served).
    public func billingProfile() async throws -> Cloudflare.BillingProfile {
        try await result(.get, ["user", "billing", "profile"])
    }

    /// `GET /user/subscriptions`.
    public func userSubscriptions() -> PagedList<Cloudflare.Subscription> {
        singlePageList(["user", "subscriptions"])
    }

    /// `PUT /user/subscriptions/{id}`: the SDK types the result loosely, so it stays untyped.
    public func updateUserSubscription(id: String, _ body: Cloudflare.SubscriptionBody) async throws -> JSONValue? {
        try await send(.put, ["user", "subscriptions", id], body: body, as: JSONValue.self).result
    }

    /// `DELETE /user/subscriptions/{id}`: returns the id the server echoed.
    public func deleteUserSubscription(id: String) async throws -> String? {
        try await deletedID(["user", "subscriptions", id], topLevelKey: "subscription_id")
    }

    /// Deletes and reads the echoed id from the top level (where the SDK expects it for these two paths) or from
    /// `result`: the real envelope is unconfirmed, so both places count.
    private func deletedID(_ path: [String], topLevelKey: String) async throws -> String? {
        let (envelope, body) = try await exchange(.delete, path, as: JSONValue.self)
        let topLevel = (try? JSONDecoder().decode(JSONValue.self, from: body))?.objectValue
        let places = [topLevel, envelope.result?.objectValue]
        for place in places {
            if let id = place?[topLevelKey]?.stringValue ?? place?["id"]?.stringValue { return id }
        }
        return nil
    }
}
