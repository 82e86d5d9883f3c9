import ConsoleModel

/// Something a key press asks the console to do.
public enum Action: Sendable, Hashable {
    case showPane(PaneID)
    case nextPane
    case previousPane
    case moveDown
    case moveUp
    case top
    case bottom
    case pageDown
    case pageUp
    case halfPageDown
    case halfPageUp
    /// Enter: drill into an account, project, organization or service account; on a token the action menu;
    /// elsewhere the detail panel.
    case open
    case filter
    case palette
    case help
    case refresh
    case accept
    case reject
    case tokenMenu
    /// `n`: invite a member or create an invitation.
    case newItem
    /// `e`: change a member's roles.
    case edit
    /// `D`: remove a member (type the email).
    case remove
    case sortNext
    case sortReverse
    case copyID
    case loadAll
    case toggleDetails
    case toggleInvitationMode
    /// Esc: clear the filter, else step back out of the last drill-in.
    case back
    case quit
}
