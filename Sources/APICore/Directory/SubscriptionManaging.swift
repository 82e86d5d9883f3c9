/// Creates, changes and cancels subscriptions (the user's, or an account's), and reads one fresh.
public protocol SubscriptionManaging: Sendable {
    /// Whether a subscription can be created in `scope` (an account; the user's are changed, not created).
    func canCreateSubscription(in scope: Scope) -> Bool
    /// The fields a subscription form edits, with `entry`'s current values (nil: a new subscription).
    func subscriptionFields(_ entry: LedgerEntry?) -> [EditableField]
    /// Creates one in `scope`; returns it as the subscriptions list shows it.
    func createSubscription(in scope: Scope, _ changes: [String: FieldChange]) async throws -> LedgerEntry
    /// Changes one (its frequency, its rate plan); returns it as the list shows it.
    func updateSubscription(id: String, in scope: Scope, _ changes: [String: FieldChange]) async throws -> LedgerEntry
    /// Cancels (deletes) one.
    func deleteSubscription(id: String, in scope: Scope) async throws
}

/// The roles of an account as a list whose rows read the role fresh, with its permissions.
public protocol RoleReading: Sendable {
    /// The roles of the account in `scope`.
    func roles(in scope: Scope) -> Ledger
}
