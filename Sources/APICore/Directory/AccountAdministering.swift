/// Administers accounts or organizations: their details (read fresh), rename (and two-factor enforcement where
/// the account has that setting), create. Where the API refuses (most users are not tenant administrators) the
/// refusal comes back as the API's error, shown as it is.
public protocol AccountAdministering: Sendable {
    /// Every field of an account: settings, who manages it.
    func accountDetails(_ account: Account) async throws -> [RecordField]
    /// Renames an account or changes whether it enforces two-factor authentication (only where
    /// `Account.enforcesTwoFactor` is known).
    func updateAccount(_ account: Account, name: String?, enforceTwoFactor: Bool?) async throws -> Account
    /// Creates an account.
    func createAccount(name: String) async throws -> Account
}

/// Deletes accounts (a provider whose organizations cannot be deleted does not have it).
public protocol AccountDeleting: Sendable {
    /// Deletes an account.
    func deleteAccount(_ account: Account) async throws
}
