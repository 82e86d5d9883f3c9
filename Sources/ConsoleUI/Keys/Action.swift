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
    /// Enter: details; on Accounts also scopes Members/Tokens; on Tokens opens the action menu.
    case open
    case filter
    case palette
    case help
    case refresh
    case accept
    case reject
    case tokenMenu
    case sortNext
    case sortReverse
    case copyID
    case loadAll
    case toggleDetails
    case toggleInvitationMode
    case back
    case quit
}
