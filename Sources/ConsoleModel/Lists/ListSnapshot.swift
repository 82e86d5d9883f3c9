/// Where a list stands in loading.
public enum LoadState: Sendable, Hashable {
    case idle
    /// Loading page `page`; `of` is the page count when the server said.
    case loading(page: Int, of: Int?)
    case loaded
    /// Showing cached data older than the TTL while it is refreshed.
    case stale
    /// The last load failed; the message is for the user.
    case failed(String)
}

/// A short message for the status line.
public struct Notice: Sendable, Hashable {
    /// How the message should look.
    public enum Level: Sendable, Hashable { case info, success, warning, error }

    public var level: Level
    public var text: String

    public init(_ level: Level, _ text: String) {
        self.level = level
        self.text = text
    }
}

/// Everything a pane's table needs to draw a list, as a value.
public struct ListSnapshot<Row: Sendable>: Sendable {
    public var loadState: LoadState = .idle
    /// The rows to show: filtered and sorted.
    public var rows: RowsView<Row> = .empty
    /// Rows loaded so far (before the filter).
    public var loadedCount = 0
    /// Rows the server says the list has.
    public var totalCount: Int?
    public var pagesLoaded = 0
    public var totalPages: Int?
    /// Whether more pages can be loaded.
    public var hasMore = false
    /// Index of the selected row in `rows`.
    public var selectedIndex: Int?
    public var filter = ""
    public var sort: SortState?
    /// Why the list is empty on purpose ("Select an account … to see its members"), shown in the table.
    public var placeholder: String?
    /// Why load-all is paused (the rate-limit budget is down to the tenth kept for the user), while it is.
    public var pausedBecause: String?

    public init() {}

    /// The selected row.
    public var selectedRow: Row? {
        guard let selectedIndex, rows.indices.contains(selectedIndex) else { return nil }
        return rows[selectedIndex]
    }
}
