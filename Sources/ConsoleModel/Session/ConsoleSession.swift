import APICore

/// One signed-in profile: the four pane view-models over one directory and one page cache.
///
/// Intents go in as method calls on the view-models; every state change comes out as a `ModelEvent` on
/// `events`, after which the runtime reads the snapshots it needs.
@MainActor
public final class ConsoleSession {
    public let profile: String
    public let directory: any IdentityDirectory
    public let cache: PageCache
    /// Changes, in order; the runtime consumes them.
    public let events: AsyncStream<ModelEvent>
    public let accounts: AccountsViewModel
    public let members: MembersViewModel
    public let tokens: TokensViewModel
    public let invitations: InvitationsViewModel
    /// The signed-in identity, once loaded.
    public private(set) var user: UserProfile?
    /// Why the identity could not be loaded.
    public private(set) var userError: String?
    private let context: SessionContext
    private let continuation: AsyncStream<ModelEvent>.Continuation

    public init(profile: String, directory: any IdentityDirectory, cache: PageCache = PageCache(), readOnly: Bool = false) {
        self.profile = profile
        self.directory = directory
        self.cache = cache
        let (events, continuation) = AsyncStream.makeStream(of: ModelEvent.self, bufferingPolicy: .unbounded)
        self.events = events
        self.continuation = continuation
        let context = SessionContext(
            profile: profile, directory: directory, cache: cache, readOnly: readOnly, emit: { continuation.yield($0) })
        self.context = context
        accounts = AccountsViewModel(context: context)
        members = MembersViewModel(context: context)
        tokens = TokensViewModel(context: context)
        invitations = InvitationsViewModel(context: context)
        invitations.onMembershipChanged = { [weak self] in self?.accounts.load() }
    }

    /// Whether writes are refused.
    public var readOnly: Bool { context.readOnly }

    /// Turns read-only mode on or off (`:readonly`).
    public func setReadOnly(_ readOnly: Bool) {
        context.readOnly = readOnly
        context.sessionChanged()
    }

    /// Loads what the first screen shows: the identity, accounts, the user's tokens and received invitations.
    public func start() {
        accounts.load()
        tokens.setScope(.user)
        tokens.loadSignedInTokenID()
        invitations.load()
        members.setAccount(nil)
        Task {
            do {
                user = try await directory.currentUser()
                userError = nil
            } catch {
                userError = PagedListModel<Account>.message(for: error)
            }
            context.sessionChanged()
        }
    }

    /// Scopes Members, Tokens and sent Invitations to an account (Enter on the Accounts pane).
    public func focus(account: Account) {
        members.setAccount(account)
        tokens.setScope(.account(id: account.id), name: account.name)
        invitations.setAccount(account)
    }

    /// Ends the event stream.
    public func finish() {
        continuation.finish()
    }
}
