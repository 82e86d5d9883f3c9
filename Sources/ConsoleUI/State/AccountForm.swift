import APICore

/// The account edit form: its name and whether it enforces two-factor authentication.
public struct AccountForm: Sendable, Hashable {
    public var account: Account
    public var name: String
    public var enforceTwoFactor: Bool
    /// Whether the name (rather than the two-factor switch) has the focus.
    public var editingName = true

    public init(account: Account) {
        self.account = account
        name = account.name
        enforceTwoFactor = account.enforcesTwoFactor ?? false
    }

    /// Whether the account has a two-factor setting to show (a Keycard organization has none).
    public var hasTwoFactor: Bool { account.enforcesTwoFactor != nil }

    /// "account" or "organization", for titles.
    public var noun: String { account.scopeKind == .organization ? "organization" : "account" }

    /// The new name, when it changed.
    public var changedName: String? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        return trimmed == account.name ? nil : trimmed
    }

    /// The new two-factor setting, when it changed.
    public var changedTwoFactor: Bool? {
        enforceTwoFactor == (account.enforcesTwoFactor ?? false) ? nil : enforceTwoFactor
    }
}
