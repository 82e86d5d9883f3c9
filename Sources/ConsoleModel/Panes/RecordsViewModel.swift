import APICore

/// The read-only views the palette opens over the panes (`:audit`, `:billing`, `:subs`, `:orgs`, `:user`): one
/// titled list with columns and a detail per row, filtered over loaded rows, plus the few writes they offer
/// (leave an organization, edit the user's profile).
@MainActor
public final class RecordsViewModel {
    /// Which view is shown.
    public enum Kind: String, Sendable, Hashable {
        case audit, billing, subscriptions, organizations, user, account, journal, identities, roles
    }

    public private(set) var kind: Kind?
    public private(set) var title = ""
    /// The rows; replaced (with its columns) each time another view opens.
    public private(set) var list: PagedListModel<RecordRow>
    /// Fields shown above the list (the billing profile), or the whole view (the user).
    public internal(set) var summary: [RecordField] = []
    /// Why the summary could not be read.
    public internal(set) var summaryError: String?
    /// The user's profile with its editable fields, once `:user` loaded it.
    public private(set) var user: UserDetails?
    /// The account `:account` shows, with its profile and organizations once read.
    public internal(set) var accountView: AccountView?
    /// Reads the selected row fresh (its single-item GET), when the view's list has one.
    var entryReader: (@Sendable (String) async throws -> LedgerEntry)?
    /// The scope the view lists (an account's subscriptions, roles).
    public internal(set) var viewScope: Scope = .top
    /// Told when the profile changed, so the header can follow.
    var onUserChanged: ((UserDetails) -> Void)?
    /// Told when the user's memberships changed (an organization was left), so the Accounts pane reloads.
    var onMembershipChanged: (() -> Void)?
    let context: SessionContext

    init(context: SessionContext) {
        self.context = context
        list = Self.makeList(context: context, columns: [])
    }

    private static func makeList(context: SessionContext, columns: [String]) -> PagedListModel<RecordRow> {
        PagedListModel(
            columns: RecordRow.columns(columns), cache: context.cache, profile: context.profile,
            notify: { [weak context] in context?.notify($0) }, onChange: { [weak context] in context?.sessionChanged() }
        )
    }

    /// The column titles of the list shown.
    public var columnTitles: [String] { list.columns.map(\.title) }

    /// The current rows, for rendering.
    public var snapshot: ListSnapshot<RecordRow> { list.snapshot }

    /// Opens the audit log of `scope`; `since` ("2026-11-01") narrows it on the server. False when the provider has none.
    @discardableResult
    public func showAudit(in scope: Scope, since: String?) -> Bool {
        showAudit(in: scope, filter: AuditFilter(since: since))
    }

    /// Opens the audit log of `scope` narrowed by `filter` (dates, actor, action, resource).
    @discardableResult
    public func showAudit(in scope: Scope, filter: AuditFilter) -> Bool {
        guard let reading = context.directory.auditLogReading else { return false }
        let place = scope.leaf.map { $0.name.isEmpty ? $0.id : $0.name } ?? "your user"
        open(
            .audit, title: "Audit log · \(place)" + (filter.isEmpty ? "" : " · \(filter.summary)"),
            columns: ["When", "Actor", "Action", "Resource", "Result"])
        let listing = reading.auditLog(in: scope, filter: filter)
        // Newest first whatever order pages arrive in: RFC 3339 times sort as text.
        list.setSort(SortState(columnID: "c0", ascending: false))
        show(listing.map(RecordRow.init(audit:)), resource: .records(Kind.audit.rawValue, scope))
        return true
    }

    /// Opens the user's billing history, with the billing profile above it.
    @discardableResult
    public func showBilling() -> Bool {
        guard let billing = context.directory.billingReading else { return false }
        let ledger = billing.billingHistory()
        open(.billing, title: ledger.title, columns: ledger.columns)
        show(ledger.listing.map(RecordRow.init(ledger:)), resource: .records(Kind.billing.rawValue, .top))
        loadSummary { try await billing.billingProfile() }
        return true
    }

    /// Opens the subscriptions of `scope` (the user's at the top level, the account's in one).
    @discardableResult
    public func showSubscriptions(in scope: Scope) -> Bool {
        guard let billing = context.directory.billingReading else { return false }
        showLedger(.subscriptions, billing.subscriptions(in: scope), scope: scope)
        return true
    }

    /// Opens the organization's members and invitations in one list (`:identities`).
    @discardableResult
    public func showIdentities(in scope: Scope) -> Bool {
        guard let listing = context.directory.identityListing else { return false }
        showLedger(.identities, listing.identities(in: scope), scope: scope)
        return true
    }

    /// Opens the legacy organizations.
    @discardableResult
    public func showOrganizations() -> Bool {
        guard let leaving = context.directory.organizationLeaving else { return false }
        showLedger(.organizations, leaving.legacyOrganizations(), scope: .top)
        return true
    }

    /// Opens the user's profile.
    @discardableResult
    public func showUser() -> Bool {
        guard let editing = context.directory.userProfileEditing else { return false }
        open(.user, title: "Your profile", columns: [])
        list.clear()
        loadSummary { [weak self] in
            let details = try await editing.userDetails()
            await self?.setUser(details)
            return details.fields
        }
        return true
    }

    /// Opens the details of an account (settings, who manages it, its profile and organizations where the
    /// provider has them).
    @discardableResult
    public func showAccount(_ account: Account) -> Bool {
        guard let admin = context.directory.accountAdministering else { return false }
        open(.account, title: "Account · \(account.name)", columns: [])
        list.clear()
        loadAccount(account, administering: admin)
        return true
    }

    /// Closes the view.
    public func close() {
        list.clear()
        kind = nil
        summary = []
        summaryError = nil
        accountView = nil
    }

    func open(_ kind: Kind, title: String, columns: [String]) {
        self.kind = kind
        self.title = title
        summary = []
        summaryError = nil
        accountView = nil
        entryReader = nil
        viewScope = .top
        list.clear()
        list = Self.makeList(context: context, columns: columns)
    }

    /// Opens a provider's list as view `kind`; its rows read fresh on Enter where the API can.
    func showLedger(_ kind: Kind, _ ledger: Ledger, scope: Scope) {
        open(kind, title: ledger.title, columns: ledger.columns)
        entryReader = ledger.entry
        viewScope = scope
        show(ledger.listing.map(RecordRow.init(ledger:)), resource: .records(kind.rawValue, scope))
    }

    private func show(_ listing: Listing<RecordRow>, resource: CachedResource) {
        listing.show(in: list, resource: resource)
    }

    private func loadSummary(_ load: @escaping @Sendable () async throws -> [RecordField]) {
        let kind = kind
        Task {
            do {
                let fields = try await load()
                guard self.kind == kind else { return }
                summary = fields
                summaryError = nil
            } catch {
                guard self.kind == kind else { return }
                summaryError = PagedListModel<Account>.message(for: error)
            }
            context.sessionChanged()
        }
    }

    func setUser(_ details: UserDetails) {
        user = details
        if kind == .user { summary = details.fields }
        onUserChanged?(details)
    }
}

extension Listing {
    /// The same listing with its items transformed.
    func map<Other: Sendable>(_ transform: @escaping @Sendable (Item) -> Other) -> Listing<Other> {
        switch self {
        case .list(let list, let query): .list(list.mapItems(transform), query: query)
        case .needsScope(let reason): .needsScope(reason)
        }
    }
}
