import APICore

/// One signed-in profile: the four pane view-models over one directory and one page cache, and the scope they show.
///
/// Intents go in as method calls on the session and its view-models; every state change comes out as a
/// `ModelEvent` on `events`, after which the runtime reads the snapshots it needs.
@MainActor
public final class ConsoleSession {
    public let profile: String
    public let directory: any IdentityDirectory
    public let cache: PageCache
    public let accounts: AccountsViewModel
    public let members: MembersViewModel
    public let tokens: TokensViewModel
    public let invitations: InvitationsViewModel
    /// The SSO connection of an organization (`:sso`), where the provider has SSO.
    public let sso: SSOViewModel
    /// The read-only views over the panes (`:audit`, `:billing`, `:subs`, `:orgs`, `:user`).
    public let records: RecordsViewModel
    /// What is in scope, and the way back out: the one place the scope stack lives.
    public private(set) var navigation = ScopeNavigation()
    /// The signed-in identity, once loaded.
    public private(set) var user: UserProfile?
    /// Whether `start` ran (a session opened only for a sweep of every profile has not loaded its panes).
    public private(set) var isStarted = false
    /// Why the identity could not be loaded.
    public private(set) var userError: String?
    private let context: SessionContext
    /// Every subscriber's stream (the runtime, a test's waiter), fed with each event in order.
    private let subscribers: EventSubscribers

    /// The rate-limit budget its transport keeps, when it keeps one.
    public let rateBudget: RateBudget?

    /// A session of `profile` over `directory`; `journal` records every write it makes; `budget` is the rate-limit
    /// budget the directory's transport keeps (shown in the header when low, and heeded by load-all).
    public init(
        profile: String, directory: any IdentityDirectory, cache: PageCache = PageCache(), readOnly: Bool = false,
        journal: (any WriteJournal)? = nil, budget: RateBudget? = nil
    ) {
        rateBudget = budget
        self.profile = profile
        self.directory = directory
        self.cache = cache
        let subscribers = EventSubscribers()
        self.subscribers = subscribers
        let context = SessionContext(
            profile: profile, directory: directory, cache: cache, readOnly: readOnly, journal: journal, budget: budget,
            emit: { subscribers.send($0) })
        self.context = context
        accounts = AccountsViewModel(context: context)
        members = MembersViewModel(context: context)
        tokens = TokensViewModel(context: context)
        invitations = InvitationsViewModel(context: context)
        sso = SSOViewModel(context: context)
        records = RecordsViewModel(context: context)
        invitations.onMembershipChanged = { [weak self] in self?.accounts.load() }
        records.onMembershipChanged = { [weak self] in self?.accounts.load() }
        accounts.onAccountMoved = { [weak self] account in self?.records.reloadAccount(account) }
        records.onUserChanged = { [weak self] details in
            self?.user = details.profile
            self?.context.sessionChanged()
        }
        invitations.onMembersChanged = { [weak self] scope in
            guard let self, self.members.scope == scope else { return }
            self.members.refresh()
        }
    }

    /// The provider behind the session.
    public var provider: Provider { directory.provider }

    /// The rate-limit budget as it stands, for the header; nil when no limit is known.
    public var rateBudgetReading: RateBudgetReading? { rateBudget?.reading }

    /// What the provider can do.
    public var capabilities: ProviderCapabilities { directory.capabilities }

    /// What the panes show.
    public var scope: Scope { navigation.scope }

    /// Whether writes are refused.
    public var readOnly: Bool { context.readOnly }

    /// The one place the session's writes run: read-only refusal, the request, its outcome, the notices, and the
    /// hook every result passes through.
    public var writes: WriteRunner { context.writes }

    /// Turns read-only mode on or off (`:readonly`).
    public func setReadOnly(_ readOnly: Bool) {
        context.readOnly = readOnly
        context.sessionChanged()
    }

    /// Shows a message in the status line, through the event stream like every other notice.
    public func notify(_ notice: Notice) { context.notify(notice) }

    /// Loads what the first screen shows: the identity, accounts, the top level's tokens, members and invitations.
    public func start() {
        isStarted = true
        accounts.load()
        show(navigation.scope, selections: [:])
        tokens.loadSignedInTokenID()
        invitations.load()
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

    /// Puts `node` in scope (Enter on an account, project, organization or service account), remembering how every
    /// pane was left (`offsets`: each table's first visible row) so `back()` can restore it; the child's lists start
    /// unfiltered, in load order, at the top.
    public func enter(_ node: ScopeNode, from pane: PaneID, offsets: [PaneID: Int] = [:]) {
        navigation.enter(node, from: pane, views: views(offsets: offsets))
        showFresh(navigation.scope)
    }

    /// Goes to the top level (an organization row on a provider whose top level is that organization).
    public func enterTop(from pane: PaneID, offsets: [PaneID: Int] = [:]) {
        navigation.enterTop(from: pane, views: views(offsets: offsets))
        showFresh(navigation.scope)
    }

    /// Scopes the panes to an account (Enter on the Accounts pane).
    public func focus(account: Account, offsets: [PaneID: Int] = [:]) {
        if let node = account.scopeNode {
            enter(node, from: .accounts, offsets: offsets)
        } else {
            enterTop(from: .accounts, offsets: offsets)
        }
    }

    /// Goes straight to `scope` with `pane`'s row `rowID` selected (a risk finding's row), one drill-in per scope
    /// node so Esc walks back out to where the user was; the row is found however many pages down it is.
    public func reveal(_ scope: Scope, pane: PaneID, rowID: String?, offsets: [PaneID: Int] = [:]) {
        if scope != navigation.scope {
            let common = zip(scope.path, navigation.scope.path).prefix { $0 == $1 }.count
            if scope.isTop {
                navigation.enterTop(from: pane, views: views(offsets: offsets))
            } else if common == scope.path.count, let last = scope.path.last {
                // An outer scope of the current one: entering its last node cuts the path there.
                navigation.enter(last, from: pane, views: views(offsets: offsets))
            } else {
                for node in scope.path[common...] {
                    navigation.enter(node, from: pane, views: views(offsets: offsets))
                }
            }
            showFresh(navigation.scope)
        }
        if pane == .invitations, invitations.mode != .sent { invitations.setMode(.sent) }
        guard let rowID else { return }
        switch pane {
        case .accounts: accounts.list.reveal(id: rowID)
        case .members: members.list.reveal(id: rowID)
        case .tokens: tokens.list.reveal(id: rowID)
        case .invitations: invitations.sent.reveal(id: rowID)
        }
    }

    /// Steps back out of the last drill-in: the frame restored (pane, and each list as it was left), or nil at the top
    /// level.
    @discardableResult
    public func back() -> ScopeNavigation.Frame? {
        guard let frame = navigation.back() else { return nil }
        show(frame.scope, selections: frame.selections)
        for (pane, list) in scopedLists { frame.views[pane].map(list.restoreView) }
        if let view = frame.views[.accounts] {
            accounts.list.restoreView(view)
            view.selectedID.map(accounts.list.select(id:))
        }
        return frame
    }

    /// The lists whose rows depend on the scope, by pane.
    private var scopedLists: [(PaneID, any ScopedList)] {
        [(.members, members.list), (.tokens, tokens.list), (.invitations, invitations.sent)]
    }

    private func views(offsets: [PaneID: Int]) -> [PaneID: ListViewState] {
        var views: [PaneID: ListViewState] = [:]
        views[.accounts] = accounts.list.viewState(offset: offsets[.accounts] ?? 0)
        for (pane, list) in scopedLists { views[pane] = list.viewState(offset: offsets[pane] ?? 0) }
        return views
    }

    /// Shows `scope` with every scoped list unfiltered and in load order.
    private func showFresh(_ scope: Scope) {
        for (_, list) in scopedLists { list.resetView() }
        show(scope, selections: [:])
    }

    private func show(_ scope: Scope, selections: [PaneID: String]) {
        members.setScope(scope, selecting: selections[.members])
        tokens.setScope(scope, selecting: selections[.tokens])
        invitations.setScope(scope, selecting: selections[.invitations])
        context.sessionChanged()
    }

    /// A new stream of this session's changes, from now on, in order.
    public func subscribe() -> AsyncStream<ModelEvent> { subscribers.subscribe() }

    /// Ends every event stream (a scripting command, done with the session, reads what is left in its stream).
    public func endEvents() { subscribers.finish() }

    /// Ends every event stream.
    public func finish() {
        subscribers.finish()
    }
}
