import APICore

/// Entries of the token action menu (`R`); only those the provider can do for the token are offered. Each is also a
/// catalogue action (`tokens.roll`, …) so it has an id for `[keys]`, the palette and the journal.
public enum TokenMenuItem: Int, Sendable, Hashable, CaseIterable {
    case roll, rotate, toggleEnabled, delete, details

    /// The label, given the token's current status.
    public func label(enabled: Bool) -> String {
        switch self {
        case .roll: "Roll (new secret, old one stops working)"
        case .rotate: "Rotate (create a new key, then delete this one)"
        case .toggleEnabled: enabled ? "Disable" : "Enable"
        case .delete: "Delete…"
        case .details: "Details"
        }
    }

    /// The key that picks it inside the menu.
    public var key: Character {
        switch self {
        case .roll: "r"
        case .rotate: "o"
        case .toggleEnabled: "e"
        case .delete: "d"
        case .details: "i"
        }
    }

    /// Its catalogue id.
    public var actionID: ActionID {
        switch self {
        case .roll: "tokens.roll"
        case .rotate: "tokens.rotate"
        case .toggleEnabled: "tokens.toggle"
        case .delete: "tokens.delete"
        case .details: "tokens.details"
        }
    }

    /// Its palette title.
    var title: String {
        switch self {
        case .roll: "Roll the token"
        case .rotate: "Rotate the key"
        case .toggleEnabled: "Disable or enable the token"
        case .delete: "Delete the token"
        case .details: "Token details"
        }
    }

    /// Its `?` line.
    var help: String {
        switch self {
        case .roll: "Roll: a new secret, the old one stops working at once"
        case .rotate: "Rotate: a new key shown once, then the old one deleted"
        case .toggleEnabled: "Disable / Enable the token"
        case .delete: "Delete the token (type its name)"
        case .details: "Details: every field of the token"
        }
    }

    /// Its word in the `R` hint ("R roll·disable·delete").
    var hintWord: String {
        switch self {
        case .roll: "roll"
        case .rotate: "rotate"
        case .toggleEnabled: "disable"
        case .delete: "delete"
        case .details: "details"
        }
    }

    /// The capability it needs (none for details).
    var needs: ProviderCapabilities {
        switch self {
        case .roll: .rollTokens
        case .rotate: .rotateKeys
        case .toggleEnabled: .toggleTokens
        case .delete: .deleteTokens
        case .details: []
        }
    }

    /// How it is confirmed.
    var confirmation: ConsoleAction.Confirmation? {
        switch self {
        case .roll, .rotate, .toggleEnabled: .yesNo
        case .delete: .typedName
        case .details: nil
        }
    }

    /// Whether a provider with `capabilities` has it at all.
    func isProvided(by capabilities: ProviderCapabilities) -> Bool { needs.isEmpty || capabilities.contains(needs) }
}
