/// What covers the panes, if anything.
public enum Overlay: Sendable, Hashable {
    case help
    case palette(text: String, selected: Int)
    case confirm(ConfirmDialog)
    case tokenMenu(tokenID: String, selected: Int)
    /// The rolled secret modal; its content lives in the tokens view-model, never in state.
    case secret
}

/// Entries of the token action menu.
public enum TokenMenuItem: Int, Sendable, CaseIterable {
    case roll, toggleEnabled, delete, details

    /// The label, given the token's current status.
    public func label(enabled: Bool) -> String {
        switch self {
        case .roll: "Roll (new secret, old one stops working)"
        case .toggleEnabled: enabled ? "Disable" : "Enable"
        case .delete: "Delete…"
        case .details: "Details"
        }
    }
}
