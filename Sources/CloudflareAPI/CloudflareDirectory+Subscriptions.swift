/// Subscriptions created, changed and cancelled (`/user/subscriptions/{id}`, `/accounts/{id}/subscriptions…`), and
/// an account's roles read one by one (`GET /accounts/{id}/roles/{role_id}`) for their permissions.
import APICore

extension CloudflareDirectory: SubscriptionManaging, RoleReading {
    public var subscriptionManaging: (any SubscriptionManaging)? { self }
    public var roleReading: (any RoleReading)? { self }

    /// The user's subscriptions come with their zones and plans; an account can take a new one.
    public func canCreateSubscription(in scope: Scope) -> Bool { scope.node(.account) != nil }

    public func subscriptionFields(_ entry: LedgerEntry?) -> [EditableField] {
        func value(_ label: String) -> String? { entry?.fields.first { $0.label == label }?.value }
        return [
            EditableField(
                id: "frequency", label: "Frequency (weekly, monthly, quarterly, yearly)", value: value("Frequency")),
            EditableField(id: "rate_plan", label: "Rate plan id", value: value("Plan id")),
        ]
    }

    public func createSubscription(in scope: Scope, _ changes: [String: FieldChange]) async throws -> LedgerEntry {
        guard let account = scope.node(.account) else {
            throw APIError(kind: .refused, detail: "A subscription is created in an account: nothing was sent")
        }
        let created = try await client.createAccountSubscription(
            accountID: try Self.id(account.id, of: "account"), Self.subscriptionBody(changes))
        return Self.subscriptionEntry(created)
    }

    public func updateSubscription(id: String, in scope: Scope, _ changes: [String: FieldChange]) async throws
        -> LedgerEntry
    {
        let body = Self.subscriptionBody(changes)
        guard body.frequency != nil || body.ratePlan != nil else {
            throw APIError(kind: .refused, detail: "Nothing to change in the subscription: nothing was sent")
        }
        let subscriptionID = try Self.id(id, of: "subscription")
        if let account = scope.node(.account) {
            let accountID = try Self.id(account.id, of: "account")
            return Self.subscriptionEntry(
                try await client.updateAccountSubscription(accountID: accountID, id: subscriptionID, body))
        }
        // The user's endpoint answers loosely (a string or an object): list again to show what it has now.
        _ = try await client.updateUserSubscription(id: subscriptionID, body)
        let current = try await client.userSubscriptions().fetchAll().first { $0.id == subscriptionID }
        guard let current else {
            throw APIError(kind: .http(status: 404), detail: "The subscription is no longer listed")
        }
        return Self.subscriptionEntry(current)
    }

    public func deleteSubscription(id: String, in scope: Scope) async throws {
        let subscriptionID = try Self.id(id, of: "subscription")
        if let account = scope.node(.account) {
            try await client.deleteAccountSubscription(
                accountID: try Self.id(account.id, of: "account"), id: subscriptionID)
        } else {
            _ = try await client.deleteUserSubscription(id: subscriptionID)
        }
    }

    /// `{frequency?, rate_plan?: {id}}` from the form's changes (a cleared field is left out).
    static func subscriptionBody(_ changes: [String: FieldChange]) -> Cloudflare.SubscriptionBody {
        func value(_ id: String) -> String? {
            guard case .set(let text)? = changes[id] else { return nil }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
        return Cloudflare.SubscriptionBody(
            frequency: value("frequency")?.lowercased(), ratePlan: value("rate_plan").map { .init(id: $0) })
    }

    public func roles(in scope: Scope) -> Ledger {
        let columns = ["Role", "Description"]
        guard let account = scope.node(.account) else {
            return Ledger(
                title: "Roles", columns: columns,
                listing: .needsScope("Select an account (1, then Enter) to see its roles"))
        }
        let client = client
        let accountID = account.id
        let list = client.roles(accountID: accountID, perPage: perPage).mapItems {
            Self.roleEntry(Role(cloudflare: $0))
        }
        return Ledger(
            title: "Roles of \(account.name)", columns: columns, listing: .list(list),
            entry: { id in Self.roleEntry(Role(cloudflare: try await client.role(accountID: accountID, id: id))) })
    }

    /// A role as a row: its name and description, then one field per permission.
    static func roleEntry(_ role: Role) -> LedgerEntry {
        LedgerEntry(
            id: role.id, cells: [role.name, role.description ?? ""],
            fields: Self.fields([("ID", role.id), ("Name", role.name), ("Description", role.description)])
                + role.permissions.map { RecordField("Permission", $0) })
    }
}
