import APICore

/// The state machine behind every pane's table: pages loaded through the cache, filter, sort and selection.
///
/// Pages load on demand (`loadNextPage`, or by prefetch when the selection nears the end) or all at once
/// (`loadAll`). A new source cancels loads of the old one, and results of an old source never land.
@MainActor
public final class PagedListModel<Row: Identifiable & Sendable> where Row.ID == String {
    /// The current state, for rendering.
    public private(set) var snapshot = ListSnapshot<Row>()
    /// The columns rows are filtered and sorted on.
    public let columns: [ListColumn<Row>]
    /// Rows visible at once; the selection coming within this many rows of the end prefetches the next page.
    public var viewportHeight = 20
    /// Pages fetched at once by `loadAll`.
    public var loadAllConcurrency = 6

    private let cache: PageCache
    private let profile: String
    private let onChange: @MainActor () -> Void
    private let notify: @MainActor (Notice) -> Void
    private var source: ListSource<Row>?
    private var store = RowStore<Row>() {
        didSet { filterHistory.removeAll() }
    }
    /// Orders of recent needles over the current rows (forgotten whenever the rows change).
    private var filterHistory = FilterHistory()
    private var chunkCursors: [PageCursor] = []
    private var staleChunks: Set<Int> = []
    private var nextCursor: PageCursor?
    private var generation = 0
    private var loading: Task<Void, Never>?
    /// Rows of the same list stay visible while it reloads, and are replaced when its first page arrives.
    private var replaceOnFirstPage = false
    private var selectedID: String?
    /// Where the selected row was in the store when last seen: finding it again in a new display order is then a
    /// scan of integers, not of rows (a keystroke over 100,000 rows must not copy every row).
    private var selectedStoreIndex: Int?
    /// Display order and its sort keys, when filtered or sorted.
    private var order: [Int]?
    private var orderKeys: [SortKey] = []

    init(
        columns: [ListColumn<Row>], cache: PageCache, profile: String, notify: @escaping @MainActor (Notice) -> Void,
        onChange: @escaping @MainActor () -> Void
    ) {
        self.columns = columns
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

    private func resetRows() {
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
            load(cursor: cursor, policy: .useCache, thenContinue: true)
        }
    }

    private func load(cursor: PageCursor, policy: CachePolicy, thenContinue: Bool = false) {
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
                    revalidated: { [weak self] result in await self?.revalidated(result, cursor: cursor, generation: generation) })
                guard let self, generation == self.generation else { return }
                self.loading = nil
                self.append(cached)
                if thenContinue, let next = self.nextCursor { self.load(cursor: next, policy: .useCache, thenContinue: true) }
            } catch {
                guard let self, generation == self.generation else { return }
                self.loading = nil
                self.failed(error)
            }
        }
    }

    private func loadConcurrently(source: ListSource<Row>, pages: ClosedRange<Int>) {
        let generation = generation
        let cache = cache
        let list = source.list
        let keyFor = { (number: Int) in
            CacheKey(profile: self.profile, resource: source.resource, query: source.query, cursor: .page(number))
        }
        let width = max(1, loadAllConcurrency)
        snapshot.loadState = .loading(page: pages.lowerBound, of: pages.upperBound)
        onChange()
        loading = Task { [weak self] in
            await withTaskGroup(of: (Int, Result<CachedPage<Row>, any Error>).self) { group in
                var upcoming = pages.makeIterator()
                var ready: [Int: CachedPage<Row>] = [:]
                var expected = pages.lowerBound
                func enqueue() {
                    guard let number = upcoming.next() else { return }
                    let key = keyFor(number)
                    group.addTask {
                        do {
                            return (number, .success(try await cache.page(key, load: { try await list.page(.page(number)) })))
                        } catch {
                            return (number, .failure(error))
                        }
                    }
                }
                for _ in 0..<width { enqueue() }
                for await (number, result) in group {
                    guard let self, generation == self.generation else {
                        group.cancelAll()
                        return
                    }
                    switch result {
                    case .failure(let error):
                        group.cancelAll()
                        self.loading = nil
                        self.failed(error)
                        return
                    case .success(let page):
                        ready[number] = page
                        while let page = ready.removeValue(forKey: expected) {
                            self.append(page, announce: false)
                            expected += 1
                        }
                        self.snapshot.loadState =
                            expected > pages.upperBound ? self.settledState : .loading(page: expected, of: pages.upperBound)
                        self.onChange()
                    }
                    enqueue()
                }
                self?.loading = nil
            }
        }
    }

    private func cancelLoads() {
        loading?.cancel()
        loading = nil
    }

    private var settledState: LoadState { staleChunks.isEmpty ? .loaded : .stale }

    // MARK: - Results

    private func append(_ cached: CachedPage<Row>, announce: Bool = true) {
        let page = cached.page
        if replaceOnFirstPage {
            resetRows()
            order = nil
        }
        let firstNewIndex = store.count
        store.append(page.items, haystack: haystack)
        chunkCursors.append(page.cursor)
        if cached.freshness == .stale { staleChunks.insert(chunkCursors.count - 1) }
        nextCursor = page.next
        if let totalPages = page.totalPages { snapshot.totalPages = totalPages }
        if let totalCount = page.totalCount { snapshot.totalCount = totalCount }
        extendView(from: firstNewIndex)
        if announce {
            snapshot.loadState = settledState
            onChange()
        }
    }

    private func revalidated(_ result: Result<Page<Row>, any Error>, cursor: PageCursor, generation: Int) {
        guard generation == self.generation, let chunk = chunkCursors.firstIndex(of: cursor) else { return }
        switch result {
        case .success(let page):
            _ = store.replace(chunk: chunk, with: page.items, haystack: haystack)
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

    private func failed(_ error: any Error) {
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

    // MARK: - Selection

    /// Selects the row at `index` (clamped); prefetches when it comes within a screen of the end.
    public func select(index: Int) {
        let rows = snapshot.rows
        guard !rows.isEmpty else {
            snapshot.selectedIndex = nil
            onChange()
            return
        }
        let clamped = min(max(index, 0), rows.count - 1)
        snapshot.selectedIndex = clamped
        selectedID = rows[clamped].id
        selectedStoreIndex = order?[clamped] ?? clamped
        if rows.count - clamped <= viewportHeight { loadNextPage() }
        onChange()
    }

    /// Moves the selection by `delta` rows.
    public func moveSelection(by delta: Int) {
        select(index: (snapshot.selectedIndex ?? 0) + delta)
    }

    /// Selects the row with `id`, if it is shown.
    public func select(id: String) {
        if let index = snapshot.rows.firstIndex(where: { $0.id == id }) { select(index: index) }
    }

    // MARK: - Filter and sort

    /// Filters the loaded rows: case-insensitive, on the text of every column.
    public func setFilter(_ text: String) {
        guard text != snapshot.filter else { return }
        snapshot.filter = text
        recomputeView()
        onChange()
    }

    /// Sorts by a column, or restores load order with nil.
    public func setSort(_ sort: SortState?) {
        snapshot.sort = sort
        recomputeView()
        onChange()
    }

    /// Sorts by the next column (ascending); after the last column, back to load order.
    public func sortByNextColumn() {
        let ids = columns.map(\.id)
        guard let current = snapshot.sort, let index = ids.firstIndex(of: current.columnID) else {
            setSort(ids.first.map { SortState(columnID: $0) })
            return
        }
        setSort(index + 1 < ids.count ? SortState(columnID: ids[index + 1]) : nil)
    }

    /// Reverses the sort direction (sorting by the first column if unsorted).
    public func reverseSort() {
        guard var sort = snapshot.sort ?? columns.first.map({ SortState(columnID: $0.id) }) else { return }
        sort.ascending.toggle()
        if snapshot.sort == nil { sort.ascending = false }
        setSort(sort)
    }

    // MARK: - Row edits (optimistic updates)

    /// Adds a row at the top (a row a write just created).
    public func insertRow(_ row: Row) {
        store.insertFirst(row, haystack: haystack(row))
        if let total = snapshot.totalCount { snapshot.totalCount = total + 1 }
        recomputeView()
        onChange()
    }

    /// The loaded row with `id`.
    public func row(id: String) -> Row? {
        guard let index = storeIndex(of: id) else { return nil }
        return store[index]
    }

    /// Replaces the loaded row with the same id; returns the row it replaced.
    @discardableResult
    public func replaceRow(_ row: Row) -> Row? {
        guard let index = storeIndex(of: row.id) else { return nil }
        let old = store[index]
        store.update(at: store.position(of: index), row, haystack: haystack(row))
        recomputeView()
        onChange()
        return old
    }

    /// Removes the loaded row with `id`; returns it.
    @discardableResult
    public func removeRow(id: String) -> Row? {
        guard let index = storeIndex(of: id) else { return nil }
        let old = store[index]
        store.remove(at: store.position(of: index))
        if let total = snapshot.totalCount { snapshot.totalCount = max(0, total - 1) }
        recomputeView()
        onChange()
        return old
    }

    private func storeIndex(of id: String) -> Int? {
        (0..<store.count).first { store[$0].id == id }
    }

    // MARK: - View

    private func haystack(_ row: Row) -> String {
        columns.map { $0.text(row) }.joined(separator: "\u{1F}").lowercased()
    }

    private var needle: String { snapshot.filter.trimmingCharacters(in: .whitespaces).lowercased() }

    private func sortKeys(for indices: [Int]) -> [SortKey]? {
        guard let sort = snapshot.sort, let column = columns.first(where: { $0.id == sort.columnID }) else {
            return nil
        }
        return indices.map { column.sortKey(store[$0]) }
    }

    private func comesFirst(_ left: SortKey, _ right: SortKey) -> Bool {
        let ascending = snapshot.sort?.ascending ?? true
        switch (left, right) {
        case (.missing, .missing): return false
        case (.missing, _): return false
        case (_, .missing): return true
        default: return ascending ? left < right : right < left
        }
    }

    private func matchingIndices(in range: Range<Int>) -> [Int] {
        let needle = needle
        guard !needle.isEmpty else { return Array(range) }
        return store.indices(matching: HaystackChunk.needle(needle), in: range)
    }

    /// Rebuilds the display order: from a remembered order when the filter history has one that covers it
    /// (a keystroke that lengthens the needle only filters the previous matches, sorted order kept), else from
    /// every row.
    private func recomputeView() {
        let needle = needle
        let sort = snapshot.sort
        if needle.isEmpty && sort == nil {
            order = nil
            orderKeys = []
        } else if let known = filterHistory.exact(needle, sort: sort) {
            order = known.order
            orderKeys = known.keys
        } else if !needle.isEmpty, let wider = filterHistory.narrowest(containedIn: needle, sort: sort) {
            let bytes = HaystackChunk.needle(needle)
            var kept: [Int] = []
            var keptKeys: [SortKey] = []
            for (position, index) in wider.order.enumerated() where store.matches(bytes, at: index) {
                kept.append(index)
                if !wider.keys.isEmpty { keptKeys.append(wider.keys[position]) }
            }
            order = kept
            orderKeys = keptKeys
        } else {
            var indices = matchingIndices(in: 0..<store.count)
            if let keys = sortKeys(for: indices) {
                let sorted = zip(indices, keys).enumerated().sorted { a, b in
                    comesFirst(a.element.1, b.element.1) || (!comesFirst(b.element.1, a.element.1) && a.offset < b.offset)
                }
                indices = sorted.map(\.element.0)
                orderKeys = sorted.map(\.element.1)
            } else {
                orderKeys = []
            }
            order = indices
        }
        rememberOrder()
        publishRows()
    }

    private func rememberOrder() {
        guard let order else { return }
        filterHistory.record(.init(needle: needle, sort: snapshot.sort, order: order, keys: orderKeys))
    }

    /// Adds rows loaded from `start` on to the display order without redoing the rest.
    private func extendView(from start: Int) {
        guard var current = order else {
            if needle.isEmpty && snapshot.sort == nil { publishRows() } else { recomputeView() }
            return
        }
        let added = matchingIndices(in: start..<store.count)
        if let keys = sortKeys(for: added) {
            let incoming = zip(added, keys).sorted { comesFirst($0.1, $1.1) }
            var merged: [Int] = []
            var mergedKeys: [SortKey] = []
            merged.reserveCapacity(current.count + incoming.count)
            var left = 0
            var right = 0
            while left < current.count || right < incoming.count {
                if right >= incoming.count
                    || (left < current.count && !comesFirst(incoming[right].1, orderKeys[left]))
                {
                    merged.append(current[left])
                    mergedKeys.append(orderKeys[left])
                    left += 1
                } else {
                    merged.append(incoming[right].0)
                    mergedKeys.append(incoming[right].1)
                    right += 1
                }
            }
            current = merged
            orderKeys = mergedKeys
        } else {
            current += added
        }
        order = current
        rememberOrder()
        publishRows()
    }

    private func publishRows() {
        let rows = RowsView(store: store, order: order)
        snapshot.rows = rows
        snapshot.loadedCount = store.count
        snapshot.pagesLoaded = chunkCursors.count
        snapshot.hasMore = nextCursor != nil && !chunkCursors.isEmpty
        if let index = snapshot.selectedIndex, rows.indices.contains(index), rows[index].id == selectedID {
            selectedStoreIndex = order?[index] ?? index
            return
        }
        if let selectedID, let index = displayIndex(ofSelected: selectedID, in: rows) {
            snapshot.selectedIndex = index
            selectedStoreIndex = order?[index] ?? index
        } else if rows.isEmpty {
            // Keep `selectedID`: the row to select on the way back out may be on a page still loading.
            snapshot.selectedIndex = nil
            selectedStoreIndex = nil
        } else {
            snapshot.selectedIndex = 0
            selectedID = rows[0].id
            selectedStoreIndex = order?[0] ?? 0
        }
    }

    /// The display position of the selected row: through its remembered store index when that still holds it
    /// (filtered out: nil at once), else by looking at every shown row.
    private func displayIndex(ofSelected id: String, in rows: RowsView<Row>) -> Int? {
        if let known = selectedStoreIndex, known < store.count, store[known].id == id {
            guard let order else { return known }
            return order.firstIndex(of: known)
        }
        return rows.firstIndex { $0.id == id }
    }
}
