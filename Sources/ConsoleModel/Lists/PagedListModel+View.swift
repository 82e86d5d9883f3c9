import APICore

/// Selection, filter and sort, optimistic row edits, and the display order of a `PagedListModel`.
extension PagedListModel {
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
        revealing = false
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

    /// Selects the row with `id`, loading page after page until it arrives (a risk finding's row may be on the last
    /// page of thousands); the first row is selected if the list ends without it.
    public func reveal(id: String) {
        if let index = snapshot.rows.firstIndex(where: { $0.id == id }) { return select(index: index) }
        selectedID = id
        selectedStoreIndex = nil
        revealing = true
        // Before the first page the running load continues the search when it lands.
        if !chunkCursors.isEmpty { continueRevealing() }
    }

    func continueRevealing() {
        guard let selectedID else {
            revealing = false
            return
        }
        if storeIndex(of: selectedID) != nil {
            revealing = false
            publishRows()
        } else if nextCursor != nil {
            if loading == nil, let cursor = nextCursor { load(cursor: cursor, policy: .useCache) }
        } else {
            revealing = false
            self.selectedID = nil
            publishRows()
        }
        onChange()
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

    func storeIndex(of id: String) -> Int? {
        (0..<store.count).first { store[$0].id == id }
    }

    // MARK: - View

    /// One row's filter text, written the way a page's is (one mechanism, so an edited row matches as a loaded one).
    func haystack(_ row: Row) -> String {
        filterText([row]).text(at: 0)
    }

    var needle: String { snapshot.filter.trimmingCharacters(in: .whitespaces).lowercased() }

    func sortKeys(for indices: [Int]) -> [SortKey]? {
        guard let sort = snapshot.sort, let column = columns.first(where: { $0.id == sort.columnID }) else {
            return nil
        }
        return indices.map { column.sortKey(store[$0]) }
    }

    func comesFirst(_ left: SortKey, _ right: SortKey) -> Bool {
        let ascending = snapshot.sort?.ascending ?? true
        switch (left, right) {
        case (.missing, .missing): return false
        case (.missing, _): return false
        case (_, .missing): return true
        default: return ascending ? left < right : right < left
        }
    }

    func matchingIndices(in range: Range<Int>) -> [Int] {
        let needle = needle
        guard !needle.isEmpty else { return Array(range) }
        return store.indices(matching: HaystackChunk.needle(needle), in: range)
    }

    /// Rebuilds the display order: from a remembered order when the filter history has one that covers it
    /// (a keystroke that lengthens the needle only filters the previous matches, sorted order kept), else from
    /// every row.
    func recomputeView() {
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
                    comesFirst(a.element.1, b.element.1)
                        || (!comesFirst(b.element.1, a.element.1) && a.offset < b.offset)
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

    func rememberOrder() {
        guard let order else { return }
        filterHistory.record(.init(needle: needle, sort: snapshot.sort, order: order, keys: orderKeys))
    }

    /// Adds rows loaded from `start` on to the display order without redoing the rest.
    func extendView(from start: Int) {
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

    func publishRows() {
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
            selectedStoreIndex = order?[0] ?? 0
            if !revealing { selectedID = rows[0].id }
        }
    }

    /// The display position of the selected row: through its remembered store index when that still holds it
    /// (filtered out: nil at once), else by looking at every shown row.
    func displayIndex(ofSelected id: String, in rows: RowsView<Row>) -> Int? {
        if let known = selectedStoreIndex, known < store.count, store[known].id == id {
            guard let order else { return known }
            return order.firstIndex(of: known)
        }
        return rows.firstIndex { $0.id == id }
    }
}
