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

/// What a view-model tells the runtime. State is read from the view-models' snapshots; a notice is carried in the
/// event, because the runtime alone owns what the status line says.
public enum ModelEvent: Sendable, Hashable {
    /// A pane's snapshot changed.
    case changed(PaneID)
    /// Session-wide state changed (user, scope, credentials, a secret to reveal).
    case sessionChanged
    /// A message for the status line: the result of a write, a refusal, a failed refresh.
    case notice(Notice)
}
