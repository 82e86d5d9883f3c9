import APICore

/// The Accounts pane: the organizations the signed-in identity can see, with a server-side name filter.
@MainActor
public final class AccountsViewModel {
    public let list: PagedListModel<Account>
    /// The server-side name filter, if any.
    public private(set) var nameFilter: String?
    private let context: SessionContext

    init(context: SessionContext) {
        self.context = context
        list = PagedListModel(columns: Columns.accounts, cache: context.cache, profile: context.profile) {
            context.changed(.accounts)
        }
    }

    /// The current state, for rendering.
    public var snapshot: ListSnapshot<Account> { list.snapshot }

    /// Loads the first page (from the cache when fresh).
    public func load() {
        list.show(source)
    }

    /// Asks the server for accounts whose name contains `name` (nil or empty: all).
    public func setNameFilter(_ name: String?) {
        nameFilter = name.flatMap { $0.isEmpty ? nil : $0 }
        list.show(source)
    }

    /// Reloads, bypassing the cache.
    public func refresh() { list.refresh() }

    private var source: ListSource<Account> {
        ListSource(
            resource: .accounts, query: CacheKey.normalizedQuery(["name": nameFilter]),
            list: context.directory.accounts(nameFilter: nameFilter))
    }
}
