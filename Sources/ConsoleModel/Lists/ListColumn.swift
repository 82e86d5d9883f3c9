/// One column of a pane's table: its title, the text shown for a row, and how rows sort by it.
public struct ListColumn<Row>: Sendable {
    public let id: String
    public let title: String
    /// The text shown in the cell (raw API text: the UI sanitizes it before drawing).
    public let text: @Sendable (Row) -> String
    /// The key rows sort by; defaults to the lower-cased text.
    public let sortKey: @Sendable (Row) -> SortKey

    public init(
        id: String, title: String, text: @escaping @Sendable (Row) -> String,
        sortKey: (@Sendable (Row) -> SortKey)? = nil
    ) {
        self.id = id
        self.title = title
        self.text = text
        self.sortKey = sortKey ?? { SortKey.text(text($0).lowercased()) }
    }
}

/// A comparable value a column sorts by; missing values sort last.
public enum SortKey: Sendable, Comparable {
    case number(Double)
    case text(String)
    case missing
}

/// Which column a list is sorted by, and which way.
public struct SortState: Sendable, Hashable {
    public var columnID: String
    public var ascending: Bool

    public init(columnID: String, ascending: Bool = true) {
        self.columnID = columnID
        self.ascending = ascending
    }
}
