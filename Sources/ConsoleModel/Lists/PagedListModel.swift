import APICore

/// The state machine behind every pane's table: pages loaded through the cache, filter, sort and selection.
///
/// Pages load on demand (`loadNextPage`, or by prefetch when the selection nears the end) or all at once
/// (`loadAll`). A new source cancels loads of the old one, and results of an old source never land.
@MainActor
public final class PagedListModel<Row: Identifiable & Sendable> where Row.ID == String {
    /// The current state, for rendering.
    public internal(set) var snapshot = ListSnapshot<Row>()
    /// The columns rows are filtered and sorted on.
    public let columns: [ListColumn<Row>]
    /// Rows visible at once; the selection coming within this many rows of the end prefetches the next page.
    public var viewportHeight = 20
    /// Pages fetched at once by `loadAll`, at most: it halves on a 429 and grows back by one per good pages.
    public var loadAllConcurrency = 8
    /// The session's rate-limit budget: load-all pauses rather than spend its last tenth.
    public var budget: RateBudget?

    let cache: PageCache
    /// The filter text of a page of rows (`HaystackChunk(rows, columns:)`, or a pane's faster writer of the same).
    let filterText: @Sendable ([Row]) -> HaystackChunk
    let profile: String
    let onChange: @MainActor () -> Void
    let notify: @MainActor (Notice) -> Void
    var source: ListSource<Row>?
    var store = RowStore<Row>() {
        didSet { filterHistory.removeAll() }
    }
    /// Orders of recent needles over the current rows (forgotten whenever the rows change).
    var filterHistory = FilterHistory()
    var chunkCursors: [PageCursor] = []
    var staleChunks: Set<Int> = []
    var nextCursor: PageCursor?
    var generation = 0
    var loading: Task<Void, Never>?
    /// Rows of the same list stay visible while it reloads, and are replaced when its first page arrives.
    var replaceOnFirstPage = false
    var selectedID: String?
    /// `selectedID` is a row asked for by id (`reveal`): pages load until it arrives, and nothing else takes the
    /// selection meanwhile.
    var revealing = false
    /// Where the selected row was in the store when last seen: finding it again in a new display order is then a
    /// scan of integers, not of rows (a keystroke over 100,000 rows must not copy every row).
    var selectedStoreIndex: Int?
    /// Display order and its sort keys, when filtered or sorted.
    var order: [Int]?
    var orderKeys: [SortKey] = []

    init(
        columns: [ListColumn<Row>], filterText: (@Sendable ([Row]) -> HaystackChunk)? = nil, cache: PageCache,
        profile: String, notify: @escaping @MainActor (Notice) -> Void, onChange: @escaping @MainActor () -> Void
    ) {
        self.columns = columns
        self.filterText = filterText ?? { HaystackChunk($0, columns: columns) }
        self.cache = cache
        self.profile = profile
        self.notify = notify
        self.onChange = onChange
    }

    /// Whether a page load is under way.
    public var isLoading: Bool { loading != nil }

    // MARK: - Loading

    /// Shows another list (another scope or server-side query): cancels loads of the old one, loads the first page.
    ///
    /// `selecting` is the row to select once it is loaded (the selection left there, on the way back out).
    public func show(_ source: ListSource<Row>, policy: CachePolicy = .useCache, selecting: String? = nil) {
        cancelLoads()
        generation += 1
        revealing = false
        let sameList = source.resource == self.source?.resource && source.query == self.source?.query
        self.source = source
        nextCursor = source.list.first
        snapshot.placeholder = nil
        if let selecting { selectedID = selecting }
        if sameList && !chunkCursors.isEmpty {
            replaceOnFirstPage = true
        } else {
            resetRows()
            if selecting == nil { selectedID = nil }
            recomputeView()
        }
        load(cursor: source.list.first, policy: policy)
    }

    func resetRows() {
        store.removeAll()
        chunkCursors = []
        staleChunks = []
        replaceOnFirstPage = false
        snapshot.totalCount = nil
        snapshot.totalPages = nil
    }

    /// Shows nothing (nothing in scope to list) and stops loading; `placeholder` says why.
    public func clear(placeholder: String? = nil) {
        cancelLoads()
        generation += 1
        source = nil
        resetRows()
        nextCursor = nil
        snapshot.loadState = .idle
        snapshot.placeholder = placeholder
        recomputeView()
        onChange()
    }

    /// The resource shown, if any.
    public var resource: CachedResource? { source?.resource }

    /// Reloads from the first page, bypassing the cache; filter, sort and selection stay.
    public func refresh() {
        guard let source else { return }
        show(source, policy: .reload)
    }

    /// Loads the page after the last loaded one, unless a load is under way or there is none.
    public func loadNextPage() {
        guard loading == nil, let cursor = nextCursor, !chunkCursors.isEmpty else { return }
        load(cursor: cursor, policy: .useCache)
    }

    /// Loads every remaining page: concurrently when the page count is known, else one after another.
    public func loadAll() {
        guard let source, let cursor = nextCursor, !chunkCursors.isEmpty else { return }
        if case .page(let first) = cursor, let total = snapshot.totalPages, total >= first {
            loading?.cancel()
            loadConcurrently(source: source, pages: first...total)
        } else if loading == nil {
            loadChain(source: source, from: cursor)
        }
    }

    func load(cursor: PageCursor, policy: CachePolicy) {
        guard let source else { return }
        let generation = generation
        snapshot.loadState = .loading(page: replaceOnFirstPage ? 1 : chunkCursors.count + 1, of: snapshot.totalPages)
        onChange()
        let key = CacheKey(profile: profile, resource: source.resource, query: source.query, cursor: cursor)
        let list = source.list
        let cache = cache
        loading = Task { [weak self] in
            do {
                let cached = try await cache.page(
                    key, policy: policy, load: { try await list.page(cursor) },
                    revalidated: { [weak self] result in
                        await self?.revalidated(result, cursor: cursor, generation: generation)
                    })
                guard let self, generation == self.generation else { return }
                self.loading = nil
                self.append(cached)
            } catch {
                guard let self, generation == self.generation else { return }
                self.loading = nil
                self.failed(error)
            }
        }
    }

    func cancelLoads() {
        loading?.cancel()
        loading = nil
        snapshot.pausedBecause = nil
    }

    var settledState: LoadState { staleChunks.isEmpty ? .loaded : .stale }

    // MARK: - Results

    /// Adds a loaded page; `haystack` is its filter text when it was already built off the main actor.
    func append(_ cached: CachedPage<Row>, haystack: HaystackChunk? = nil, announce: Bool = true) {
        let page = cached.page
        if replaceOnFirstPage {
            resetRows()
            order = nil
        }
        let firstNewIndex = store.count
        // The published rows share the store's buffers: let go of them first, so adding a page does not copy the
        // index of every page before it (they are published again below, before anything can read them).
        snapshot.rows = .empty
        store.append(page.items, haystack: haystack ?? filterText(page.items))
        chunkCursors.append(page.cursor)
        if cached.freshness == .stale { staleChunks.insert(chunkCursors.count - 1) }
        nextCursor = page.next
        if let totalPages = page.totalPages { snapshot.totalPages = totalPages }
        if let totalCount = page.totalCount { snapshot.totalCount = totalCount }
        extendView(from: firstNewIndex)
        if revealing { continueRevealing() }
        if announce {
            snapshot.loadState = settledState
            onChange()
        }
    }

    func revalidated(_ result: Result<Page<Row>, any Error>, cursor: PageCursor, generation: Int) {
        guard generation == self.generation, let chunk = chunkCursors.firstIndex(of: cursor) else { return }
        switch result {
        case .success(let page):
            _ = store.replace(chunk: chunk, with: page.items, haystack: filterText(page.items))
            staleChunks.remove(chunk)
            if chunk == chunkCursors.count - 1 { nextCursor = page.next }
            if let totalCount = page.totalCount { snapshot.totalCount = totalCount }
            if let totalPages = page.totalPages { snapshot.totalPages = totalPages }
            recomputeView()
            if loading == nil { snapshot.loadState = settledState }
        case .failure(let error):
            notify(Notice(.warning, "Showing cached data: refresh failed (\(Self.message(for: error)))"))
        }
        onChange()
    }

    func failed(_ error: any Error) {
        if error is CancellationError || (error as? APIError)?.kind == .cancelled { return }
        if let error = error as? APIError, error.kind == .unsupported {
            // Not a failure to retry: this server simply has no such list. Say so where the rows would be.
            snapshot.loadState = .loaded
            snapshot.placeholder = error.userMessage
            onChange()
            return
        }
        snapshot.loadState = .failed(Self.message(for: error))
        onChange()
    }

    nonisolated static func message(for error: any Error) -> String {
        (error as? APIError)?.userMessage ?? "Unexpected error: \(type(of: error))"
    }
}
