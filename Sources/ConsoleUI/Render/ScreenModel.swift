import APICore
import ConsoleModel
import TUIKit

/// Who and where the console is signed in, for the header.
public struct HeaderInfo: Sendable, Hashable {
    public var profile: String
    public var provider: Provider
    public var isDemo: Bool

    public init(profile: String, provider: Provider, isDemo: Bool) {
        self.profile = profile
        self.provider = provider
        self.isDemo = isDemo
    }
}

/// Everything one frame shows, as values: render is a pure function of it.
public struct ScreenModel: Sendable {
    public var state: AppState
    public var header: HeaderInfo
    public var user: UserProfile?
    public var readOnly: Bool
    /// The session's rate-limit budget; the header shows it when under a quarter is left.
    public var rateBudget: RateBudgetReading?
    public var accounts: ListSnapshot<Account>
    public var members: ListSnapshot<Member>
    public var membersScope: String?
    public var tokens: ListSnapshot<Token>
    public var tokensScope: String?
    public var signedInTokenID: String?
    public var busyTokenIDs: Set<String>
    /// What is in scope, for the breadcrumb.
    public var scope: Scope
    /// What the provider can do: the help overlay and the key hints show only that.
    public var capabilities: ProviderCapabilities
    /// Whether received invitations exist for this provider.
    public var hasReceivedInvitations: Bool
    /// A guided rotation under way, with its new secret while the modal is open.
    public var rotation: (state: KeyRotationState, secret: String?)?
    /// The SSO connection shown by `:sso`: the organization's name, its state, and whether a write is under way.
    public var sso: (organization: String?, state: SSOViewModel.State, isBusy: Bool)
    /// The runtime clock, for the rotation modal's key guard hint.
    public var now: Duration
    public var invitations: ListSnapshot<Invitation>
    public var invitationMode: InvitationsViewModel.Mode
    public var pendingInvitations: Int
    /// The rolled secret while its modal is open: token name and value.
    public var reveal: (tokenName: String, value: String, replacedOwnCredential: Bool)?
    public var keyMap: KeyMap
    /// The read-only view while it is open.
    public var records: RecordsScreen?
    /// Whether the secret shown is of a token just created.
    public var revealIsNew = false

    /// Builds the model from the session's view-models.
    @MainActor
    public init(state: AppState, header: HeaderInfo, session: ConsoleSession, keyMap: KeyMap, now: Duration = .zero) {
        self.state = state
        self.header = header
        user = session.user
        readOnly = session.readOnly
        rateBudget = session.rateBudgetReading
        accounts = session.accounts.snapshot
        members = session.members.snapshot
        membersScope = session.members.scope.leaf?.name
        tokens = session.tokens.snapshot
        tokensScope = session.tokens.scopeName
        signedInTokenID = session.tokens.signedInTokenID
        busyTokenIDs = session.tokens.busyTokenIDs
        scope = session.scope
        capabilities = session.capabilities
        hasReceivedInvitations = session.invitations.hasReceived
        self.now = now
        sso = (session.sso.organization?.name, session.sso.state, session.sso.isBusy)
        if case .rotation = state.overlay, let rotation = session.tokens.rotation {
            self.rotation = (rotation, rotation.secret?.reveal())
        }
        invitations = session.invitations.snapshot
        invitationMode = session.invitations.mode
        pendingInvitations = session.invitations.pendingCount
        if case .secret = state.overlay, let reveal = session.tokens.reveal, let value = reveal.secret.reveal() {
            self.reveal = (reveal.tokenName, value, reveal.replacedOwnCredential)
            revealIsNew = reveal.created
        }
        self.keyMap = keyMap
        records = RecordsScreen(state: state, session: session)
    }

    /// What decides which actions the hints, the help and the palette offer.
    public var actionContext: ActionContext {
        ActionContext(
            pane: state.pane, capabilities: capabilities, isTop: scope.isTop, invitationMode: invitationMode,
            hasReceivedInvitations: hasReceivedInvitations,
            membersUnsupported: members.placeholder != nil && members.loadState == .loaded)
    }

    /// What is in scope and which pane shows it: "Acme Corp › Members".
    var breadcrumb: String {
        (scope.path.map(\.name).filter { !$0.isEmpty } + [state.pane.title]).joined(separator: " › ")
    }

    /// The load state, counts and notice of the active pane.
    var activeStatus:
        (load: LoadState, loaded: Int, total: Int?, shown: Int, pages: Int, totalPages: Int?, placeholder: String?)
    {
        switch state.pane {
        case .accounts: Self.status(accounts)
        case .members: Self.status(members)
        case .tokens: Self.status(tokens)
        case .invitations: Self.status(invitations)
        }
    }

    private static func status<Row>(_ snapshot: ListSnapshot<Row>) -> (LoadState, Int, Int?, Int, Int, Int?, String?) {
        (
            snapshot.loadState, snapshot.loadedCount, snapshot.totalCount, snapshot.rows.count, snapshot.pagesLoaded,
            snapshot.totalPages, snapshot.placeholder
        )
    }
}
