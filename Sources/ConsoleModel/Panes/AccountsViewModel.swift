import APICore

/// The Accounts pane: the accounts, organization and projects, or organizations the signed-in identity can
/// enter, with a server-side name filter.
@MainActor
public final class AccountsViewModel {
    public let list: PagedListModel<Account>
    /// The server-side name filter, if any.
    public private(set) var nameFilter: String?
    /// Told when an account moved to another organization, so its details (if shown) are read again.
    var onAccountMoved: ((Account) -> Void)?
    let context: SessionContext

    init(context: SessionContext) {
        self.context = context
        list = context.list(Columns.accounts, pane: .accounts)
    }

    /// The current state, for rendering.
    public var snapshot: ListSnapshot<Account> { list.snapshot }

    /// Loads the first page (from the cache when fresh); `selecting` is the row to select once loaded.
    public func load(selecting: String? = nil) {
        context.directory.accounts(in: .top, nameFilter: nameFilter)
            .show(in: list, resource: .accounts, selecting: selecting)
    }

    /// Asks the server for accounts whose name contains `name` (nil or empty: all).
    public func setNameFilter(_ name: String?) {
        nameFilter = name.flatMap { $0.isEmpty ? nil : $0 }
        load()
    }

    /// Reloads, bypassing the cache.
    public func refresh() { list.refresh() }
}
