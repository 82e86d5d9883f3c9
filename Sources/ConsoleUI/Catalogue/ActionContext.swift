import APICore
import ConsoleModel

/// What decides whether an action is offered right now: the pane, the provider's capabilities and the little state
/// some keys depend on (received or sent invitations, a list this server does not have).
public struct ActionContext: Sendable, Hashable {
    public var pane: PaneID
    public var capabilities: ProviderCapabilities
    /// Nothing is in scope (so Esc has nowhere to step back to).
    public var isTop: Bool
    /// Which invitations the Invitations pane shows.
    public var invitationMode: InvitationsViewModel.Mode
    /// The provider has invitations the user received (else only sent ones).
    public var hasReceivedInvitations: Bool
    /// The Members list loaded with a placeholder: this server has no such list, so its row keys would be dead.
    public var membersUnsupported: Bool

    public init(
        pane: PaneID, capabilities: ProviderCapabilities, isTop: Bool = true,
        invitationMode: InvitationsViewModel.Mode = .sent, hasReceivedInvitations: Bool = false,
        membersUnsupported: Bool = false
    ) {
        self.pane = pane
        self.capabilities = capabilities
        self.isTop = isTop
        self.invitationMode = invitationMode
        self.hasReceivedInvitations = hasReceivedInvitations
        self.membersUnsupported = membersUnsupported
    }

    /// Whether the sent invitations are the ones on screen (a provider without received ones has only those).
    public var showsSentInvitations: Bool { invitationMode == .sent || !hasReceivedInvitations }
}
