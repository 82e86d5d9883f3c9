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
    public var accounts: ListSnapshot<Account>
    public var members: ListSnapshot<Member>
    public var membersScope: String?
    public var tokens: ListSnapshot<Token>
    public var tokensScope: String?
    public var signedInTokenID: String?
    public var busyTokenIDs: Set<String>
    public var invitations: ListSnapshot<Invitation>
    public var invitationMode: InvitationsViewModel.Mode
    public var pendingInvitations: Int
    /// The rolled secret while its modal is open: token name and value.
    public var reveal: (tokenName: String, value: String, replacedOwnCredential: Bool)?
    public var keyMap: KeyMap

    /// Builds the model from the session's view-models.
    @MainActor
    public init(state: AppState, header: HeaderInfo, session: ConsoleSession, keyMap: KeyMap) {
        self.state = state
        self.header = header
        user = session.user
        readOnly = session.readOnly
        accounts = session.accounts.snapshot
        members = session.members.snapshot
        membersScope = session.members.account?.name
        tokens = session.tokens.snapshot
        tokensScope = session.tokens.scopeName
        signedInTokenID = session.tokens.signedInTokenID
        busyTokenIDs = session.tokens.busyTokenIDs
        invitations = session.invitations.snapshot
        invitationMode = session.invitations.mode
        pendingInvitations = session.invitations.pendingCount
        if case .secret = state.overlay, let reveal = session.tokens.reveal, let value = reveal.secret.reveal() {
            self.reveal = (reveal.tokenName, value, reveal.replacedOwnCredential)
        }
        self.keyMap = keyMap
    }

    /// The load state, counts and notice of the active pane.
    var activeStatus: (load: LoadState, loaded: Int, total: Int?, shown: Int, pages: Int, totalPages: Int?, notice: Notice?) {
        switch state.pane {
        case .accounts: Self.status(accounts)
        case .members: Self.status(members)
        case .tokens: Self.status(tokens)
        case .invitations: Self.status(invitations)
        }
    }

    private static func status<Row>(_ snapshot: ListSnapshot<Row>) -> (LoadState, Int, Int?, Int, Int, Int?, Notice?) {
        (snapshot.loadState, snapshot.loadedCount, snapshot.totalCount, snapshot.rows.count, snapshot.pagesLoaded,
         snapshot.totalPages, snapshot.notice)
    }
}
