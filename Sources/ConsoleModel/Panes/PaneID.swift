/// The four panes, numbered as their keys.
public enum PaneID: Int, Sendable, Hashable, CaseIterable {
    case accounts = 1
    case members
    case tokens
    case invitations

    /// The tab title.
    public var title: String {
        switch self {
        case .accounts: "Accounts"
        case .members: "Members"
        case .tokens: "Tokens"
        case .invitations: "Invitations"
        }
    }
}

/// What a view-model tells the runtime: something to re-render, with no data attached (state is read from the model).
public enum ModelEvent: Sendable, Hashable {
    /// A pane's snapshot changed.
    case changed(PaneID)
    /// Session-wide state changed (user, notices, credentials).
    case sessionChanged
}
