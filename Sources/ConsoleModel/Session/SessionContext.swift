import APICore

/// What every view-model of a session shares: the directory, the cache, the profile, the write runner and the
/// event sink.
@MainActor
final class SessionContext {
    let profile: String
    let directory: any IdentityDirectory
    let cache: PageCache
    /// The rate-limit budget background loading heeds.
    let budget: RateBudget?
    /// The one place every write of the session runs.
    let writes: WriteRunner
    private let emit: @MainActor (ModelEvent) -> Void

    init(
        profile: String, directory: any IdentityDirectory, cache: PageCache, readOnly: Bool,
        journal: (any WriteJournal)?, budget: RateBudget? = nil, emit: @escaping @MainActor (ModelEvent) -> Void
    ) {
        self.budget = budget
        self.profile = profile
        self.directory = directory
        self.cache = cache
        self.emit = emit
        writes = WriteRunner(
            profile: profile, provider: directory.provider.rawValue, cache: cache, readOnly: readOnly, journal: journal,
            emit: emit)
    }

    /// Whether writes are refused; the runner holds the flag.
    var readOnly: Bool {
        get { writes.readOnly }
        set { writes.readOnly = newValue }
    }

    func changed(_ pane: PaneID) { emit(.changed(pane)) }
    func sessionChanged() { emit(.sessionChanged) }
    func notify(_ notice: Notice) { emit(.notice(notice)) }
    func notify(_ level: Notice.Level, _ text: String) { emit(.notice(Notice(level, text))) }

    /// A list model that reports to this session.
    func list<Row: Identifiable & Sendable>(
        _ columns: [ListColumn<Row>], filterText: (@Sendable ([Row]) -> HaystackChunk)? = nil, pane: PaneID
    ) -> PagedListModel<Row> where Row.ID == String {
        let list = PagedListModel(
            columns: columns, filterText: filterText, cache: cache, profile: profile,
            notify: { [weak self] in self?.notify($0) }
        ) { [weak self] in self?.changed(pane) }
        list.budget = budget
        return list
    }
}

extension Listing where Item: Identifiable, Item.ID == String {
    /// Shows the listing in `list` under `resource`, or clears it with the reason there is nothing to list.
    @MainActor func show(in list: PagedListModel<Item>, resource: CachedResource, selecting: String? = nil) {
        switch self {
        case .list(let paged, let query):
            list.show(ListSource(resource: resource, query: query, list: paged), selecting: selecting)
        case .needsScope(let reason):
            list.clear(placeholder: reason)
        }
    }
}
